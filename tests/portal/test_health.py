from unittest import mock

import pytest
from django.db.utils import OperationalError

from core import health


def test_healthz_is_200_with_every_part_up(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "ok", "media": "ok"},
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
