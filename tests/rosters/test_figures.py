"""Planned against held, for the staff's page and the year-end report."""

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rosters.figures import planned_and_held
from rosters.models import DutyRule
from rosters.recurrence import occurrences
from tests.reception.factories import ReceptionSessionFactory, StationFactory
from tests.utils import count_queries

from .factories import DutyRuleFactory, RuleExceptionFactory


def _session_on(station, day, deputies):
    return ReceptionSessionFactory(
        station=station,
        started_at=datetime.datetime(
            day.year, day.month, day.day, 2, tzinfo=datetime.UTC
        ),
        deputies=deputies,
    )


def test_a_year_counts_planned_and_held_per_station(station, li_station, zhang, li):
    rule = DutyRuleFactory(
        station=station, deputies=[zhang], starts_on=datetime.date(2025, 1, 1)
    )
    DutyRuleFactory(
        station=li_station,
        deputies=[li],
        starts_on=datetime.date(2025, 6, 1),
        ends_on=datetime.date(2025, 8, 31),
    )
    days = occurrences(rule, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    RuleExceptionFactory(rule=rule, date=days[0])  # cancelled: neither planned nor held
    for day in days[1:4]:
        _session_on(station, day, [zhang])
    figures = planned_and_held(2025)
    assert figures["planned"] == 11 + 3
    assert figures["held"] == 3
    # In the stations' display order (equal here, so by name).
    assert figures["stations"] == [
        {
            "station": station.name,
            "slug": station.slug,
            "planned": 11,
            "held": 3,
            "to_come": 0,
        },
        {
            "station": li_station.name,
            "slug": li_station.slug,
            "planned": 3,
            "held": 0,
            "to_come": 0,
        },
    ]


def test_a_year_without_rules_is_empty(db):
    assert planned_and_held(2019) == {
        "year": 2019,
        "planned": 0,
        "held": 0,
        "to_come": 0,
        "stations": [],
    }


def test_the_figures_take_the_same_queries_for_many_rules(station, zhang):
    def add(n):
        for _ in range(n):
            other = StationFactory(deputies=[zhang])
            DutyRuleFactory(
                station=other, deputies=[zhang], starts_on=datetime.date(2025, 1, 1)
            )

    add(2)
    small = count_queries(lambda: planned_and_held(2025))
    add(10)
    assert count_queries(lambda: planned_and_held(2025)) == small
    assert planned_and_held(2025)["planned"] == 12 * 12


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    year=st.integers(2016, 2030),
    weekday=st.integers(0, 6),
    nth=st.sampled_from([1, 2, 3, 4, -1]),
    held_months=st.sets(st.integers(1, 12)),
)
def test_held_never_exceeds_planned_and_counts_the_sessions(
    station, zhang, year, weekday, nth, held_months
):
    DutyRule.objects.all().delete()
    station.sessions.all().delete()
    rule = DutyRuleFactory(
        station=station,
        deputies=[zhang],
        weekday=weekday,
        nth=nth,
        starts_on=datetime.date(year, 1, 1),
    )
    days = occurrences(rule, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    for day in days:
        if day.month in held_months:
            _session_on(station, day, [zhang])
    figures = planned_and_held(year)
    assert figures["planned"] == 12
    assert figures["held"] == len(held_months)
