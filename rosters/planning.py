"""The planned dates of the roster, computed from rules, exceptions and swaps.

Nothing is stored: a page asks for a window of days, the rules it concerns are
read with their deputies, exceptions and swaps in a constant number of queries,
and the dates are worked out here with dateutil's recurrence rules (RFC 5545).
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from deputies.models import Deputy
from reception.models import ReceptionSession, Station

from .models import DutyRule
from .recurrence import occurrences, occurs_on

# How far ahead the station and deputy pages and the poster look.
NEXT_DATES_HORIZON = datetime.timedelta(days=120)
NEXT_DATES_SHOWN = 4


@dataclass
class PlannedDate:
    """One reception the roster plans, after exceptions and swaps."""

    rule_id: int
    station: Station
    planned_on: datetime.date  # the rule's own date, before any move
    date: datetime.date
    start: datetime.datetime
    end: datetime.datetime
    deputies: list = field(default_factory=list)
    moved: bool = False
    session: ReceptionSession | None = None

    @property
    def uid(self) -> str:
        """Stable across edits of the rule's times, deputies or a move."""
        return f"rosters-{self.rule_id}-{self.planned_on:%Y%m%d}@ziyang-portal"

    @property
    def deputy_ids(self) -> set[int]:
        return {deputy.pk for deputy in self.deputies}

    @property
    def held(self) -> bool:
        return self.session is not None


def _moment(day, time) -> datetime.datetime:
    zone = timezone.get_default_timezone()
    return datetime.datetime.combine(day, time, tzinfo=zone)


def _deputies_on(rule: DutyRule, day, swaps_by_date) -> list:
    deputies = list(rule.deputies.all())
    for swap in swaps_by_date.get(day, ()):
        deputies = [
            swap.substitute if deputy.pk == swap.absent_id else deputy
            for deputy in deputies
        ]
    return sorted(deputies, key=lambda deputy: deputy.pk)


def _dates_of_rule(rule: DutyRule, first, last) -> list[PlannedDate]:
    exceptions = {exc.date: exc for exc in rule.exceptions.all()}
    swaps_by_date = {}
    for swap in rule.swaps.all():
        swaps_by_date.setdefault(swap.date, []).append(swap)
    days = set(occurrences(rule, first, last))
    # A date moved into the window from outside it.
    days |= {
        exc.date
        for exc in exceptions.values()
        if exc.action == exc.Action.MOVE
        and exc.new_date
        and first <= exc.new_date <= last
        and occurs_on(rule, exc.date)
    }
    planned = []
    start_time, end_time = rule.hours()
    for day in sorted(days):
        exc = exceptions.get(day)
        if exc is not None and exc.action == exc.Action.CANCEL:
            continue
        moved = exc is not None and exc.action == exc.Action.MOVE
        actual = exc.new_date if moved else day
        if not first <= actual <= last:
            continue
        begins = (exc.new_start_time if moved else None) or start_time
        ends = (exc.new_end_time if moved else None) or end_time
        if ends <= begins:
            ends = end_time if end_time > begins else begins
        planned.append(
            PlannedDate(
                rule_id=rule.pk,
                station=rule.station,
                planned_on=day,
                date=actual,
                start=_moment(actual, begins),
                end=_moment(actual, ends),
                deputies=_deputies_on(rule, day, swaps_by_date),
                moved=moved,
            )
        )
    return planned


def plan(rules, first: datetime.date, last: datetime.date) -> list[PlannedDate]:
    """Every planned date of these rules within [first, last], in order."""
    planned = []
    for rule in rules:
        planned.extend(_dates_of_rule(rule, first, last))
    planned.sort(key=lambda p: (p.start, p.station.ordering, p.station.name))
    return planned


def for_station(station: Station, first, last) -> list[PlannedDate]:
    rules = DutyRule.objects.in_force().filter(station=station).for_planning()
    return plan(rules, first, last)


def for_deputy(deputy: Deputy, first, last) -> list[PlannedDate]:
    rules = DutyRule.objects.in_force().for_deputy(deputy).for_planning()
    return [p for p in plan(rules, first, last) if deputy.pk in p.deputy_ids]


def upcoming(planned, limit=NEXT_DATES_SHOWN) -> list[PlannedDate]:
    """The dates not yet over, the first `limit` of them."""
    now = timezone.now()
    return [p for p in planned if p.end >= now][:limit]


def next_window(today=None) -> tuple[datetime.date, datetime.date]:
    today = today or timezone.localdate()
    return today, today + NEXT_DATES_HORIZON


def attach_sessions(planned: list[PlannedDate]) -> list[PlannedDate]:
    """Link each planned date to the session logged for it, in two queries.

    A session matches when it was held at the station on that day with one of
    the planned deputies present (or, for a date with no deputy, on that day).
    """
    if not planned:
        return planned
    stations = {p.station.pk for p in planned}
    days = [p.date for p in planned]
    sessions = (
        ReceptionSession.objects.filter(
            station_id__in=stations,
            started_at__date__gte=min(days),
            started_at__date__lte=max(days),
        )
        .prefetch_related("deputies")
        .order_by("started_at", "pk")
    )
    by_day = {}
    for session in sessions:
        key = (session.station_id, timezone.localtime(session.started_at).date())
        by_day.setdefault(key, []).append(session)
    for p in planned:
        for session in by_day.get((p.station.pk, p.date), ()):
            present = {deputy.pk for deputy in session.deputies.all()}
            if not p.deputies or present & p.deputy_ids:
                p.session = session
                break
    return planned
