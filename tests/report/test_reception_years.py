"""The stations and their eight-haves as the records stood on 31 December:
many generated years of stations opened and retired at any time and checked in
any year, each figure counted again from the generated records, and each
sentence of the stations paragraph used only when what it states holds."""

import datetime
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reception.models import StandardItem, Station
from report.figures import plain_text
from report.sections import reception
from tests.reception.factories import StandardCheckFactory, StationFactory

pytestmark = pytest.mark.django_db

YEAR = 2016
D = datetime.date
END = D(YEAR, 12, 31)

YEARS = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Days around the year and its neighbours, with the edges of each year.
EDGES = [
    D(YEAR - 1, 1, 1),
    D(YEAR - 1, 12, 31),
    D(YEAR, 1, 1),
    D(YEAR, 7, 1),
    D(YEAR, 12, 31),
    D(YEAR + 1, 1, 1),
]
days = st.one_of(
    st.sampled_from(EDGES), st.dates(D(YEAR - 2, 1, 1), D(YEAR + 1, 12, 31))
)


@dataclass
class Round:
    """One visit of staff to a station: the items checked that day, and the
    items found not met among them (by position in the items in force)."""

    on: datetime.date
    checked: frozenset
    missing: frozenset


@dataclass
class Plan:
    opened: datetime.date | None
    closed: datetime.date | None
    upgraded: datetime.date | None
    rounds: list = field(default_factory=list)


rounds = st.builds(
    Round,
    on=days,
    checked=st.one_of(
        st.just(frozenset(range(9))), st.frozensets(st.integers(0, 8), max_size=9)
    ),
    missing=st.one_of(
        st.just(frozenset()), st.frozensets(st.integers(0, 8), max_size=2)
    ),
)
plans = st.builds(
    Plan,
    opened=st.one_of(st.none(), days),
    closed=st.one_of(st.none(), days),
    upgraded=st.one_of(st.none(), days),
    rounds=st.lists(rounds, max_size=3),
)
worlds = st.fixed_dictionaries(
    {
        "stations": st.lists(plans, max_size=4),
        # An item of the eight retired, and a ninth item added, or not.
        "retire": st.one_of(st.none(), st.integers(0, 7)),
        "extra_item": st.booleans(),
    }
)


def build(world) -> dict:
    """The generated records; what each station's checks are, by hand."""
    items = list(StandardItem.objects.active())
    if world["extra_item"]:
        items.append(
            StandardItem.objects.create(code="wifi", name="有网络", ordering=9)
        )
    made = []
    for plan in world["stations"]:
        closed = plan.closed
        if closed and plan.opened and closed <= plan.opened:
            closed = None
        station = StationFactory(
            opened_on=plan.opened, closed_on=closed, upgraded_on=plan.upgraded
        )
        findings = {}  # (item position, day) -> met; one check a day per item
        for r in plan.rounds:
            for i in r.checked:
                if i < len(items):
                    findings[i, r.on] = i not in r.missing
        for (i, on), met in findings.items():
            StandardCheckFactory(station=station, item=items[i], checked_on=on, met=met)
        made.append((station, plan.opened, closed, plan.upgraded, findings))
    if world["retire"] is not None:
        StandardItem.objects.filter(pk=items[world["retire"]].pk).update(active=False)
    in_force = [i for i in range(len(items)) if i != world["retire"]]
    return {"stations": made, "in_force": in_force, "items": items}


def expected(records, year) -> dict:
    """Each figure counted from the generated records, without the portal's
    queries: a station is in service on 31 December if opened by then and not
    yet retired; an item is met if its latest check by then found it met."""
    end = D(year, 12, 31)
    in_force = records["in_force"]
    total = upgraded = meeting = checked = 0
    years = set()
    for station, opened, closed, up, findings in records["stations"]:
        if (opened and opened > end) or (closed and closed <= end):
            continue
        total += 1
        records.setdefault(year, []).append(station.pk)
        upgraded += bool(up and up.year == year)
        met = 0
        for i in in_force:
            dated = [on for (j, on) in findings if j == i and on <= end]
            if dated:
                latest = max(dated)
                years.add(str(latest.year))
                met += findings[i, latest]
        meeting += bool(in_force) and met == len(in_force)
        checked += any(j in in_force and on.year == year for (j, on) in findings)
    return {
        "reception.stations": total,
        "reception.stations_upgraded": upgraded,
        "reception.stations_meeting_standard": meeting,
        "reception.stations_checked": checked,
        "reception.standard_items": len(in_force),
        "reception.standard_check_years": sorted(years),
    }


