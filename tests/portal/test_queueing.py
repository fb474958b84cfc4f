"""Work is handed to the worker with one quick try: a dead broker never makes
a person wait, and what could not be queued is kept or shown as failed."""

import logging
import time

import pytest
from kombu import Connection

from core import queueing
from ziyang_portal.celery import app

DEAD_BROKER = "redis://127.0.0.1:1/0"


@pytest.fixture
def broker_down(monkeypatch):
    """A real connection attempt to a port nobody listens on."""
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setattr(
        app, "connection_for_write", lambda *a, **k: Connection(DEAD_BROKER)
    )


def test_inline_tasks_run_at_once(db):
    from core.tasks import health_self_check

    assert queueing.send_quickly(health_self_check) is True


def test_a_dead_broker_is_given_up_at_once(broker_down, caplog):
    from suggestions.tasks import deliver_notification

    caplog.set_level(logging.WARNING)
    started = time.monotonic()
    sent = queueing.send_many_quickly(deliver_notification, [(1,), (2,)])
    assert time.monotonic() - started < 3
    assert sent == 0
    assert "2 of 2 suggestions.tasks.deliver_notification not queued" in caplog.text


def test_a_register_export_shows_failed_when_the_queue_is_down(
    broker_down, staff_user, django_capture_on_commit_callbacks
):
    from exports.models import Export
    from exports.services import export_request

    with django_capture_on_commit_callbacks(execute=True):
        export = export_request(user=staff_user, register=Export.Register.DEPUTIES)
    export.refresh_from_db()
    assert export.status == Export.Status.FAILED


def test_a_report_file_shows_failed_with_the_reason_when_the_queue_is_down(
    broker_down, staff_user, django_capture_on_commit_callbacks
):
    from report.models import ReportExport
    from report.services import report_generate, report_request_export

    draft = report_generate(year=2018, user=staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        job = report_request_export(report=draft, fmt="docx", user=staff_user)
    job.refresh_from_db()
    assert job.status == ReportExport.Status.FAILED
    assert "任务队列暂不可用" in job.error
