"""`manage.py run_scheduled`: the beat schedule run without Celery beat.

The jobs here are probe tasks on a schedule of the test's own (settings), with
the clock set by patching django.utils.timezone.now; the last test runs the
portal's real schedule.
"""

import datetime
import io
import os
import signal
import threading
from contextlib import contextmanager
from unittest import mock

import pytest
from celery.schedules import crontab
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from core.models import ScheduledRun
from core.scheduling import jobs, records, runner
from ziyang_portal.celery import app as celery_app

T0 = datetime.datetime(2026, 3, 2, 1, 0, tzinfo=datetime.UTC)  # 09:00 in Wuhan
SCHEDULE = {
    "often": {"task": "tests.scheduled.often", "schedule": 300},
    "daily": {"task": "tests.scheduled.daily", "schedule": datetime.timedelta(days=1)},
}


@pytest.fixture
def probes(settings):
    """Probe tasks on the celery app; the list of the probes run, in order."""
    ran = []
    made = []

    def probe(name, fail=False):
        @celery_app.task(name=f"tests.scheduled.{name}")
        def task():
            ran.append(name)
            if fail:
                raise ValueError("resident 13800001234 could not be reached")
            return name

        made.append(task.name)

    for name in ("often", "daily", "spare"):
        probe(name)
    probe("broken", fail=True)
    settings.CELERY_BEAT_SCHEDULE = dict(SCHEDULE)
    yield ran
    for name in made:
        del celery_app.tasks[name]


