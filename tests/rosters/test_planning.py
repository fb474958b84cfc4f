"""The planned dates: rules, exceptions and swaps, computed on read."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from rosters import planning
from rosters.models import DutyRule, RuleException
from rosters.recurrence import occurrences
from tests.factories import DeputyFactory
from tests.reception.factories import ReceptionSessionFactory
from tests.utils import count_queries

from .factories import DutyRuleFactory, RuleExceptionFactory, SwapFactory

JAN, MAR_END = datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)


def test_every_second_wednesday_morning(station, zhang):
    DutyRuleFactory(station=station, deputies=[zhang])
    planned = planning.for_station(station, JAN, MAR_END)
    assert [p.date for p in planned] == [
        datetime.date(2026, 1, 14),
        datetime.date(2026, 2, 11),
        datetime.date(2026, 3, 11),
    ]
    first = planned[0]
    assert (first.start.hour, first.start.minute) == (9, 0)
    assert (first.end.hour, first.end.minute) == (11, 30)
    assert str(first.start.tzinfo) == "Asia/Shanghai"
    assert [d.name for d in first.deputies] == ["张示例"]


def test_weekly_and_one_off_rules_and_the_end_of_a_rule(station, zhang):
    DutyRuleFactory(
        station=station,
        deputies=[zhang],
        frequency=DutyRule.Frequency.WEEKLY,
        nth=None,
        weekday=DutyRule.Weekday.FRIDAY,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 1, 20),
        part_of_day=DutyRule.PartOfDay.AFTERNOON,
    )
    DutyRuleFactory(
        station=station,
        deputies=[zhang],
        frequency=DutyRule.Frequency.ONCE,
        starts_on=datetime.date(2026, 2, 3),
        part_of_day=DutyRule.PartOfDay.HOURS,
        start_time=datetime.time(19, 0),
        end_time=datetime.time(20, 30),
    )
    planned = planning.for_station(station, JAN, MAR_END)
    assert [(p.date, p.start.hour) for p in planned] == [
        (datetime.date(2026, 1, 2), 14),
        (datetime.date(2026, 1, 9), 14),
        (datetime.date(2026, 1, 16), 14),
        (datetime.date(2026, 2, 3), 19),
    ]


def test_a_cancelled_date_is_left_out_and_a_moved_one_shows_on_its_new_day(
    station, zhang
):
    rule = DutyRuleFactory(station=station, deputies=[zhang])
    RuleExceptionFactory(rule=rule, date=datetime.date(2026, 1, 14))
    RuleExceptionFactory(
        rule=rule,
        date=datetime.date(2026, 2, 11),
        action=RuleException.Action.MOVE,
        new_date=datetime.date(2026, 2, 13),
        new_start_time=datetime.time(15, 0),
        new_end_time=datetime.time(16, 0),
    )
    planned = planning.for_station(station, JAN, MAR_END)
    assert [(p.date, p.start.hour, p.moved) for p in planned] == [
        (datetime.date(2026, 2, 13), 15, True),
        (datetime.date(2026, 3, 11), 9, False),
    ]
    # The UID keeps the rule's own date: a calendar updates the same event.
    assert planned[0].uid == f"rosters-{rule.pk}-20260211@ziyang-portal"


def test_a_date_moved_into_the_window_from_outside_it_is_planned(station, zhang):
    rule = DutyRuleFactory(station=station, deputies=[zhang])
    RuleExceptionFactory(
        rule=rule,
        date=datetime.date(2026, 3, 11),
        action=RuleException.Action.MOVE,
        new_date=datetime.date(2026, 2, 27),
    )
    window = planning.for_station(
        station, datetime.date(2026, 2, 20), datetime.date(2026, 2, 28)
    )
    assert [p.date for p in window] == [datetime.date(2026, 2, 27)]


def test_a_swap_puts_the_substitute_on_that_date_only(station, zhang, colleague):
    rule = DutyRuleFactory(station=station, deputies=[zhang])
    SwapFactory(
        rule=rule, date=datetime.date(2026, 2, 11), absent=zhang, substitute=colleague
    )
    planned = planning.for_station(station, JAN, MAR_END)
    assert [[d.name for d in p.deputies] for p in planned] == [
        ["张示例"],
        ["王示例"],
        ["张示例"],
    ]
    zhang_dates = planning.for_deputy(zhang, JAN, MAR_END)
    assert [p.date.month for p in zhang_dates] == [1, 3]
    assert [p.date.month for p in planning.for_deputy(colleague, JAN, MAR_END)] == [2]


def test_inactive_rules_and_stations_plan_nothing(station, zhang):
    DutyRuleFactory(station=station, deputies=[zhang], active=False)
    assert planning.for_station(station, JAN, MAR_END) == []
    DutyRuleFactory(station=station, deputies=[zhang])
    station.active = False
    station.save()
    assert planning.for_deputy(zhang, JAN, MAR_END) == []


def test_each_planned_date_links_the_session_its_deputies_logged(
    station, zhang, colleague, li
):
    DutyRuleFactory(station=station, deputies=[zhang])
    at = datetime.datetime(2026, 1, 14, 9, 30, tzinfo=datetime.UTC)
    held = ReceptionSessionFactory(station=station, started_at=at, deputies=[zhang])
    # Another deputy's session on the planned day of February does not count.
    ReceptionSessionFactory(
        station=station,
        started_at=datetime.datetime(2026, 2, 11, 2, 0, tzinfo=datetime.UTC),
        deputies=[li],
    )
    planned = planning.attach_sessions(planning.for_station(station, JAN, MAR_END))
    assert [p.session for p in planned] == [held, None, None]


def test_planning_and_linking_make_a_constant_number_of_queries(
    station, zhang, colleague
):
    def make(rules):
        for month in range(1, rules + 1):
            rule = DutyRuleFactory(
                station=station,
                deputies=[zhang, colleague],
                frequency=DutyRule.Frequency.WEEKLY,
                nth=None,
                weekday=month % 7,
            )
            SwapFactory(
                rule=rule,
                date=occurrences(rule, JAN, MAR_END)[0],
                absent=zhang,
                substitute=DeputyFactory(),
            )
            RuleExceptionFactory(rule=rule, date=occurrences(rule, JAN, MAR_END)[1])

    def fetch():
        return planning.attach_sessions(planning.for_station(station, JAN, MAR_END))

    make(1)
    small = count_queries(fetch)
    make(10)
    assert len(fetch()) > 10 * 10
    assert count_queries(fetch) == small


def _brute_force_nth_weekday(year, month, weekday, nth):
    days = [
        datetime.date(year, month, d)
        for d in range(1, 32)
        if _valid(year, month, d) and datetime.date(year, month, d).weekday() == weekday
    ]
    if nth == -1:
        return days[-1]
    return days[nth - 1] if len(days) >= nth else None


def _valid(year, month, day):
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


@settings(max_examples=60, deadline=None)
@given(
    year=st.integers(2000, 2040),
    weekday=st.integers(0, 6),
    nth=st.sampled_from([1, 2, 3, 4, -1]),
)
def test_monthly_rules_give_the_nth_weekday_of_every_month(year, weekday, nth):
    rule = DutyRule(
        frequency=DutyRule.Frequency.MONTHLY,
        weekday=weekday,
        nth=nth,
        starts_on=datetime.date(year, 1, 1),
    )
    found = occurrences(rule, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    expected = [_brute_force_nth_weekday(year, m, weekday, nth) for m in range(1, 13)]
    assert found == [day for day in expected if day]
