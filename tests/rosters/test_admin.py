"""Staff keep the roster in the admin; bad rules, exceptions and swaps are
refused with a Chinese message and nothing saved."""

import datetime

import pytest

from rosters.models import DutyRule, RuleException, Swap
from tests.factories import DeputyFactory
from tests.reception.factories import ReceptionSessionFactory, StationFactory
from tests.utils import assert_constant_queries

from .factories import DutyRuleFactory

ADD = "/admin/rosters/dutyrule/add/"


def rule_data(station, deputies, **changes):
    data = {
        "station": station.pk,
        "deputies": [d.pk for d in deputies],
        "active": "on",
        "note": "",
        "frequency": "monthly",
        "nth": "2",
        "weekday": "2",
        "starts_on": "2026-01-01",
        "ends_on": "",
        "part_of_day": "morning",
        "start_time": "",
        "end_time": "",
    }
    for prefix in ("exceptions", "swaps"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(changes)
    return data


def with_swap(data, date, absent, substitute):
    data.update(
        {
            "swaps-TOTAL_FORMS": "1",
            "swaps-0-date": date,
            "swaps-0-absent": absent.pk,
            "swaps-0-substitute": substitute.pk,
        }
    )
    return data


def test_staff_add_a_rule_with_an_exception_and_a_swap(
    staff_client, station, zhang, colleague
):
    data = with_swap(rule_data(station, [zhang]), "2026-02-11", zhang, colleague)
    data.update(
        {
            "exceptions-TOTAL_FORMS": "1",
            "exceptions-0-date": "2026-03-11",
            "exceptions-0-action": "cancel",
        }
    )
    response = staff_client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    rule = DutyRule.objects.get()
    assert list(rule.deputies.all()) == [zhang]
    assert rule.swaps.get().substitute == colleague
    assert rule.exceptions.get().date == datetime.date(2026, 3, 11)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends_on": "2025-12-01"}, "结束日期不能早于开始日期"),
        ({"weekday": ""}, "请选择"),
        ({"nth": ""}, "请选择"),
        (
            {"part_of_day": "hours", "start_time": "10:00", "end_time": "09:00"},
            "结束时间必须晚于开始时间",
        ),
        ({"part_of_day": "hours"}, "请填写开始和结束时间"),
    ],
)
def test_a_bad_rule_is_refused_in_chinese(
    staff_client, station, zhang, changes, message
):
    response = staff_client.post(ADD, rule_data(station, [zhang], **changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DutyRule.objects.exists()


def test_a_deputy_not_assigned_to_the_station_is_refused(staff_client, station, li):
    response = staff_client.post(ADD, rule_data(station, [li]))
    assert response.status_code == 400
    assert "未分配到本接待站:李示例" in response.content.decode()
    assert not DutyRule.objects.exists()


def test_a_station_open_to_every_deputy_takes_any(staff_client, li):
    office = StationFactory(open_to_all_deputies=True, community=None)
    assert staff_client.post(ADD, rule_data(office, [li])).status_code == 302


def test_a_swap_to_a_deputy_not_assigned_to_the_station_is_refused(
    staff_client, station, zhang, li
):
    data = with_swap(rule_data(station, [zhang]), "2026-02-11", zhang, li)
    response = staff_client.post(ADD, data)
    assert response.status_code == 400
    assert "该代表未分配到本接待站" in response.content.decode()
    assert not DutyRule.objects.exists()
    assert not Swap.objects.exists()


def test_a_swap_of_a_deputy_not_on_the_rule_or_on_no_planned_date_is_refused(
    staff_client, station, zhang, colleague
):
    off_date = with_swap(rule_data(station, [zhang]), "2026-02-12", zhang, colleague)
    response = staff_client.post(ADD, off_date)
    assert response.status_code == 400
    assert "该规则在这一天没有安排接待" in response.content.decode()
    not_on = with_swap(rule_data(station, [zhang]), "2026-02-11", colleague, zhang)
    response = staff_client.post(ADD, not_on)
    assert response.status_code == 400
    assert "该代表不在此规则中" in response.content.decode()
    assert not DutyRule.objects.exists()


def test_a_move_needs_its_new_date(staff_client, station, zhang):
    data = rule_data(station, [zhang])
    data.update(
        {
            "exceptions-TOTAL_FORMS": "1",
            "exceptions-0-date": "2026-02-11",
            "exceptions-0-action": "move",
        }
    )
    response = staff_client.post(ADD, data)
    assert response.status_code == 400
    assert "请填写调整后的日期" in response.content.decode()
    assert not RuleException.objects.exists()


@pytest.mark.parametrize("who", ["deputy", "resident"])
def test_the_roster_admin_is_for_staff(request, who, db):
    client = request.getfixturevalue(f"{who}_client")
    response = client.get("/admin/rosters/dutyrule/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_changelist_makes_a_constant_number_of_queries(
    staff_client, station, zhang
):
    def add(n):
        for _ in range(n):
            DutyRuleFactory(station=station, deputies=[zhang, DeputyFactory()])

    assert_constant_queries(lambda: staff_client.get("/admin/rosters/dutyrule/"), add)
    body = staff_client.get("/admin/rosters/dutyrule/").content.decode()
    assert "每月第二个星期三" in body
    assert 'href="/admin/rosters/dutyrule/planned-held/"' in body
    assert 'href="/rosters/posters.pdf"' in body


def test_the_reminders_changelist_makes_a_constant_number_of_queries(staff_client, db):
    import datetime as dt

    from rosters.models import Reminder

    def add(n):
        for i in range(n):
            station = StationFactory()
            Reminder.objects.create(
                deputy=DeputyFactory(),
                station=station,
                date=dt.date(2026, 1, 1) + dt.timedelta(days=i),
                starts_at=dt.datetime(2026, 1, 1, 1, tzinfo=dt.UTC),
            )

    assert_constant_queries(lambda: staff_client.get("/admin/rosters/reminder/"), add)


def test_the_planned_and_held_page(staff_client, station, zhang):
    DutyRuleFactory(
        station=station, deputies=[zhang], starts_on=datetime.date(2025, 1, 1)
    )
    session = ReceptionSessionFactory(
        station=station,
        started_at=datetime.datetime(2025, 1, 8, 2, tzinfo=datetime.UTC),
        deputies=[zhang],
    )
    response = staff_client.get("/admin/rosters/dutyrule/planned-held/?year=2025")
    assert response.status_code == 200
    assert response.context["figures"]["planned"] == 12
    assert response.context["figures"]["held"] == 1
    body = response.content.decode()
    assert station.name in body
    # Each planned date, the held one linking its session in the admin.
    assert len(response.context["dates"]) == 12
    assert f"/admin/reception/receptionsession/{session.pk}/change/" in body


def test_the_planned_and_held_page_refuses_a_bad_year(staff_client, db):
    for year in ("abc", "1900", "99999"):
        response = staff_client.get(
            f"/admin/rosters/dutyrule/planned-held/?year={year}"
        )
        assert response.status_code == 400


def test_the_planned_and_held_page_makes_constant_queries(staff_client, station, zhang):
    def add(n):
        for _ in range(n):
            DutyRuleFactory(
                station=station, deputies=[zhang], starts_on=datetime.date(2025, 1, 1)
            )

    assert_constant_queries(
        lambda: staff_client.get("/admin/rosters/dutyrule/planned-held/?year=2025"), add
    )


def test_the_planned_and_held_page_is_for_staff(deputy_client, db):
    response = deputy_client.get("/admin/rosters/dutyrule/planned-held/")
    assert response.status_code == 302


def test_staff_read_the_reminders_and_change_none(staff_client, station, zhang):
    from rosters.tasks import send_reminders

    from .factories import weekly_from_tomorrow

    weekly_from_tomorrow(station, [zhang])
    send_reminders()
    from rosters.models import Reminder

    reminder = Reminder.objects.get()
    assert staff_client.get("/admin/rosters/reminder/").status_code == 200
    change = f"/admin/rosters/reminder/{reminder.pk}/change/"
    assert staff_client.get(change).status_code == 200  # read-only view
    assert staff_client.post(change, {}).status_code == 403
    delete = f"/admin/rosters/reminder/{reminder.pk}/delete/"
    assert staff_client.post(delete, {"post": "yes"}).status_code == 403
    assert Reminder.objects.count() == 1


def test_an_exception_on_a_day_the_rule_plans_nothing_is_refused(
    staff_client, station, zhang
):
    data = rule_data(station, [zhang])
    data.update(
        {
            "exceptions-TOTAL_FORMS": "1",
            "exceptions-0-date": "2026-02-12",
            "exceptions-0-action": "cancel",
        }
    )
    response = staff_client.post(ADD, data)
    assert response.status_code == 400
    assert "该规则在这一天没有安排接待" in response.content.decode()
    assert not DutyRule.objects.exists()


def test_the_database_refuses_a_rule_ending_before_it_starts(station):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        DutyRuleFactory(
            station=station,
            starts_on=datetime.date(2026, 3, 1),
            ends_on=datetime.date(2026, 2, 1),
        )