@contextmanager
def clock(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def once(at=None, **kwargs):
    with clock(at or timezone.now()):
        call_command("run_scheduled", "--once", stdout=io.StringIO(), **kwargs)


def row(name) -> ScheduledRun:
    return ScheduledRun.objects.get(name=name)


def test_once_runs_every_job_never_run_and_records_it(probes, db):
    once(T0)
    assert sorted(probes) == ["daily", "often"]
    often = row("often")
    assert often.last_started == often.last_finished == often.last_succeeded == T0
    assert often.last_ok is True
    assert often.last_error == ""
    assert often.locked_until is None


def test_once_runs_only_the_jobs_that_are_due(probes, db):
    once(T0)
    probes.clear()
    once(T0 + datetime.timedelta(minutes=4, seconds=59))
    assert probes == []
    once(T0 + datetime.timedelta(minutes=5))
    assert probes == ["often"]
    probes.clear()
    once(T0 + datetime.timedelta(days=1))
    assert probes == ["often", "daily"]
    assert row("daily").last_started == T0 + datetime.timedelta(days=1)


def test_a_crontab_job_is_due_at_its_time_in_the_portals_time_zone(
    probes, db, settings
):
    settings.CELERY_BEAT_SCHEDULE = {
        "daily": {
            "task": "tests.scheduled.daily",
            "schedule": crontab(hour=3, minute=0),
        }
    }
    once(T0)  # never run: due at once
    probes.clear()
    # 03:00 in Wuhan is 19:00 UTC the day before.
    once(datetime.datetime(2026, 3, 2, 18, 59, tzinfo=datetime.UTC))
    assert probes == []
    once(datetime.datetime(2026, 3, 2, 19, 0, 5, tzinfo=datetime.UTC))
    assert probes == ["daily"]


def test_a_failing_job_is_recorded_as_failed_and_the_others_still_run(
    probes, db, settings
):
    settings.CELERY_BEAT_SCHEDULE = {
        "broken": {"task": "tests.scheduled.broken", "schedule": 300},
        **SCHEDULE,
    }
    with pytest.raises(CommandError, match="broken"):
        once(T0)
    assert probes == ["broken", "often", "daily"]
    broken = row("broken")
    assert broken.last_ok is False
    assert broken.last_finished == T0
    assert broken.last_succeeded is None
    # The class of the error only: the message quoted a phone number.
    assert broken.last_error == "ValueError"
    assert broken.locked_until is None
    assert row("often").last_ok is True
    # A success later clears the error.
    settings.CELERY_BEAT_SCHEDULE["broken"]["task"] = "tests.scheduled.spare"
    once(T0 + datetime.timedelta(minutes=5))
    broken.refresh_from_db()
    assert (broken.last_ok, broken.last_error) == (True, "")


def test_a_job_whose_task_does_not_exist_is_recorded_as_failed(probes, db, settings):
    settings.CELERY_BEAT_SCHEDULE = {
        "missing": {"task": "tests.scheduled.nowhere", "schedule": 300},
        **SCHEDULE,
    }
    with pytest.raises(CommandError, match="missing"):
        once(T0)
    assert row("missing").last_ok is False
    assert sorted(probes) == ["daily", "often"]


def test_job_runs_one_job_now_due_or_not(probes, db):
    once(T0)
    probes.clear()
    out = io.StringIO()
    with clock(T0 + datetime.timedelta(minutes=1)):
        call_command("run_scheduled", "--job", "daily", stdout=out)
    assert probes == ["daily"]
    assert "daily" in out.getvalue()
    assert row("daily").last_started == T0 + datetime.timedelta(minutes=1)


def test_job_with_an_unknown_name_is_refused(probes, db):
    with pytest.raises(CommandError, match="nightly"):
        call_command("run_scheduled", "--job", "nightly")
    assert probes == []


def test_job_that_fails_exits_with_an_error(probes, db, settings):
    settings.CELERY_BEAT_SCHEDULE["broken"] = {
        "task": "tests.scheduled.broken",
        "schedule": 300,
    }
    with pytest.raises(CommandError, match="broken"):
        call_command("run_scheduled", "--job", "broken", stderr=io.StringIO())
    assert row("broken").last_ok is False


def test_a_job_held_by_another_runner_is_not_started(probes, db):
    often = jobs.job_named("often")
    assert records.acquire(often, T0, only_if_due=False)  # another runner has it
    once(T0)
    assert probes == ["daily"]
    err = io.StringIO()
    with clock(T0):
        call_command("run_scheduled", "--job", "often", stderr=err)
    assert probes == ["daily"]
    assert "often" in err.getvalue()
    # The other runner died in the job: its lock runs out.
    once(T0 + datetime.timedelta(seconds=records.LOCK_SECONDS + 1))
    assert probes == ["daily", "often"]
    assert row("often").locked_until is None


def test_two_runners_that_read_a_due_job_at_once_run_it_once(probes, db):
    often = jobs.job_named("often")
    seen_by_second_runner = records.row_for("often")  # never run: due
    assert runner.run_job(often, T0) is True
    with mock.patch.object(records, "row_for", return_value=seen_by_second_runner):
        assert runner.run_job(often, T0) is None
    assert probes == ["often"]


def test_list_prints_each_job_its_schedule_and_last_run(probes, db, settings):
    settings.CELERY_BEAT_SCHEDULE["nightly"] = {
        "task": "tests.scheduled.spare",
        "schedule": crontab(hour=3, minute=0),
    }
    once(T0)
    out = io.StringIO()
    with clock(T0 + datetime.timedelta(minutes=1)), translation.override("en"):
        call_command("run_scheduled", "--list", stdout=out)
    lines = dict(line.split("\t", 1) for line in out.getvalue().splitlines())
    assert set(lines) == {"often", "daily", "nightly"}
    assert lines["often"] == (
        "tests.scheduled.often\tevery 5 min\t2026-03-02 09:00:00, ok\tdue in 240 s"
    )
    assert "every 24 h" in lines["daily"]
    assert "<crontab: 0 3 * * *" in lines["nightly"]
    assert probes == ["often", "daily", "spare"]


def test_list_says_never_run_and_due_now_before_the_first_run(probes, db):
    out = io.StringIO()
    with translation.override("en"):
        call_command("run_scheduled", "--list", stdout=out)
    assert "never run\tdue now" in out.getvalue()
    assert probes == []


def test_the_loop_runs_the_due_jobs_and_stops_on_sigterm(probes, db):
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals are received by the main thread only")
    naps = []

    def nap(seconds):
        naps.append(seconds)
        os.kill(os.getpid(), signal.SIGTERM)

    before = signal.getsignal(signal.SIGTERM)
    # The loop closes stale connections between jobs; inside the test's
    # transaction (PostgreSQL) that would close the test's own.
    with (
        mock.patch("core.scheduling.runner.time.sleep", side_effect=nap),
        mock.patch("core.scheduling.runner.close_old_connections"),
    ):
        call_command("run_scheduled", stdout=io.StringIO())
    assert sorted(probes) == ["daily", "often"]
    assert naps == [1.0]  # asleep until the next job, a second at a time
    assert signal.getsignal(signal.SIGTERM) is before


def test_the_loop_sleeps_until_the_next_job_is_due(probes, db):
    once(T0)
    assert runner.seconds_to_next(T0 + datetime.timedelta(minutes=1)) == 240
    assert runner.seconds_to_next(T0 + datetime.timedelta(minutes=6)) == 0


def test_a_scheduled_task_run_by_celery_is_recorded(db):
    from core.tasks import health_self_check

    # Eager in the tests; a worker fires the same task_prerun/task_postrun.
    assert health_self_check.delay().get(timeout=5)["checks"]["database"] == "ok"
    record = row("health-self-check")
    assert record.last_ok is True
    assert record.last_started <= record.last_finished == record.last_succeeded
    assert record.locked_until is None


def test_a_failing_scheduled_task_run_by_celery_is_recorded_as_failed(
    probes, db, settings
):
    settings.CELERY_BEAT_SCHEDULE["broken"] = {
        "task": "tests.scheduled.broken",
        "schedule": 300,
    }
    with pytest.raises(ValueError, match="resident"):
        celery_app.tasks["tests.scheduled.broken"].apply()
    broken = row("broken")
    assert (broken.last_ok, broken.last_error) == (False, "ValueError")
    assert broken.last_succeeded is None


def test_a_task_outside_the_schedule_is_not_recorded(probes, db):
    celery_app.tasks["tests.scheduled.spare"].delay()
    assert probes == ["spare"]
    assert not ScheduledRun.objects.exists()


def test_the_portals_own_schedule_runs_inline(db):
    """Every job of CELERY_BEAT_SCHEDULE finds its task and runs without a worker."""
    once()
    names = set(django_settings.CELERY_BEAT_SCHEDULE)
    assert set(ScheduledRun.objects.values_list("name", flat=True)) == names
    assert (
        set(ScheduledRun.objects.filter(last_ok=True).values_list("name", flat=True))
        == names
    )
