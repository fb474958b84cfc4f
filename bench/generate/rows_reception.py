"""The reception registers of a synthetic year: stations, visits, sessions, issues."""

import uuid

from .plan import DEMO
from .vocabulary import CATEGORIES, TOPICS

STATION_COLUMNS = [
    "id",
    "name",
    "slug",
    "kind",
    "community_id",
    "address",
    "upgraded_on",
    "open_to_all_deputies",
    "ordering",
]
SESSION_COLUMNS = [
    "id",
    "station_id",
    "started_at",
    "mode",
    "voters_received",
    "summary",
    "created_at",
]
ISSUE_COLUMNS = [
    "id",
    "uid",
    "session_id",
    "text",
    "community_id",
    "category",
    "ordering",
]


def _station_rows(ctx) -> list:
    """The street office's home of deputies, then one station per community."""
    rng = ctx.rng
    rows = [
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
    for c in range(1, ctx.n["communities"] + 1):
        rows.append(
            (
                c + 1,
                f"模拟社区{c:04d}代表接待站",
                f"bench-station-{c:04d}",
                "station",
                c,
                rng.choice(ctx.pools.addresses),
                ctx.day() if rng.random() < 0.9 else None,
                False,
                c,
            )
        )
    return rows


def _write_checks(ctx, station_ids, items) -> None:
    """The eight-haves of each community station, most of them met."""
    from reception.models import StandardCheck

    rng = ctx.rng
    check_rows = []
    for s in station_ids[1:]:
        meets = rng.random() < 0.8
        for item in items:
            check_rows.append(
                (len(check_rows) + 1, s, item, meets or rng.random() < 0.5, ctx.day())
            )
    ctx.w.write(
        StandardCheck,
        ["id", "station_id", "item_id", "met", "checked_on"],
        check_rows,
    )


def write_stations(ctx, district_ids) -> list:
    """Stations with their district deputies and eight-haves; the station ids."""
    from reception.models import StandardItem, Station

    StandardItem.objects.ensure_defaults()
    items = list(StandardItem.objects.values_list("pk", flat=True))
    station_rows = _station_rows(ctx)
    ctx.w.write(Station, STATION_COLUMNS, station_rows)
    station_ids = [row[0] for row in station_rows]
    ctx.w.write(
        Station.deputies.through,
        ["id", "station_id", "deputy_id"],
        ((d, (d - 1) % ctx.n["communities"] + 2, d) for d in district_ids),
    )
    _write_checks(ctx, station_ids, items)
    return station_ids


def write_delegation_visits(ctx) -> None:
    """Delegations from elsewhere that came to see the stations."""
    from reception.models import DelegationVisit

    rng = ctx.rng
    ctx.w.write(
        DelegationVisit,
        ["id", "date", "visiting_body", "level", "region", "head_count"],
        (
            (
                i,
                ctx.day(),
                f"{rng.choice(['湖北省', '湖南省', '江西省', '河南省'])}"
                f"第{i}考察团(模拟)",
                rng.choice(["province", "city", "district"]),
                "华中",
                rng.randrange(5, 40),
            )
            for i in range(1, ctx.n["delegation_visits"] + 1)
        ),
    )


def _session(ctx, s: int, station_ids, deputy_ids, rows) -> None:
    """Session ``s`` with its deputies and issues, appended to ``rows``."""
    rng = ctx.rng
    session_rows, session_deputies, issue_rows = rows
    station = rng.choice(station_ids)
    at = ctx.moment()
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
                rng.randrange(1, ctx.n["communities"] + 1),
                rng.choice(CATEGORIES),
                k,
            )
        )


def write_sessions(ctx, station_ids, deputy_ids) -> tuple[dict, list]:
    """Reception sessions and the issues raised there.

    Returns the start of each session by id, and the issues as
    ``(uid, session id)`` oldest first, for the reception opinions.
    """
    from reception.models import ReceptionSession, SessionIssue

    session_rows, session_deputies, issue_rows = rows = [], [], []
    for s in range(1, ctx.n["sessions"] + 1):
        _session(ctx, s, station_ids, deputy_ids, rows)
    ctx.w.write(ReceptionSession, SESSION_COLUMNS, session_rows)
    ctx.w.write(
        ReceptionSession.deputies.through,
        ["id", "receptionsession_id", "deputy_id"],
        session_deputies,
    )
    ctx.w.write(SessionIssue, ISSUE_COLUMNS, issue_rows)
    session_times = {row[0]: row[2] for row in session_rows}
    issues = [(row[1], row[2]) for row in issue_rows]
    return session_times, issues
