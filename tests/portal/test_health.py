import datetime
from contextlib import contextmanager
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.db.utils import OperationalError
from django.utils import timezone

from core import health
from core.models import ScheduledRun
from core.scheduling import jobs, status


def test_healthz_is_200_with_every_part_up(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"status", "checks", "scheduled"}
    assert body["status"] == "ok"
    assert body["checks"] == {
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
        "media": "ok",
    }
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_and_names_the_database_when_it_is_down(client, db):
    broken = mock.Mock(side_effect=OperationalError("connection refused"))
    with mock.patch.dict(health.CHECKS, {"database": broken}):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "down"
    assert response.json()["checks"]["cache"] == "ok"


def test_healthz_is_503_when_the_broker_does_not_answer(client, db, settings):
    # A port nobody listens on stands for a Redis that is down.
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == "down"


def test_healthz_reports_media_storage_that_cannot_be_written(client, db):
    with mock.patch.object(
        health.default_storage, "save", side_effect=PermissionError("read-only")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["media"] == "down"


def test_healthz_answers_only_get(client, db):
    assert client.post("/healthz").status_code == 405


def test_health_self_check_runs_inline_without_a_broker(db):
    from core.tasks import health_self_check

    result = health_self_check.delay().get(timeout=5)
    assert result["checks"]["database"] == "ok"


# Scheduled jobs (core/scheduling): on time, or overdue ---------------------

SWEEP = "suggestions-sweep-outbox"  # every 5 minutes
DAILY = "opendata-regenerate"


@contextmanager
def clock(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def every_job_done_at(moment, **overrides):
    for name in django_settings.CELERY_BEAT_SCHEDULE:
        at = overrides.get(name, moment)
        ScheduledRun.objects.create(
            name=name,
            last_started=at,
            last_finished=at,
            last_ok=True,
            last_succeeded=at,
        )


def overdue_after(name, since):
    return jobs.overdue_from(jobs.job_named(name), since)


def test_healthz_lists_every_scheduled_job_none_overdue_on_a_fresh_install(client, db):
    body = client.get("/healthz").json()
    assert set(body["scheduled"]) == set(django_settings.CELERY_BEAT_SCHEDULE)
    assert body["scheduled"][SWEEP] == {
        "last_run": None,
        "last_ok": None,
        "last_success": None,
        "overdue": False,
    }


def test_a_job_is_overdue_after_two_of_its_intervals_and_the_grace_period(db):
    since = timezone.now()
    assert overdue_after(SWEEP, since) == since + datetime.timedelta(
        seconds=2 * 300 + jobs.DEFAULT_GRACE_SECONDS
    )
    assert overdue_after(DAILY, since) == since + datetime.timedelta(
        days=2, seconds=jobs.DEFAULT_GRACE_SECONDS
    )


def test_healthz_is_503_when_a_scheduled_job_is_overdue(client, db):
    done = timezone.now()
    every_job_done_at(done)
    late = overdue_after(SWEEP, done)
    with clock(late):
        on_time = client.get("/healthz")
    with clock(late + datetime.timedelta(seconds=1)):
        overdue = client.get("/healthz")
    assert on_time.status_code == 200
    assert overdue.status_code == 503
    body = overdue.json()
    assert body["status"] == "degraded"
    assert body["checks"] == {
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
        "media": "ok",
    }
    assert body["scheduled"][SWEEP]["overdue"] is True
    assert body["scheduled"][SWEEP]["last_run"] == done.isoformat()
    assert body["scheduled"][DAILY]["overdue"] is False


def test_a_balancer_asking_for_the_host_only_is_not_told_about_the_jobs(client, db):
    done = timezone.now()
    every_job_done_at(done)
    with clock(overdue_after(SWEEP, done) + datetime.timedelta(seconds=1)):
        host = client.get("/healthz?scope=host")
        full = client.get("/healthz")
    assert (host.status_code, full.status_code) == (200, 503)
    assert host.json()["status"] == "ok"
    assert host.json()["scheduled"][SWEEP]["overdue"] is True


def test_a_job_that_keeps_failing_becomes_overdue(client, db):
    done = timezone.now()
    every_job_done_at(done)
    late = overdue_after(DAILY, done) + datetime.timedelta(seconds=1)
    # Every other job went on running; the open-data rebuild failed each night.
    ScheduledRun.objects.exclude(name=DAILY).update(
        last_started=late, last_succeeded=late
    )
    ScheduledRun.objects.filter(name=DAILY).update(last_started=late, last_ok=False)
    with clock(late):
        body = client.get("/healthz").json()
    assert [name for name, job in body["scheduled"].items() if job["overdue"]] == [
        DAILY
    ]
    assert body["scheduled"][DAILY]["last_ok"] is False


def test_jobs_never_run_are_overdue_once_the_install_is_old_enough(client, db):
    installed = status.installed_at()
    assert installed is not None
    with clock(overdue_after(SWEEP, installed)):
        assert client.get("/healthz").status_code == 200
    with clock(overdue_after(SWEEP, installed) + datetime.timedelta(seconds=1)):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["scheduled"][SWEEP]["overdue"] is True
    assert response.json()["scheduled"][DAILY]["overdue"] is False


def test_a_job_not_run_yet_counts_from_the_oldest_run_of_the_others(client, db):
    """A job added to the schedule of an old install is not overdue at once."""
    now = timezone.now()
    every_job_done_at(now - datetime.timedelta(hours=1))
    ScheduledRun.objects.filter(name=DAILY).delete()
    with mock.patch.object(
        status, "installed_at", return_value=now - datetime.timedelta(days=365)
    ):
        assert client.get("/healthz").status_code == 200
        ScheduledRun.objects.all().delete()
        assert client.get("/healthz").status_code == 503


def test_healthz_is_503_when_the_record_of_the_jobs_cannot_be_read(client, db):
    with mock.patch.object(health, "job_states", side_effect=OperationalError("gone")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["scheduled"] == {}


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_health_self_check_runs_in_a_real_worker(celery_worker_app):
    import os

    result = celery_worker_app.send_task("core.tasks.health_self_check")
    report = result.get(timeout=30)
    assert report["checks"] == {
        "database": "ok",
        "cache": "ok",
        "broker": "ok",
        "media": "ok",
    }
    # The worker is another process: the task and its result went through Redis.
    assert report["pid"] != os.getpid()
    assert result.backend.__class__.__name__ == "RedisBackend"