def check_sentences(text: str, f: dict) -> None:
    """Each sentence of the English paragraph is there only if what it states
    holds, and the standard is stated whenever a station meets it."""
    total = f["reception.stations"]
    up = f["reception.stations_upgraded"]
    meeting = f["reception.stations_meeting_standard"]
    checked = f["reception.stations_checked"]
    years = "、".join(f["reception.standard_check_years"])
    assert ("No community reception station was in service" in text) == (total == 0)
    assert ("No upgrade of a reception station is recorded" in text) == (
        total > 0 and not up and not meeting
    )
    assert ("The working committee built up" in text) == bool(
        (up or checked) and (up or meeting)
    )
    assert (" was upgraded." in text or " were upgraded." in text) == bool(up)
    assert (f"all {up} community reception stations were upgraded" in text) == (
        up == total > 1
    )
    assert (f"the {up} community reception station was upgraded" in text) == (
        up == total == 1
    )
    assert (f"{up} of the {total} community reception stations" in text) == (
        0 < up < total
    )
    in_year = meeting > 0 and checked == total
    last = meeting > 0 and checked < total
    assert (f"and all {meeting} meet every item" in text) == (
        in_year and meeting == total > 1
    )
    assert ("The station is built to" in text) == (in_year and meeting == total == 1)
    assert ("Built to the eight-haves standard" in text) == (
        in_year and meeting < total
    )
    assert (f"As last checked, in {years}," in text) == last
    assert (f"all {meeting} stations meet every item" in text) == (
        last and meeting == total > 1
    )
    assert (f"As last checked, in {years}, the station meets" in text) == (
        last and meeting == total == 1
    )
    assert (f"{meeting} of the {total} stations meet" in text) == (
        meeting < total and meeting > 0
    )
    assert (f"This year {checked} of the {total} stations" in text) == (
        last and checked > 0
    )
    assert ("No station was checked against the standard this year" in text) == (
        last and checked == 0
    )


def paragraph_text(year, figures) -> str:
    paragraph = reception.stations_paragraph(year, figures)
    return plain_text(paragraph.text, figures)


def check_year(records, year) -> None:
    figures = reception.figures(year)
    want = expected(records, year)
    assert {key: figures[key].value for key in want} == want
    assert reception.ReceptionRecords(year).in_service == records.get(year, [])
    # The same stations again through the portal's own lists of records.
    end = D(year, 12, 31)
    serving = Station.objects.community_stations().in_service_on(end)
    assert serving.count() == want["reception.stations"]
    assert (
        serving.meeting_standard(end).count()
        == want["reception.stations_meeting_standard"]
    )
    with translation.override("en"):
        text = paragraph_text(year, figures)
    check_sentences(text, want)
    with translation.override("zh-hans"):
        chinese = paragraph_text(year, figures)
    assert "[[" not in chinese and "%(" not in chinese
    if want["reception.stations_meeting_standard"] and (
        want["reception.stations_checked"] < want["reception.stations"]
    ):
        years = "、".join(want["reception.standard_check_years"])
        assert f"{years}年" in chinese


@YEARS
@given(world=worlds)
def test_every_generated_year_states_the_stations_as_at_its_end(db, world):
    with transaction.atomic():
        records = build(world)
        check_year(records, YEAR)
        # The comparison column: the year before, as at its own end.
        check_year(records, YEAR - 1)
        transaction.set_rollback(True)


def one(opened=None, closed=None, upgraded=None, *rounds):
    return Plan(opened, closed, upgraded, list(rounds))


