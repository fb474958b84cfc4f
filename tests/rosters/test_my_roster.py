"""A deputy's roster at /my/roster/ and the reminder the day before."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from rosters import reminders
from rosters.models import Reminder
from rosters.tasks import send_reminders
from tests.reception.factories import ReceptionSessionFactory
from tests.utils import assert_constant_queries

from .factories import DutyRuleFactory, SwapFactory, weekly_from_tomorrow


def tomorrow():
    return timezone.localdate() + datetime.timedelta(days=1)


def test_a_deputy_sees_their_coming_dates_and_past_sessions(
    deputy_client, station, zhang, colleague
):
    rule = weekly_from_tomorrow(station, [zhang])
    last_week = tomorrow() - datetime.timedelta(days=7)
    session = ReceptionSessionFactory(
        station=station,
        started_at=timezone.make_aware(
            datetime.datetime.combine(last_week, datetime.time(10, 0))
        ),
        deputies=[zhang],
        voters_received=7,
    )
    SwapFactory(
        rule=rule,
        date=tomorrow() + datetime.timedelta(days=7),
        absent=zhang,
        substitute=colleague,
    )
    response = deputy_client.get("/my/roster/")
    assert response.status_code == 200
    coming = [p.date for p in response.context["coming"]]
    assert coming[0] == tomorrow()
    # The swapped date is the colleague's, not Zhang's.
    assert tomorrow() + datetime.timedelta(days=7) not in coming
    past = response.context["past"]
    assert [p.date for p in past] == [last_week, last_week - datetime.timedelta(7)]
    assert past[0].session == session
    body = response.content.decode()
    assert session.get_absolute_url() in body
    assert "/my/sessions/new/" in body


def test_a_colleagues_session_is_named_but_not_linked(
    deputy_client, station, zhang, colleague
):
    weekly_from_tomorrow(station, [zhang, colleague])
    last_week = tomorrow() - datetime.timedelta(days=7)
    session = ReceptionSessionFactory(
        station=station,
        started_at=timezone.make_aware(
            datetime.datetime.combine(last_week, datetime.time(10, 0))
        ),
        deputies=[colleague],
    )
    body = deputy_client.get("/my/roster/").content.decode()
    assert session.get_absolute_url() not in body


@pytest.mark.parametrize("who", ["staff", "resident"])
def test_only_deputies_have_a_roster_page(request, station, who):
    client = request.getfixturevalue(f"{who}_client")
    assert client.get("/my/roster/").status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get("/my/roster/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_roster_page_makes_a_constant_number_of_queries(
    deputy_client, station, zhang
):
    def add_rules(n):
        for _ in range(n):
            weekly_from_tomorrow(station, [zhang])

    assert_constant_queries(lambda: deputy_client.get("/my/roster/"), add_rules)


def test_the_reminder_is_made_once_and_emailed_the_day_before(
    station, zhang, colleague, deputy_user
):
    deputy_user.email = "zhang@example.org"
    deputy_user.save()
    weekly_from_tomorrow(station, [zhang, colleague])
    assert send_reminders() == 2
    assert Reminder.objects.filter(date=tomorrow()).count() == 2
    assert [m.to for m in mail.outbox] == [["zhang@example.org"]]
    assert "梅隐寺示例接待站" in mail.outbox[0].body
    # The job runs hourly: nothing is made or sent twice.
    assert send_reminders() == 0
    assert Reminder.objects.count() == 2
    assert len(mail.outbox) == 1


def test_no_reminder_for_a_day_that_is_not_tomorrow(station, zhang):
    DutyRuleFactory(
        station=station,
        deputies=[zhang],
        frequency="once",
        starts_on=tomorrow() + datetime.timedelta(days=2),
    )
    assert reminders.reminders_create() == 0


def test_the_reminder_shows_in_the_workspace(deputy_client, station, zhang):
    weekly_from_tomorrow(station, [zhang])
    send_reminders()
    body = deputy_client.get("/my/roster/").content.decode()
    assert "梅隐寺示例接待站" in body
    assert 'role="status"' in body


def test_the_reminder_task_takes_no_argument():
    # Tasks carry ids only; this one finds its work by the date.
    import inspect

    assert list(inspect.signature(send_reminders.run).parameters) == []


def test_the_workspace_links_the_roster(deputy_client, zhang):
    body = deputy_client.get("/my/").content.decode()
    assert 'href="/my/roster/"' in body
    assert "我的接待日安排" in body


def test_the_reminder_job_is_scheduled_and_runs_through_run_scheduled(station, zhang):
    from core.scheduling.jobs import job_named, jobs_of_task
    from core.scheduling.runner import run_job

    assert jobs_of_task("rosters.tasks.send_reminders") == ["rosters-remind"]
    weekly_from_tomorrow(station, [zhang])
    assert run_job(job_named("rosters-remind"), only_if_due=False) is True
    assert Reminder.objects.filter(deputy=zhang, date=tomorrow()).exists()
