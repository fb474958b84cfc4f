"""The deputies' registers of a synthetic year: places, deputies, duty activities."""

import datetime

from .plan import DEMO
from .vocabulary import PUBLICATIONS, TOPICS

DEPUTY_COLUMNS = [
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
]
ACTIVITY_COLUMNS = [
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
]
ATTENDANCE_COLUMNS = [
    "id",
    "activity_id",
    "deputy_id",
    "invited",
    "attended",
    "reflection",
]
DUTY_REPORT_COLUMNS = [
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
]
REFLECTION = "通过本次考察学习,看到了兄弟地区的好做法,回来后要结合社区实际做细做实。"


def write_places(ctx) -> None:
    """Communities, constituencies and the communities of each constituency."""
    from deputies.models import Community, Constituency

    n, w = ctx.n, ctx.w
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
    w.write(
        Constituency.communities.through,
        ["id", "constituency_id", "community_id"],
        (
            (c, (c - 1) % n["constituencies"] + 1, c)
            for c in range(1, n["communities"] + 1)
        ),
    )


def _deputy_row(ctx, i: int, level: str, user_id) -> tuple:
    rng, pools, n = ctx.rng, ctx.pools, ctx.n
    return (
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
        datetime.date(ctx.year - 2, 12, 1),
        user_id if i == 1 else None,
    )


def write_deputies(ctx, deputy_user_id: int) -> tuple[list, list, list]:
    """The deputies, the first one with the bench deputy's login.

    Returns the ids of all deputies, of the city-level ones and of the
    district-level ones.
    """
    from deputies.models import Deputy

    deputy_ids = list(range(1, ctx.n["deputies"] + 1))
    city_ids = deputy_ids[-ctx.n["city_deputies"] :]
    rows = [
        _deputy_row(ctx, i, "city" if i in city_ids else "district", deputy_user_id)
        for i in deputy_ids
    ]
    ctx.w.write(Deputy, DEPUTY_COLUMNS, rows)
    district_ids = [i for i in deputy_ids if i not in city_ids]
    return deputy_ids, city_ids, district_ids


def _activity_extra(ctx, kind: str, a: int, deputy_ids) -> dict:
    """The columns only some kinds of duty activity fill."""
    rng = ctx.rng
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
    return extra


def _attendance(ctx, a: int, kind: str, deputy_ids, rows: list) -> None:
    """The deputies invited to activity ``a``, appended to ``rows``."""
    rng = ctx.rng
    invited = rng.sample(
        deputy_ids,
        min(
            len(deputy_ids),
            max(1, round(rng.gauss(DEMO["attendance_per_activity"], 2))),
        ),
    )
    for d in invited:
        attended = kind == "briefing" or rng.random() < 0.92
        rows.append(
            (
                len(rows) + 1,
                a,
                d,
                True,
                attended,
                REFLECTION if kind == "training" and attended else "",
            )
        )


def write_activities(ctx, deputy_ids) -> None:
    """Duty activities of every kind, and who was invited and came."""
    from deputies.models import Attendance, DutyActivity

    rng = ctx.rng
    activity_rows, attendance_rows = [], []
    kinds = [k for k, c in ctx.n["activities"].items() for _ in range(c)]
    rng.shuffle(kinds)
    for a, kind in enumerate(kinds, start=1):
        extra = _activity_extra(ctx, kind, a, deputy_ids)
        activity_rows.append(
            (
                a,
                kind,
                f"{DutyActivity.Kind(kind).label}(模拟){a}",
                ctx.day(),
                "街道代表室(模拟)",
                rng.choice(["street", "district"]),
                kind != "briefing",
                *extra.values(),
            )
        )
        _attendance(ctx, a, kind, deputy_ids, attendance_rows)
    ctx.w.write(DutyActivity, ACTIVITY_COLUMNS, activity_rows)
    ctx.w.write(Attendance, ATTENDANCE_COLUMNS, attendance_rows)


def write_duty_reports(ctx, deputy_ids) -> None:
    """Deputies reporting on their year to their voters."""
    from deputies.models import DutyReport

    rng = ctx.rng
    report_rows = []
    for r in range(1, ctx.n["duty_reports"] + 1):
        d = rng.choice(deputy_ids)
        audience = rng.randrange(20, 60)
        satisfied = rng.randrange(audience // 2, audience)
        fairly = rng.randrange(0, audience - satisfied + 1)
        report_rows.append(
            (
                r,
                d,
                ctx.day(),
                (d - 1) % ctx.n["constituencies"] + 1,
                "代表接待站(模拟)",
                audience,
                "代表向选民报告一年来履职情况。(模拟述职报告)",
                satisfied,
                fairly,
                rng.randrange(0, audience - satisfied - fairly + 1),
            )
        )
    ctx.w.write(DutyReport, DUTY_REPORT_COLUMNS, report_rows)


def write_by_elections(ctx, district_ids) -> None:
    """By-elections, each electing one district deputy."""
    from deputies.models import ByElection

    n = ctx.n
    by_election_rows = [
        (b, (b - 1) % n["constituencies"] + 1, ctx.day(), 1, "补选(模拟)")
        for b in range(1, n["by_elections"] + 1)
    ]
    ctx.w.write(
        ByElection,
        ["id", "constituency_id", "date", "seats", "notes"],
        by_election_rows,
    )
    ctx.w.write(
        ByElection.elected.through,
        ["id", "byelection_id", "deputy_id"],
        (
            (b, b, district_ids[b % len(district_ids)])
            for b in range(1, n["by_elections"] + 1)
        ),
    )
