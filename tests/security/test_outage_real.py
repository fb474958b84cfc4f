"""Redis really stopped, a Celery worker really killed.

Each test starts its own redis-server on a free port and its own Celery worker
(tests/security/outage_worker.py) on that Redis and on the test's PostgreSQL
database, so that stopping Redis or killing the worker touches nothing shared.
tests/security/test_degraded.py covers the same promises with a dead port, on
any database.
"""

import logging
import os
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.core.cache import caches

from suggestions import tasks
from suggestions.models import Notification, Suggestion
from suggestions.services import notifications
from tests.security.outage_services import (
    BASE_DIR,
    DEADLINE,
    RedisServer,
    Worker,
    fresh_connections,
    messages_sent,
    require_real_services,
    wait_for,
    warnings_from,
    worker_command,
    worker_env,
)
from tests.suggestions.conftest import form_data
from tests.suggestions.factories import SuggestionFactory
from ziyang_portal.celery import app as portal_app

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def own_redis(tmp_path):
    require_real_services()
    server = RedisServer(tmp_path)
    try:
        server.start()
        yield server
    finally:
        server.kill()


@pytest.fixture
def portal_on_own_redis(settings, own_redis):
    """This process's cache, broker and results on the test's own Redis."""
    # Read before the settings change: the app's configuration is loaded from
    # Django's settings on first use, which may be now.
    keys = ("broker_url", "result_backend", "task_always_eager")
    saved = {key: portal_app.conf[key] for key in keys}
    settings.REDIS_URL = own_redis.url(0)
    settings.CELERY_BROKER_URL = own_redis.url(0)
    settings.CELERY_RESULT_BACKEND = own_redis.url(0)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": own_redis.url(1),
            "KEY_PREFIX": "outage",
        }
    }
    portal_app.conf.update(
        broker_url=own_redis.url(0),
        result_backend=own_redis.url(0),
        task_always_eager=False,
    )
    fresh_connections(portal_app)
    yield portal_app
    caches["default"].close()
    portal_app.conf.update(saved)
    fresh_connections(portal_app)


@pytest.fixture
def mail_dir(tmp_path) -> Path:
    path = tmp_path / "mail"
    path.mkdir()
    return path


@pytest.fixture
def start_worker(own_redis, mail_dir, tmp_path):
    """Start a worker; every worker started is killed at teardown, pass or fail."""
    started = []
    marker = tmp_path / "paused"

    def start(*, pause=False, visibility_timeout=None):
        name = f"outage-{uuid.uuid4().hex[:8]}@%h"
        env = worker_env(
            own_redis,
            mail_dir,
            marker,
            pause=pause,
            visibility_timeout=visibility_timeout,
        )
        log_path = tmp_path / f"worker-{len(started)}.log"
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                worker_command(name),
                cwd=BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        worker = Worker(process, log_path, marker)
        started.append(worker)
        wait_for(worker.ready, "the Celery worker to be ready")
        return worker

    yield start
    for worker in started:
        worker.kill_everything()
        # Shown by pytest only when the test failed.
        print(f"--- {worker.log_path.name} (tail)\n{worker.log()[-4000:]}")


@pytest.fixture
def captcha_test_mode(settings, monkeypatch):
    from captcha.conf import settings as captcha_settings

    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)


@pytest.fixture
def staff_with_email(staff_user):
    staff_user.email = "office@example.invalid"
    staff_user.save(update_fields=["email"])
    return staff_user


@pytest.fixture
def notice(staff_with_email) -> Notification:
    """A notice in the outbox, not yet handed to any worker."""
    with notifications.notifications_muted():
        suggestion = SuggestionFactory()
    return Notification.objects.create(
        recipient=staff_with_email,
        suggestion=suggestion,
        kind=Notification.Kind.NEW,
        message=f"New item {suggestion.tracking_code} is waiting to be accepted.",
    )


# Redis stopped ---------------------------------------------------------------


def submit_and_track_without_the_cache(client, caplog) -> Suggestion:
    """The public form and tracking, served with the rate limits skipped."""
    # The public form: saved, with its tracking code, without waiting through
    # the broker's reconnection attempts (one quick try, then the outbox).
    started = time.monotonic()
    response = client.post("/suggest/", form_data(phone="13800005678"), follow=True)
    assert time.monotonic() - started < 3
    assert response.status_code == 200
    suggestion = Suggestion.objects.get()
    assert suggestion.tracking_code in response.content.decode()
    assert warnings_from(caplog, "suggestions.ratelimit") == [
        "Rate limit submit-ip skipped: the cache is unreachable",
        "Rate limit submit-phone skipped: the cache is unreachable",
    ]

    # Tracking by code and the last four digits of the phone.
    response = client.post(
        "/track/",
        {"code": suggestion.tracking_code, "phone_last4": "5678"},
        follow=True,
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/track/result/"
    assert suggestion.tracking_code in response.content.decode()
    assert "Rate limit track-ip skipped: the cache is unreachable" in (
        warnings_from(caplog, "suggestions.ratelimit")
    )
    return suggestion


def assert_healthz_names_the_cache_and_the_broker_down(client):
    """/healthz names what is down, and only that."""
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "ok",
        "cache": "down",
        "broker": "down",
        "media": "ok",
    }


