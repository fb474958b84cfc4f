"""The demo year has a roster for every community station, going on today."""

import pytest

from reception.demo import STATIONS
from reception.models import Station
from rosters import planning
from rosters.demo import announced_rule
from rosters.figures import planned_and_held
from rosters.models import DutyRule

pytestmark = pytest.mark.usefixtures("demo_2018")


def test_every_community_station_has_its_announced_rule(db):
    rules = DutyRule.objects.select_related("station")
    assert {rule.station.slug for rule in rules} == set(STATIONS)
    for rule in rules:
        announced = announced_rule(rule.station.reception_days)
        assert (rule.nth, rule.weekday) == (announced["nth"], announced["weekday"])
        assert rule.deputies.exists()


def test_the_stations_show_next_dates_in_any_year(db):
    for station in Station.objects.community_stations():
        planned = planning.for_station(station, *planning.next_window())
        assert planning.upcoming(planned), station.slug


def test_2018_plans_the_months_after_each_upgrade_less_the_cancelled_friday(db):
    figures = planned_and_held(2018)
    expected = sum(13 - upgraded.month for upgraded, _days in STATIONS.values())
    # Each station's first month counts when the announced day falls after the
    # upgrade; the National Day Friday at 梅隐寺 is cancelled.
    assert expected - len(STATIONS) - 1 <= figures["planned"] <= expected - 1
    assert 0 <= figures["held"] <= figures["planned"]


def test_loading_the_demo_twice_changes_nothing(db):
    from io import StringIO

    from rosters.demo import load

    before = DutyRule.objects.count()
    load(StringIO())
    assert DutyRule.objects.count() == before


def test_the_announced_days_read_as_rules():
    assert announced_rule("每月第二个周三上午") == {
        "nth": 2,
        "weekday": 2,
        "part_of_day": "morning",
    }
    with pytest.raises(ValueError):
        announced_rule("每季度一次集中接待日")
