"""A synthetic year of records at a chosen scale, for the benchmarks.

    python -m bench.generate --scale 100k [--year 2026] [--database-url URL]

The scale is the number of suggestions (1k, 10k, 100k, 1m or any number such
as 200). Every other register follows the proportions of the 2018 demo year
(``manage.py load_demo``: 82 suggestions, 5 reception sessions with 21 issues,
27 duty activities with 289 attendances, 7 duty reports, 22 articles with 45
submissions, 69 replies, 42 ratings, 377 timeline entries):

* records that the report counts grow linearly with the scale: suggestions
  with their replies, ratings and timeline, reception sessions with their
  issues and deputies, duty activities that are counted (study sessions,
  inspections, activity days, briefings) with their attendance, duty reports,
  articles and submissions;
* people, places and the events the report names one by one grow with the
  square root of the scale: communities, constituencies, deputies, stations
  (with their eight-haves checks), training trips, symposiums, poverty visits,
  law inspections, delegation visits, by-elections, escalations, key works and
  plan items. A street with ten times the residents' opinions does not have ten
  times the deputies, and a report listing thousands of trips by name would
  measure nothing real.

Names, phones and addresses are invented by Faker (zh_CN) with a fixed seed,
so two runs at the same scale make the same records. No photos are made and no
history rows are written (bulk inserts bypass django-simple-history).

The command wipes the target database's records and rebuilds them: it runs
``migrate`` (creating the database first if it is missing), then empties every
table of the portal except the migrations, content types, permissions and role
groups, then inserts. To guard against a wrong ``--database-url`` it refuses a
database that holds records unless its name contains ``bench`` or
``--wipe`` is given. On PostgreSQL the rows go in through COPY; elsewhere
(SQLite, the tests) through ``bulk_create``.
"""

import argparse
import datetime
import io
import math
import os
import random
import sys
import time
import uuid
from urllib.parse import urlsplit, urlunsplit

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/ziyang_bench"
SCALES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
SEED = 2018
BENCH_PASSWORD = "ziyang-bench-only"  # bench databases only; see bench/README.md

# The 2018 demo year, per 82 suggestions (counted after manage.py load_demo).
DEMO_SUGGESTIONS = 82
DEMO = {
    "communities": 9,
    "constituencies": 5,
    "deputies": 15,
    "city_deputies": 2,
    "sessions": 5,
    "issues_per_session": 21 / 5,
    "counted_activities": {  # kind: number, linear
        "study": 3,
        "inspection": 1,
        "activity_day": 1,
        "briefing": 11,
    },
    "named_activities": {  # kind: number, square root
        "training": 3,
        "symposium": 4,
        "poverty_visit": 3,
        "law_inspection": 1,
    },
    "attendance_per_activity": 289 / 27,
    "duty_reports": 7,
    "articles": 22,
    "submissions_per_article": 45 / 22,
    "delegation_visits": 4,
    "by_elections": 1,
    "escalations": 1,
    "key_works": 8,
    "plan_items": 13,
}
# Kinds and sources of the demo suggestions (counts of 82).
SUGGESTION_MIX = [
    (("resident", "wechat_express"), 18),
    (("resident", "community_group"), 16),
    (("resident", "reception"), 20),
    (("resident", "phone"), 8),
    (("resident", "visit"), 7),
    (("resident", "web_form"), 3),
    (("session", "deputy"), 6),
    (("inter_session", "deputy"), 4),
]
STATUS_MIX = [
    ("received", 3),
    ("accepted", 5),
    ("in_progress", 5),
    ("reopened", 9),
    ("replied", 18),
    ("closed", 40),
    ("rejected", 2),
]
# The path each status took from "received", as timeline transitions.
STATUS_PATHS = {
    "received": [],
    "accepted": ["accepted"],
    "in_progress": ["accepted", "in_progress"],
    "replied": ["accepted", "in_progress", "replied"],
    "closed": ["accepted", "in_progress", "replied", "closed"],
    "rejected": ["rejected"],
    "reopened": ["accepted", "replied", "closed", "reopened"],
}
HAS_REPLY = {"replied", "closed", "rejected", "reopened"}
RATING_SCORES = [("satisfied", 25), ("basically", 8), ("unsatisfied", 9)]