def notice_waiting_in_the_outbox(staff, caplog, mail_dir) -> Notification:
    """The staff notice could not be queued: it waits in the outbox."""
    notice = Notification.objects.get(recipient=staff)
    assert notice.sent_at is None and notice.attempts == 0
    assert warnings_from(caplog, "suggestions.services.notifications") == [
        f"Notification {notice.pk} left in the outbox: broker unreachable"
    ]
    assert messages_sent(mail_dir) == []
    return notice


def assert_the_sweep_delivers_it_once(notice, suggestion, mail_dir):
    """The beat's outbox sweep, run by the worker, delivers the notice once."""
    sweep = tasks.sweep_outbox.delay(grace_seconds=0)
    assert sweep.get(timeout=DEADLINE) == 1
    notice.refresh_from_db()
    assert notice.sent_at is not None and notice.attempts == 1
    sent = messages_sent(mail_dir)
    assert len(sent) == 1
    assert "To: office@example.invalid" in sent[0]
    assert suggestion.tracking_code in sent[0]
    assert "13800005678" not in sent[0]

    # A second sweep finds nothing left: delivered exactly once.
    assert tasks.sweep_outbox.delay(grace_seconds=0).get(timeout=DEADLINE) == 0
    assert len(messages_sent(mail_dir)) == 1


def test_with_redis_stopped_residents_are_served_and_the_outbox_waits_for_it(
    client,
    own_redis,
    portal_on_own_redis,
    start_worker,
    mail_dir,
    staff_with_email,
    captcha_test_mode,
    caplog,
):
    start_worker()
    own_redis.stop()
    caplog.set_level(logging.WARNING)

    suggestion = submit_and_track_without_the_cache(client, caplog)
    assert_healthz_names_the_cache_and_the_broker_down(client)
    notice = notice_waiting_in_the_outbox(staff_with_email, caplog, mail_dir)

    # Redis is back on the same port: the worker reconnects by itself.
    own_redis.start()
    fresh_connections(portal_on_own_redis)
    assert client.get("/healthz").status_code == 200
    assert_the_sweep_delivers_it_once(notice, suggestion, mail_dir)


# Worker killed in the middle of a task ---------------------------------------


def assert_delivered_once(notice, mail_dir):
    notice.refresh_from_db()
    assert notice.sent_at is not None
    assert notice.attempts == 1
    sent = messages_sent(mail_dir)
    assert len(sent) == 1
    assert notice.suggestion.tracking_code in sent[0]


def test_a_pool_process_killed_mid_task_is_rerun_at_once_without_a_second_email(
    portal_on_own_redis, start_worker, notice, mail_dir
):
    worker = start_worker(pause=True)
    result = tasks.deliver_notification.delay(notice.pk)

    # The email is sent and the row committed; the task has not returned yet.
    child = worker.paused_child()
    assert_delivered_once(notice, mail_dir)
    os.kill(child, signal.SIGKILL)

    # Rejected on worker loss, the message is requeued at once and run again by
    # the next pool process; the re-run finds the notice delivered (False).
    rerun = result.get(timeout=DEADLINE)
    assert_delivered_once(notice, mail_dir)
    assert rerun is False and result.state == "SUCCESS"
    assert worker.process.poll() is None, "only the pool process was killed"
    assert "WorkerLostError" in worker.log()


def test_a_whole_worker_killed_mid_task_is_redelivered_to_the_next_worker_once(
    portal_on_own_redis, own_redis, start_worker, notice, mail_dir
):
    visibility_timeout = 5
    first = start_worker(pause=True, visibility_timeout=visibility_timeout)
    sent_at = time.monotonic()
    result = tasks.deliver_notification.delay(notice.pk)
    first.paused_child()
    assert_delivered_once(notice, mail_dir)
    first.kill_everything()

    # Unacknowledged, the message stays with the broker; after the visibility
    # timeout a new worker takes it, and the re-run sends nothing.
    unacked = redis.Redis(port=own_redis.port, db=0)
    # Still unacknowledged, or already put back in its queue by the killed
    # worker's own check when the pause outlasted the timeout on a busy machine.
    queue = portal_app.amqp.router.route({}, tasks.deliver_notification.name)["queue"]
    assert unacked.hlen("unacked") + unacked.llen(queue.name) == 1
    start_worker(visibility_timeout=visibility_timeout)
    rerun = result.get(timeout=DEADLINE)
    assert time.monotonic() - sent_at >= visibility_timeout
    assert_delivered_once(notice, mail_dir)
    assert rerun is False and result.state == "SUCCESS"
    # Acknowledged once its result is stored: nothing left to come back.
    wait_for(lambda: unacked.hlen("unacked") == 0, "the acknowledgement", timeout=15)
    unacked.close()