ALL = frozenset(range(9))
EDGE_WORLDS = {
    "no station": [],
    "one station checked in the year": [
        one(None, None, D(YEAR, 4, 1), Round(D(YEAR, 4, 1), ALL, frozenset()))
    ],
    "checks only in other years": [
        one(None, None, None, Round(D(YEAR - 1, 3, 1), ALL, frozenset())),
        one(None, None, None, Round(D(YEAR + 1, 1, 1), ALL, frozenset())),
    ],
    "a check after the year's end": [
        one(None, None, None, Round(D(YEAR + 1, 1, 1), ALL, frozenset())),
    ],
    "opened and retired mid-year": [
        one(D(YEAR, 6, 1), None, None, Round(D(YEAR, 6, 2), ALL, frozenset())),
        one(None, D(YEAR, 6, 1), None, Round(D(YEAR, 1, 2), ALL, frozenset())),
        one(None, None, None, Round(D(YEAR, 1, 2), ALL, frozenset())),
    ],
    "a station losing its standard": [
        one(
            None,
            None,
            None,
            Round(D(YEAR - 1, 5, 1), ALL, frozenset()),
            Round(D(YEAR, 5, 1), frozenset({3}), frozenset({3})),
        ),
        one(None, None, None, Round(D(YEAR - 1, 5, 1), ALL, frozenset())),
    ],
}


@pytest.mark.parametrize("name", list(EDGE_WORLDS))
def test_edge_years_state_what_holds(db, name):
    world = {"stations": EDGE_WORLDS[name], "retire": None, "extra_item": False}
    records = build(world)
    check_year(records, YEAR)
    check_year(records, YEAR - 1)


def test_a_year_without_a_check_does_not_say_the_standard_was_met_in_it(db):
    """The example of a 2019 report after the 2018 checks: the standard as
    last checked, in 2018, and that no station was checked in 2019."""
    station = StationFactory()
    for item in StandardItem.objects.active():
        StandardCheckFactory(station=station, item=item, checked_on=D(2018, 6, 1))
    figures = reception.figures(2019)
    with translation.override("zh-hans"):
        text = paragraph_text(2019, figures)
    assert "2018年" in text
    assert "本年度未对接待站开展“八有”检查" in text
    assert figures["reception.stations_checked"].value == 0
    assert figures["reception.stations_meeting_standard"].value == 1
    assert reception.figures(2017)["reception.stations_meeting_standard"].value == 0


def test_the_2018_demo_report_states_the_seed_figures(demo_2018, db):
    figures = reception.figures(2018)
    assert {
        key: figures[key].value
        for key in (
            "reception.stations",
            "reception.stations_upgraded",
            "reception.stations_meeting_standard",
            "reception.stations_checked",
            "reception.standard_items",
            "reception.standard_check_years",
            "reception.delegation_visits",
            "reception.sessions",
            "reception.voters",
        )
    } == {
        "reception.stations": 9,
        "reception.stations_upgraded": 9,
        "reception.stations_meeting_standard": 9,
        "reception.stations_checked": 9,
        "reception.standard_items": 8,
        "reception.standard_check_years": ["2018"],
        "reception.delegation_visits": 4,
        "reception.sessions": 5,
        "reception.voters": 129,
    }
    assert figures["reception.standard_item_names"].value == [
        "有场所", "有标牌", "有制度", "有人员", "有计划", "有经费", "有档案", "有活动"
    ]  # fmt: skip
    with translation.override("zh-hans"):
        text = paragraph_text(2018, figures)
    assert "全面完成9个社区代表接待站的提档升级" in text
    assert "均按照“八有”标准（有场所、有标牌、有制度、有人员、有计划、有经费、" in text
    assert "9个接待站全部达标" in text
    # The year before, the stations were in service and not yet checked.
    before = reception.figures(2017)
    assert before["reception.stations"].value == 9
    assert before["reception.stations_meeting_standard"].value == 0
    assert before["reception.stations_upgraded"].value == 0
