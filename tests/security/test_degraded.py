"""With Redis down, the portal still serves residents and says what is down.

The real Redis is shared with other work, so "down" is a port nobody listens
on (redis://127.0.0.1:1/0) for both the cache and the broker.
"""

import time

import pytest
from django.core.cache import caches
from django.test import Client

from tests.conftest import PASSWORD

DEAD_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings):
    settings.REDIS_URL = DEAD_REDIS
    settings.CELERY_BROKER_URL = DEAD_REDIS
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": DEAD_REDIS,
        }
    }
    yield
    caches["default"].close()


def test_the_dead_port_really_is_dead(redis_down):
    with pytest.raises(Exception):  # noqa: B017, PT011 - any connection error
        caches["default"].set("probe", 1)


def test_healthz_names_the_cache_and_the_broker_as_down(client, db, redis_down):
    started = time.monotonic()
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["cache"] == "down"
    assert body["checks"]["broker"] == "down"
    assert body["checks"]["database"] == "ok"
    assert time.monotonic() - started < 15, "a dead Redis must not hang the check"


def test_the_home_page_still_works(client, db, redis_down):
    response = client.get("/")
    assert response.status_code == 200


def test_login_still_works_because_sessions_are_in_the_database(
    deputy_user, zhang, redis_down
):
    client = Client()
    response = client.post(
        "/accounts/login/", {"username": deputy_user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/my/").status_code == 200


def test_the_admin_login_still_works(staff_user, redis_down):
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": staff_user.username, "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_task_whose_worker_dies_is_delivered_again(settings):
    """Late acknowledgement: a message is acknowledged only once its task ends."""
    assert settings.CELERY_TASK_ACKS_LATE is True
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST is True
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    # Redelivery waits for the visibility timeout, which outlasts any task.
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert timeout > settings.CELERY_TASK_TIME_LIMIT


def test_no_task_outlasts_the_visibility_timeout(settings):
    """A task still running when the timeout passes would be run a second time."""
    from ziyang_portal.celery import app

    app.loader.import_default_modules()
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    tasks = [t for name, t in app.tasks.items() if not name.startswith("celery.")]
    assert tasks
    for task in tasks:
        limit = task.time_limit or settings.CELERY_TASK_TIME_LIMIT
        assert limit < timeout, task.name


def test_exports_have_the_time_a_large_year_needs(settings):
    from exports.tasks import build_export

    assert build_export.soft_time_limit >= 30 * 60
    assert build_export.time_limit > build_export.soft_time_limit
