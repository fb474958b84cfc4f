import time

import pytest
from django.core import mail
from django.urls import reverse

from suggestions import tasks
from suggestions.models import Notification, Suggestion
from tests.suggestions.conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_with_email(staff_user):
    staff_user.email = "office@example.invalid"
    staff_user.save(update_fields=["email"])
    return staff_user


@pytest.fixture
def broker_down():
    """The Celery app pointed at a port where no Redis listens, not eager."""
    from ziyang_portal.celery import app

    saved = (app.conf.broker_url, app.conf.task_always_eager)
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    app.conf.task_always_eager = False
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield app
    finally:
        app.conf.broker_url, app.conf.task_always_eager = saved
        app._pool = None
        app.amqp._producer_pool = None


def test_a_new_submission_is_emailed_to_staff_after_commit(
    client, staff_with_email, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("suggestions:suggest"), form_data())
    notice = Notification.objects.get(recipient=staff_with_email)
    assert notice.sent_at is not None
    assert len(mail.outbox) == 1
    body = mail.outbox[0].subject + mail.outbox[0].body
    assert Suggestion.objects.get().tracking_code in body
    assert "13800005678" not in body and "居民某某" not in body


def test_with_the_broker_down_the_submission_is_saved_and_delivered_later(
    client, staff_with_email, broker_down, django_capture_on_commit_callbacks
):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("suggestions:suggest"), form_data(), follow=True)
    assert time.monotonic() - started < 10
    code = Suggestion.objects.get().tracking_code
    assert code in response.content.decode()
    notice = Notification.objects.get(recipient=staff_with_email)
    assert notice.sent_at is None and not mail.outbox
    # The broker is back: the beat's sweep delivers what was left behind.
    broker_down.conf.task_always_eager = True
    assert tasks.sweep_outbox.delay(grace_seconds=0).get() == 1
    notice.refresh_from_db()
    assert notice.sent_at is not None
    assert len(mail.outbox) == 1 and code in mail.outbox[0].subject


def test_a_notice_is_delivered_only_once(suggestion, staff_with_email):
    notice = Notification.objects.create(
        recipient=staff_with_email, suggestion=suggestion, kind="new", message="m"
    )
    assert tasks.deliver_notification(notice.pk) is True
    assert tasks.deliver_notification(notice.pk) is False
    assert tasks.sweep_outbox(grace_seconds=0) == 0
    assert len(mail.outbox) == 1


def test_the_sweep_leaves_fresh_notices_to_their_own_task(suggestion, staff_user):
    Notification.objects.create(
        recipient=staff_user, suggestion=suggestion, kind="new", message="m"
    )
    assert tasks.sweep_outbox() == 0


def test_the_overdue_task_notifies_the_following_deputy(suggestion, zhang):
    from suggestions.services import notifications
    from tests.suggestions.factories import a_day, accepted

    accepted(suggestion, due_date=a_day(-2), following_deputy=zhang)
    assert tasks.find_overdue() == 1
    assert Notification.objects.filter(recipient=zhang.user, kind="overdue").exists()
    assert notifications.notify_overdue() == 0


def test_the_beat_schedule_runs_the_sweep_the_overdue_check_and_retention(settings):
    tasks_scheduled = {e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "suggestions.tasks.sweep_outbox",
        "suggestions.tasks.find_overdue",
        "suggestions.tasks.erase_expired_personal_data",
    } <= tasks_scheduled


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_the_real_worker_delivers_a_notification(celery_worker_app, staff_with_email):
    from tests.suggestions.factories import SuggestionFactory

    suggestion = SuggestionFactory()
    notice = Notification.objects.filter(suggestion=suggestion).first()
    notice.refresh_from_db()
    result = tasks.deliver_notification.delay(notice.pk)
    # The worker runs in its own process: the email is not in this process's
    # outbox, but the row it marked as sent is in the shared database.
    result.get(timeout=30)
    notice.refresh_from_db()
    assert notice.sent_at is not None