CATEGORIES = ["城市建设", "市容环境", "交通出行", "社区治理", "民生服务", "治安安全"]
UNITS = [
    "区交通大队(模拟)",
    "区园林局(模拟)",
    "区城管执法局(模拟)",
    "区房管局(模拟)",
    "社区居委会(模拟)",
    "街道办事处(模拟)",
]
OUTLETS = [  # name, level, kind, own channel
    ("《人民意志》(模拟)", "province", "magazine", False),
    ("《长江日报》(模拟)", "city", "newspaper", False),
    ("《武汉晚报》(模拟)", "city", "newspaper", False),
    ("市人大网站(模拟)", "city", "website", False),
    ("区人大网站(模拟)", "district", "website", False),
    ("区内网(模拟)", "district", "intranet", False),
    ("紫阳微邻里(模拟)", "street", "wechat", True),
]
PLAN_HEADINGS = [
    ("学习培训", "work.training"),
    ("监督", "work.special"),
    ("代表活动", "work.special"),
    ("自身建设", "work.platform"),
    ("宣传", "work.publicity"),
]
PRIORITY_LINES = ["拼搏赶超线", "长江主轴线", "平安靓丽线", "民生幸福线"]
TOPICS = [
    "老旧小区改造",
    "背街小巷整治",
    "停车难",
    "垃圾分类",
    "加装电梯",
    "路灯维修",
    "噪音扰民",
    "绿化养护",
    "积水内涝",
    "菜市场秩序",
    "养老服务",
    "学校周边交通",
]
PUBLICATIONS = [
    ("《武昌政务简报》", "government"),
    ("《工作简报》", "internal"),
    ("《武昌人大》", "internal"),
]

# Rows per COPY or bulk_create batch, and suggestions per generated chunk.
BATCH = 5_000
CHUNK = 20_000


def parse_scale(text: str) -> int:
    text = str(text).strip().lower()
    if text in SCALES:
        return SCALES[text]
    if text.endswith("k") and text[:-1].isdigit():
        return int(text[:-1]) * 1_000
    if text.endswith("m") and text[:-1].isdigit():
        return int(text[:-1]) * 1_000_000
    if text.isdigit() and int(text) > 0:
        return int(text)
    raise argparse.ArgumentTypeError(
        f"scale must be 1k, 10k, 100k, 1m or a number of suggestions, not {text!r}"
    )


def plan_counts(scale: int) -> dict:
    """How many of each record a scale makes (before randomness)."""
    linear = scale / DEMO_SUGGESTIONS
    root = max(1.0, math.sqrt(linear))

    def lin(n):
        return max(1, round(n * linear))

    def sq(n):
        return max(n, round(n * root))

    communities = sq(DEMO["communities"])
    return {
        "suggestions": scale,
        "communities": communities,
        "constituencies": sq(DEMO["constituencies"]),
        "deputies": sq(DEMO["deputies"]),
        "city_deputies": sq(DEMO["city_deputies"]),
        "stations": communities + 1,
        "sessions": lin(DEMO["sessions"]),
        "activities": {
            **{k: lin(n) for k, n in DEMO["counted_activities"].items()},
            **{k: sq(n) for k, n in DEMO["named_activities"].items()},
        },
        "duty_reports": lin(DEMO["duty_reports"]),
        "articles": lin(DEMO["articles"]),
        "delegation_visits": sq(DEMO["delegation_visits"]),
        "by_elections": sq(DEMO["by_elections"]),
        "escalations": sq(DEMO["escalations"]),
        "key_works": sq(DEMO["key_works"]),
        "plan_items": sq(DEMO["plan_items"]),
    }


class TrackingCodes:
    """Unique tracking codes that look random: a bijection of the row number."""

    def __init__(self):
        from suggestions.models import CODE_ALPHABET, CODE_GROUP_SIZE, CODE_GROUPS

        self.alphabet = CODE_ALPHABET
        self.length = CODE_GROUPS * CODE_GROUP_SIZE
        self.group = CODE_GROUP_SIZE
        self.modulus = len(CODE_ALPHABET) ** self.length
        self.multiplier = 1_000_000_007  # prime, so coprime with 31**12

    def __call__(self, n: int) -> str:
        value = (n * self.multiplier + 12_345) % self.modulus
        chars = []
        for _ in range(self.length):
            value, digit = divmod(value, len(self.alphabet))
            chars.append(self.alphabet[digit])
        return "-".join(
            "".join(chars[i : i + self.group])
            for i in range(0, self.length, self.group)
        )


