"""What every register of a synthetic year draws from: seeded dice, names, days."""

import datetime
import random

from .plan import plan_counts
from .writer import Writer


def weighted(rng, pairs):
    """A picker of the values of ``(value, weight)`` pairs, drawn with ``rng``."""
    values = [v for v, _w in pairs]
    weights = [w for _v, w in pairs]
    return lambda: rng.choices(values, weights)[0]


class Pools:
    """Invented names, phones and addresses, drawn once from Faker."""

    def __init__(self, seed: int, size: int = 4_000):
        from faker import Faker

        fake = Faker("zh_CN")
        fake.seed_instance(seed)
        self.names = [fake.name() for _ in range(size)]
        self.phones = [fake.phone_number() for _ in range(size)]
        self.addresses = [fake.street_address() for _ in range(size)]
        self.companies = [fake.company() for _ in range(200)]
        self.jobs = [fake.job()[:40] for _ in range(200)]


class YearContext:
    """One generation run: the year, the seeded random source, the planned counts.

    Every register draws from the one ``rng`` in a fixed order, so the same
    scale and seed give the same records.
    """

    def __init__(self, connection, scale: int, year: int, seed: int, out):
        from django.utils import timezone

        self.out = out
        self.scale = scale
        self.year = year
        self.rng = random.Random(seed)
        self.pools = Pools(seed)
        self.n = plan_counts(scale)
        self.counts: dict[str, int] = {}
        self.w = Writer(connection, self.counts)
        tz = timezone.get_current_timezone()
        self.start = datetime.datetime(year, 1, 1, tzinfo=tz)
        self.days = (datetime.date(year + 1, 1, 1) - datetime.date(year, 1, 1)).days

    def day(self, lo=0, hi=None) -> datetime.date:
        """A random date of the year, between day ``lo`` and day ``hi``."""
        return datetime.date(self.year, 1, 1) + datetime.timedelta(
            days=self.rng.randrange(lo, hi if hi is not None else self.days)
        )

    def moment(self, lo_day=0, hi_day=None) -> datetime.datetime:
        """A random office-hours moment of the year."""
        return self.start + datetime.timedelta(
            days=self.rng.randrange(
                lo_day, hi_day if hi_day is not None else self.days
            ),
            seconds=self.rng.randrange(8 * 3600, 18 * 3600),
        )