class Writer:
    """Inserts rows of a model: COPY on PostgreSQL, bulk_create elsewhere.

    Rows are tuples in the order of ``columns`` (attnames, the primary key
    included); every other concrete column gets the field's default.
    """

    def __init__(self, connection, counts: dict):
        self.connection = connection
        self.counts = counts
        self.copy = connection.vendor == "postgresql"
        self._defaults: dict = {}

    def _fill(self, model, columns):
        key = (model, tuple(columns))
        if key not in self._defaults:
            from django.utils import timezone

            now = timezone.now()
            extra = []
            for field in model._meta.concrete_fields:
                if field.attname in columns:
                    continue
                if getattr(field, "auto_now", False) or getattr(
                    field, "auto_now_add", False
                ):
                    value = (
                        now
                        if field.get_internal_type() == "DateTimeField"
                        else now.date()
                    )
                else:
                    value = field.get_default()
                extra.append((field, value))
            self._defaults[key] = extra
        return self._defaults[key]

    def write(self, model, columns, rows) -> int:
        rows = list(rows)
        if not rows:
            return 0
        extra = self._fill(model, columns)
        label = model._meta.label
        self.counts[label] = self.counts.get(label, 0) + len(rows)
        if self.copy:
            self._copy(model, columns, extra, rows)
        else:
            objs = []
            for row in rows:
                values = dict(zip(columns, row, strict=True))
                values.update((f.attname, v) for f, v in extra)
                objs.append(model(**values))
            model.objects.bulk_create(objs, batch_size=500)
        return len(rows)

    def _copy(self, model, columns, extra, rows):
        fields = {f.attname: f for f in model._meta.concrete_fields}
        db_columns = [fields[c].column for c in columns] + [f.column for f, _v in extra]
        tail = "\t".join(_text(v) for _f, v in extra)
        sql = 'COPY "{}" ({}) FROM STDIN'.format(
            model._meta.db_table, ", ".join(f'"{c}"' for c in db_columns)
        )
        with self.connection.cursor() as cursor:
            raw = cursor.cursor  # the psycopg2 cursor under Django's wrapper
            for start in range(0, len(rows), BATCH * 4):
                buffer = io.StringIO()
                for row in rows[start : start + BATCH * 4]:
                    line = "\t".join(_text(v) for v in row)
                    buffer.write(f"{line}\t{tail}\n" if extra else f"{line}\n")
                buffer.seek(0)
                raw.copy_expert(sql, buffer)


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _text(value) -> str:
    """A value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    return str(value)


def _weighted(rng, pairs):
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


def generate(scale: int, year: int, *, seed: int = SEED, out=None) -> dict:
    """Insert a synthetic year into the default database; {model label: rows}.

    The portal's tables must be empty (``wipe()`` empties them); ids start at 1.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.db import connection, transaction
    from django.utils import timezone

    from deputies.models import (
        Attendance,
        ByElection,
        Community,
        Constituency,
        Deputy,
        DutyActivity,
        DutyReport,
    )
    from publicity.models import Article, Outlet, Submission
    from reception.models import (
        DelegationVisit,
        ReceptionSession,
        SessionIssue,
        StandardCheck,
        StandardItem,
        Station,
    )
    from suggestions.models import (
        Category,
        Escalation,
        EscalationFollowUp,
        HandlingUnit,
        Rating,
        Reply,
        Suggestion,
        TimelineEntry,
    )
    from workplan.models import KeyWork, PlanHeading, PlanItem, PriorityLine, WorkPlan
    from ziyang_portal.roles import DEPUTY_GROUP, STAFF_GROUP, sync_roles

    out = out or (lambda *a: None)
    rng = random.Random(seed)
    pools = Pools(seed)
    n = plan_counts(scale)
    counts: dict[str, int] = {}
    w = Writer(connection, counts)
    tz = timezone.get_current_timezone()
    start = datetime.datetime(year, 1, 1, tzinfo=tz)
    days = (datetime.date(year + 1, 1, 1) - datetime.date(year, 1, 1)).days

    def day(lo=0, hi=None):
        return datetime.date(year, 1, 1) + datetime.timedelta(
            days=rng.randrange(lo, hi if hi is not None else days)
        )

    def moment(lo_day=0, hi_day=None):
        return start + datetime.timedelta(
            days=rng.randrange(lo_day, hi_day if hi_day is not None else days),
            seconds=rng.randrange(8 * 3600, 18 * 3600),
        )

    with transaction.atomic():
        sync_roles()
        User = get_user_model()
        password = make_password(BENCH_PASSWORD)
        staff = User.objects.create(
            username="bench_staff",
            password=password,
            is_staff=True,
            last_name="模",
            first_name="拟工作人员",
        )
        staff.groups.add(Group.objects.get(name=STAFF_GROUP))
        deputy_user = User.objects.create(
            username="bench_deputy",
            password=password,
            last_name="模",
            first_name="拟代表",
        )
        deputy_user.groups.add(Group.objects.get(name=DEPUTY_GROUP))
        counts[User._meta.label] = 2

        # Places and people.
        w.write(
            Community,
            ["id", "name", "slug", "ordering"],
            (
                (i, f"模拟社区{i:04d}", f"bench-{i:04d}", i)
                for i in range(1, n["communities"] + 1)
            ),
        )
        w.write(
            Constituency,
            ["id", "number", "name"],
            ((i, i, f"第{i}选区(模拟)") for i in range(1, n["constituencies"] + 1)),
        )
        through = Constituency.communities.through
        w.write(
            through,
            ["id", "constituency_id", "community_id"],
            (
                (c, (c - 1) % n["constituencies"] + 1, c)
                for c in range(1, n["communities"] + 1)
            ),
        )
        deputy_rows = []
        deputy_ids = list(range(1, n["deputies"] + 1))
        city_ids = deputy_ids[-n["city_deputies"] :]
        for i in deputy_ids:
            level = "city" if i in city_ids else "district"
            deputy_rows.append(
                (
                    i,
                    pools.names[i % len(pools.names)],
                    rng.choice("mf"),
                    rng.choice(["中共党员", "群众", "民盟盟员", "九三学社社员"]),
                    rng.randrange(1955, 1990),
                    level,
                    15 if level == "district" else 14,
                    (i - 1) % n["constituencies"] + 1,
                    (i - 1) % n["communities"] + 1,
                    rng.choice(pools.jobs),
                    rng.choice(pools.companies),
                    "模拟代表,热心为社区居民办实事。",
                    pools.phones[i % len(pools.phones)],
                    datetime.date(year - 2, 12, 1),
                    deputy_user.pk if i == 1 else None,
                )
            )
        w.write(
            Deputy,
            [
                "id",
                "name",
                "gender",
                "party",
                "birth_year",
                "level",
                "term",
                "constituency_id",
                "community_id",
                "occupation",
                "employer",
                "profile",
                "phone",
                "active_from",
                "user_id",
            ],
            deputy_rows,
        )
        district_ids = [i for i in deputy_ids if i not in city_ids]

        # Stations: one per community and the street office; the eight-haves.
        StandardItem.objects.ensure_defaults()
        items = list(StandardItem.objects.values_list("pk", flat=True))
        station_rows = [
            (
                1,
                "街道人大代表之家(模拟)",
                "bench-office",
                "office",
                None,
                "紫阳路1号(模拟)",
                None,
                True,
                0,
            )
        ]
        for c in range(1, n["communities"] + 1):
            station_rows.append(
                (
                    c + 1,
                    f"模拟社区{c:04d}代表接待站",
                    f"bench-station-{c:04d}",
                    "station",
                    c,
                    rng.choice(pools.addresses),
                    day() if rng.random() < 0.9 else None,
                    False,
                    c,
                )
            )
        w.write(
            Station,
            [
                "id",
                "name",
                "slug",
                "kind",
                "community_id",
                "address",
                "upgraded_on",
                "open_to_all_deputies",
                "ordering",
            ],
            station_rows,
        )
        station_ids = [row[0] for row in station_rows]
        w.write(
            Station.deputies.through,
            ["id", "station_id", "deputy_id"],
            ((d, (d - 1) % n["communities"] + 2, d) for d in district_ids),
        )
        check_rows = []
        for s in station_ids[1:]:
            meets = rng.random() < 0.8
            for item in items:
                check_rows.append(
                    (len(check_rows) + 1, s, item, meets or rng.random() < 0.5, day())
                )
        w.write(
            StandardCheck,
            ["id", "station_id", "item_id", "met", "checked_on"],
            check_rows,
        )
        w.write(
            DelegationVisit,
            ["id", "date", "visiting_body", "level", "region", "head_count"],
            (
                (
                    i,
                    day(),
                    f"{rng.choice(['湖北省', '湖南省', '江西省', '河南省'])}"
                    f"第{i}考察团(模拟)",
                    rng.choice(["province", "city", "district"]),
                    "华中",
                    rng.randrange(5, 40),
                )
                for i in range(1, n["delegation_visits"] + 1)
            ),
        )

        # Duty activities and attendance.
        activity_rows, attendance_rows = [], []
        kinds = [k for k, c in n["activities"].items() for _ in range(c)]
        rng.shuffle(kinds)
        reflection = (
            "通过本次考察学习,看到了兄弟地区的好做法,回来后要结合社区实际做细做实。"
        )
        for a, kind in enumerate(kinds, start=1):
            extra = {
                "topics": "",
                "households_due": None,
                "households_visited": None,
                "law_inspected": "",
                "publication": "",
                "publication_kind": "",
                "copies": None,
                "recipients": "",
            }
            if kind == "symposium":
                extra["topics"] = "\n".join(rng.sample(TOPICS, 2))
            elif kind == "poverty_visit":
                due = rng.randrange(6, 20)
                extra["households_due"] = due
                extra["households_visited"] = due - rng.randrange(0, 2)
            elif kind == "law_inspection":
                extra["law_inspected"] = f"《模拟法规第{a}号》"
            elif kind == "briefing":
                publication, publication_kind = rng.choice(PUBLICATIONS)
                extra.update(
                    publication=publication,
                    publication_kind=publication_kind,
                    copies=len(deputy_ids),
                    recipients="辖区全体人大代表",
                )
            activity_rows.append(
                (
                    a,
                    kind,
                    f"{DutyActivity.Kind(kind).label}(模拟){a}",
                    day(),
                    "街道代表室(模拟)",
                    rng.choice(["street", "district"]),
                    kind != "briefing",
                    *extra.values(),
                )
            )
            invited = rng.sample(
                deputy_ids,
                min(
                    len(deputy_ids),
                    max(1, round(rng.gauss(DEMO["attendance_per_activity"], 2))),
                ),
            )
            for d in invited:
                attended = kind == "briefing" or rng.random() < 0.92
                attendance_rows.append(
                    (
                        len(attendance_rows) + 1,
                        a,
                        d,
                        True,
                        attended,
                        reflection if kind == "training" and attended else "",
                    )
                )
        w.write(
            DutyActivity,
            [
                "id",
                "kind",
                "title",
                "date",
                "place",
                "organiser",
                "is_public",
                "topics",
                "households_due",
                "households_visited",
                "law_inspected",
                "publication",
                "publication_kind",
                "copies",
                "recipients",
            ],
            activity_rows,
        )
        w.write(
            Attendance,
            ["id", "activity_id", "deputy_id", "invited", "attended", "reflection"],
            attendance_rows,
        )
        del activity_rows, attendance_rows
        report_rows = []
        for r in range(1, n["duty_reports"] + 1):
            d = rng.choice(deputy_ids)
            audience = rng.randrange(20, 60)
            satisfied = rng.randrange(audience // 2, audience)
            fairly = rng.randrange(0, audience - satisfied + 1)
            report_rows.append(
                (
                    r,
                    d,
                    day(),
                    (d - 1) % n["constituencies"] + 1,
                    "代表接待站(模拟)",
                    audience,
                    "代表向选民报告一年来履职情况。(模拟述职报告)",
                    satisfied,
                    fairly,
                    rng.randrange(0, audience - satisfied - fairly + 1),
                )
            )
        w.write(
            DutyReport,
            [
                "id",
                "deputy_id",
                "date",
                "constituency_id",
                "place",
                "audience",
                "text",
                "satisfied",
                "fairly_satisfied",
                "dissatisfied",
            ],
            report_rows,
        )
        by_election_rows = [
            (b, (b - 1) % n["constituencies"] + 1, day(), 1, "补选(模拟)")
            for b in range(1, n["by_elections"] + 1)
        ]
        w.write(
            ByElection,
            ["id", "constituency_id", "date", "seats", "notes"],
            by_election_rows,
        )
        w.write(
            ByElection.elected.through,
            ["id", "byelection_id", "deputy_id"],
            (
                (b, b, district_ids[b % len(district_ids)])
                for b in range(1, n["by_elections"] + 1)
            ),
        )
        out(f"  places, people and activities: {sum(counts.values())} rows")

        # Reception sessions and the issues raised there.
        session_rows, session_deputies, issue_rows = [], [], []
        for s in range(1, n["sessions"] + 1):
            station = rng.choice(station_ids)
            at = moment()
            session_rows.append(
                (
                    s,
                    station,
                    at,
                    rng.choice(["centralised", "centralised", "routine", "online"]),
                    rng.randrange(5, 60),
                    "代表接待选民,收集意见建议。(模拟)",
                    at,
                )
            )
            for d in rng.sample(deputy_ids, min(len(deputy_ids), rng.randrange(1, 4))):
                session_deputies.append((len(session_deputies) + 1, s, d))
            for k in range(max(0, round(rng.gauss(DEMO["issues_per_session"], 1.5)))):
                issue_rows.append(
                    (
                        len(issue_rows) + 1,
                        uuid.UUID(int=rng.getrandbits(128), version=4),
                        s,
                        f"{rng.choice(TOPICS)}问题(模拟)",
                        rng.randrange(1, n["communities"] + 1),
                        rng.choice(CATEGORIES),
                        k,
                    )
                )
        w.write(
            ReceptionSession,
            [
                "id",
                "station_id",
                "started_at",
                "mode",
                "voters_received",
                "summary",
                "created_at",
            ],
            session_rows,
        )
        w.write(
            ReceptionSession.deputies.through,
            ["id", "receptionsession_id", "deputy_id"],
            session_deputies,
        )
        w.write(
            SessionIssue,
            ["id", "uid", "session_id", "text", "community_id", "category", "ordering"],
            issue_rows,
        )
        session_times = {row[0]: row[2] for row in session_rows}
        # Reception opinions come from the issues, oldest first.
        issues = [(row[1], row[2]) for row in issue_rows]
        del session_rows, session_deputies, issue_rows

        # Reference lists of the suggestions.
        w.write(
            Category,
            ["id", "name", "ordering", "active"],
            ((i, name, i, True) for i, name in enumerate(CATEGORIES, start=1)),
        )
        w.write(
            HandlingUnit,
            ["id", "name", "email", "active"],
            ((i, name, "", True) for i, name in enumerate(UNITS, start=1)),
        )
        out(f"  sessions and issues: {sum(counts.values())} rows")

        # Suggestions with their replies, ratings and timeline, chunk by chunk.
        codes = TrackingCodes()
        pick_kind = _weighted(rng, SUGGESTION_MIX)
        pick_status = _weighted(rng, STATUS_MIX)
        pick_score = _weighted(rng, RATING_SCORES)
        reply_id = rating_id = timeline_id = 0
        issue_index = 0
        resident_ids = []
        for chunk_start in range(1, scale + 1, CHUNK):
            suggestion_rows, reply_rows, rating_rows, timeline_rows = [], [], [], []
            for sid in range(chunk_start, min(scale, chunk_start + CHUNK - 1) + 1):
                kind, source = pick_kind()
                session_id = issue_uid = None
                if source == "reception":
                    if issue_index < len(issues):
                        issue_uid, session_id = issues[issue_index]
                        issue_index += 1
                        received = session_times[session_id]
                    else:
                        source = "visit"
                if session_id is None:
                    received = moment(0, days - 14)
                status = pick_status()
                due = (received + datetime.timedelta(days=30)).date()
                community = rng.randrange(1, n["communities"] + 1)
                p = rng.randrange(len(pools.names))
                resident = kind == "resident"
                noun = "意见" if resident else "建议"
                path = STATUS_PATHS[status]
                finished = None
                if status in ("closed", "rejected"):
                    finished = received + datetime.timedelta(days=len(path) * 5 + 1)
                suggestion_rows.append(
                    (
                        sid,
                        codes(sid),
                        kind,
                        "区十五届人大四次会议" if kind == "session" else "",
                        source,
                        community,
                        rng.randrange(1, len(CATEGORIES) + 1),
                        f"关于{rng.choice(TOPICS)}的{noun}(模拟)",
                        "居民反映的问题和诉求。(模拟内容,无真实个人信息)",
                        pools.names[p] if resident else "",
                        pools.phones[p] if resident else "",
                        pools.addresses[p] if resident else "",
                        pools.phones[p][-4:] if resident else "",
                        resident,
                        "2018-01" if resident else "",
                        session_id,
                        issue_uid,
                        None if resident else rng.choice(deputy_ids),
                        rng.choice(deputy_ids),
                        rng.randrange(1, len(UNITS) + 1),
                        status,
                        rng.choice("ABCD") if status in HAS_REPLY else "",
                        due if status != "received" else None,
                        received,
                        finished,
                    )
                )
                if resident:
                    resident_ids.append(sid)
                timeline_id += 1
                timeline_rows.append(
                    (
                        timeline_id,
                        sid,
                        "received",
                        received,
                        "",
                        "",
                        "received",
                        "",
                        True,
                    )
                )
                before = "received"
                at = received
                reply_at = None
                for step, after in enumerate(path):
                    at = received + datetime.timedelta(days=5 * step + 1)
                    if after in ("replied", "rejected") and reply_at is None:
                        reply_at = at
                    timeline_id += 1
                    timeline_rows.append(
                        (
                            timeline_id,
                            sid,
                            "transition",
                            at,
                            "工委",
                            before,
                            after,
                            "",
                            True,
                        )
                    )
                    before = after
                if status in HAS_REPLY:
                    reply_id += 1
                    reply_rows.append(
                        (
                            reply_id,
                            sid,
                            UNITS[rng.randrange(len(UNITS))],
                            (reply_at or at).date(),
                            rng.choice(["written", "phone", "visit", "online"]),
                            "已答复。(模拟)",
                            reply_at or at,
                        )
                    )
                    if resident and status in ("closed", "reopened"):
                        rating_id += 1
                        rating_rows.append(
                            (rating_id, sid, reply_id, pick_score(), "", at)
                        )
                        timeline_id += 1
                        timeline_rows.append(
                            (timeline_id, sid, "rating", at, "居民", "", "", "", True)
                        )
                if resident and rng.random() < 51 / 76:
                    timeline_id += 1
                    timeline_rows.append(
                        (
                            timeline_id,
                            sid,
                            "follow_up",
                            received + datetime.timedelta(days=3),
                            "代表",
                            "",
                            "",
                            "代表上门了解情况。(模拟)",
                            True,
                        )
                    )
            w.write(
                Suggestion,
                [
                    "id",
                    "tracking_code",
                    "kind",
                    "congress_session",
                    "source",
                    "community_id",
                    "category_id",
                    "title",
                    "text",
                    "submitter_name",
                    "submitter_phone",
                    "submitter_address",
                    "phone_last4",
                    "consent",
                    "privacy_notice_version",
                    "reception_session_id",
                    "session_issue_uid",
                    "raised_by_id",
                    "following_deputy_id",
                    "handling_unit_id",
                    "status",
                    "outcome",
                    "due_date",
                    "received_at",
                    "finished_at",
                ],
                suggestion_rows,
            )
            w.write(
                Reply,
                [
                    "id",
                    "suggestion_id",
                    "responder",
                    "answered_on",
                    "channel",
                    "text",
                    "created_at",
                ],
                reply_rows,
            )
            w.write(
                Rating,
                ["id", "suggestion_id", "reply_id", "score", "comment", "created_at"],
                rating_rows,
            )
            w.write(
                TimelineEntry,
                [
                    "id",
                    "suggestion_id",
                    "kind",
                    "at",
                    "actor_label",
                    "from_status",
                    "to_status",
                    "note",
                    "public",
                ],
                timeline_rows,
            )
            out(f"  suggestions {min(scale, chunk_start + CHUNK - 1)}/{scale}")

        # Requests to city-level deputies, with their follow-ups.
        escalation_rows, follow_rows = [], []
        for e, sid in enumerate(
            rng.sample(resident_ids, min(len(resident_ids), n["escalations"])), 1
        ):
            on = day(0, days - 30)
            escalation_rows.append(
                (
                    e,
                    sid,
                    rng.choice(city_ids),
                    on,
                    "请市人大代表协调解决。(模拟)",
                    rng.choice(["open", "partly", "resolved"]),
                )
            )
            for k in range(3):
                follow_rows.append(
                    (
                        len(follow_rows) + 1,
                        e,
                        on + datetime.timedelta(days=7 * (k + 1)),
                        f"第{k + 1}次协调推进。(模拟)",
                        True,
                    )
                )
        w.write(
            Escalation,
            [
                "id",
                "suggestion_id",
                "city_deputy_id",
                "escalated_on",
                "request",
                "status",
            ],
            escalation_rows,
        )
        w.write(
            EscalationFollowUp,
            ["id", "escalation_id", "on", "text", "public"],
            follow_rows,
        )

        # Publicity: outlets, articles and their submissions.
        w.write(
            Outlet,
            ["id", "name", "level", "kind", "is_own_channel", "is_active", "ordering"],
            ((i, *row, True, i) for i, row in enumerate(OUTLETS, start=1)),
        )
        outside = [i for i, row in enumerate(OUTLETS, start=1) if not row[3]]
        own = [i for i, row in enumerate(OUTLETS, start=1) if row[3]]
        article_rows, submission_rows, article_deputies = [], [], []
        for a in range(1, n["articles"] + 1):
            date = day(0, days - 20)
            profile = rng.random() < 6 / 22
            article_rows.append(
                (
                    a,
                    f"{'代表风采' if profile else '工作动态'}:模拟稿件{a}",
                    "模拟稿件摘要。",
                    "模拟稿件正文。" * 20,
                    "工委通讯员(模拟)",
                    date,
                    profile,
                    rng.random() < 20 / 22,
                )
            )
            if profile:
                article_deputies.append(
                    (len(article_deputies) + 1, a, rng.choice(deputy_ids))
                )
            targets = own if profile else []
            k = max(1, round(rng.gauss(DEMO["submissions_per_article"], 0.8)))
            targets = targets + rng.sample(outside, min(len(outside), k))
            for outlet in targets:
                accepted = outlet in own or rng.random() < 35 / 45
                submission_rows.append(
                    (
                        len(submission_rows) + 1,
                        a,
                        outlet,
                        date,
                        accepted,
                        date + datetime.timedelta(days=7) if accepted else None,
                    )
                )
        w.write(
            Article,
            [
                "id",
                "title",
                "summary",
                "body",
                "authors",
                "date",
                "is_profile_post",
                "is_published",
            ],
            article_rows,
        )
        w.write(
            Article.deputies.through,
            ["id", "article_id", "deputy_id"],
            article_deputies,
        )
        w.write(
            Submission,
            ["id", "article_id", "outlet_id", "sent_on", "accepted", "accepted_on"],
            submission_rows,
        )
        del article_rows, submission_rows

        # The work plan of the year and the key works under supervision.
        w.write(
            PriorityLine,
            ["id", "name", "ordering"],
            ((i, name, i) for i, name in enumerate(PRIORITY_LINES, start=1)),
        )
        w.write(
            KeyWork,
            [
                "id",
                "title",
                "priority_line_id",
                "start_year",
                "end_year",
                "status",
                "is_public",
                "ordering",
            ],
            (
                (
                    k,
                    f"{TOPICS[k % len(TOPICS)]}重点工作(模拟){k}",
                    (k - 1) % len(PRIORITY_LINES) + 1,
                    year - 1,
                    year + 1,
                    "in_progress",
                    True,
                    k,
                )
                for k in range(1, n["key_works"] + 1)
            ),
        )
        w.write(
            KeyWork.sessions.through,
            ["id", "keywork_id", "receptionsession_id"],
            (
                (k, k, rng.randrange(1, n["sessions"] + 1))
                for k in range(1, n["key_works"] + 1)
            ),
        )
        w.write(
            PlanHeading,
            ["id", "name", "report_part", "ordering"],
            (
                (i, name, part, i)
                for i, (name, part) in enumerate(PLAN_HEADINGS, start=1)
            ),
        )
        w.write(
            WorkPlan,
            ["id", "year", "introduction"],
            [(1, year, "本年度工作计划(模拟)。")],
        )
        plan_rows = []
        kinds_cycle = list(n["activities"])
        for p in range(1, n["plan_items"] + 1):
            measure = (
                "activities"
                if p % 4
                else rng.choice(["sessions", "duty_reports", "articles"])
            )
            kind = kinds_cycle[p % len(kinds_cycle)] if measure == "activities" else ""
            # Targets near what the year holds: some items done, some not.
            expected = n["activities"][kind] if kind else n[measure]
            plan_rows.append(
                (
                    p,
                    1,
                    rng.randrange(1, len(PLAN_HEADINGS) + 1),
                    f"计划事项(模拟){p}",
                    (p - 1) % n["key_works"] + 1,
                    "街人大工委",
                    day(),
                    measure,
                    kind,
                    min(32_767, max(1, round(expected * rng.uniform(0.7, 1.2)))),
                    True,
                    "",
                    p,
                )
            )
        w.write(
            PlanItem,
            [
                "id",
                "plan_id",
                "heading_id",
                "title",
                "key_work_id",
                "lead",
                "target_date",
                "measure",
                "activity_kind",
                "target_count",
                "match_rule",
                "keyword",
                "ordering",
            ],
            plan_rows,
        )
        _reset_sequences(connection)
    return counts


def portal_models():
    """The models whose rows the generator makes (and a wipe removes)."""
    from django.apps import apps

    keep = {"contenttypes", "sessions", "admin"}
    keep_models = {"auth.permission", "auth.group", "auth.group_permissions"}
    models = []
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if model._meta.app_label in keep or label in keep_models:
            continue
        if not model._meta.managed or model._meta.proxy:
            continue
        models.append(model)
    return models


def _reset_sequences(connection) -> None:
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), portal_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def has_records() -> bool:
    from deputies.models import Deputy
    from suggestions.models import Suggestion

    return Suggestion.objects.exists() or Deputy.objects.exists()


def wipe() -> None:
    """Empty the portal's tables (TRUNCATE on PostgreSQL, DELETE elsewhere)."""
    from django.core.management.color import no_style
    from django.db import connection, transaction

    tables = [m._meta.db_table for m in portal_models()]
    tables += ["django_session", "django_admin_log"]
    existing = set(connection.introspection.table_names())
    statements = connection.ops.sql_flush(
        no_style(),
        [t for t in tables if t in existing],
        reset_sequences=True,
        allow_cascade=True,
    )
    with transaction.atomic():
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA defer_foreign_keys = ON")
            elif connection.vendor == "postgresql":
                # TRUNCATE refuses tables with deferred checks still pending.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        connection.ops.execute_sql_flush(statements)


def ensure_database(url: str) -> bool:
    """Create the PostgreSQL database of ``url`` if it is missing; True if made."""
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        return False
    import psycopg2
    from psycopg2 import sql

    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    conn = psycopg2.connect(server)
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                return False
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return True
    finally:
        conn.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--scale", type=parse_scale, default="10k")
    parser.add_argument(
        "--year", type=int, default=datetime.datetime.now(datetime.UTC).year
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
        help=f"default: $BENCH_DATABASE_URL or {DEFAULT_DATABASE_URL}",
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--wipe",
        action="store_true",
        help="empty a database that holds records even if its name lacks 'bench'",
    )
    args = parser.parse_args(argv)

    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ziyang_portal.settings.local")
    os.environ.setdefault("DEBUG", "0")
    began = time.perf_counter()
    created = ensure_database(args.database_url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    name = connection.settings_dict["NAME"]
    print(f"database {name}{' (created)' if created else ''}", flush=True)
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    if has_records():
        if "bench" not in str(name) and not args.wipe:
            print(
                f"{name} holds records and its name lacks 'bench': refusing to wipe "
                "it (pass --wipe to empty it).",
                file=sys.stderr,
            )
            return 2
        wipe()
    wiped = time.perf_counter()
    counts = generate(args.scale, args.year, seed=args.seed, out=print)
    generated = time.perf_counter()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
    done = time.perf_counter()

    from ._common import machine_info, print_table, write_result

    rows = [
        (label, f"{n:,}")
        for label, n in sorted(counts.items())
        if not label.startswith("(")
    ]
    rows.append(
        (
            "total rows",
            f"{sum(n for k, n in counts.items() if not k.startswith('(')):,}",
        )
    )
    print_table(["table", "rows"], rows)
    timings = {
        "migrate_s": round(migrated - began, 2),
        "wipe_s": round(wiped - migrated, 2),
        "insert_s": round(generated - wiped, 2),
        "analyze_s": round(done - generated, 2),
        "total_s": round(done - began, 2),
    }
    print_table(["step", "seconds"], list(timings.items()))
    write_result(
        "generate",
        {
            "scale": args.scale,
            "year": args.year,
            "seed": args.seed,
            "database": name,
            "rows": {k: v for k, v in counts.items() if not k.startswith("(")},
            "timings": timings,
            "machine": machine_info(database_url=args.database_url),
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
