"""Every task has a queue: notifications, ordinary work and heavy work apart.

Workers are started per queue (docs/scaling.md), so a task without a route
would sit in a queue nobody consumes; a new task fails here until it has one.
"""

import pytest
from django.conf import settings

from ziyang_portal.celery import app

QUEUES = {"default", "notify", "heavy"}


def portal_tasks() -> list[str]:
    app.loader.import_default_modules()
    return sorted(name for name in app.tasks if not name.startswith("celery."))


def unrouted() -> list[str]:
    return [name for name in portal_tasks() if name not in settings.CELERY_TASK_ROUTES]


def queue_of(name: str) -> str:
    return app.amqp.router.route({}, name)["queue"].name


def test_every_task_of_the_portal_has_a_route():
    assert len(portal_tasks()) >= len(settings.CELERY_TASK_ROUTES)
    assert not unrouted(), (
        f"tasks without a queue (add them to CELERY_TASK_ROUTES): {unrouted()}"
    )


def test_every_route_names_a_declared_queue_and_a_real_task():
    declared = {queue.name for queue in settings.CELERY_TASK_QUEUES}
    assert declared == QUEUES
    assert {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()} <= QUEUES
    assert set(settings.CELERY_TASK_ROUTES) <= set(portal_tasks())


def test_a_new_task_without_a_route_is_caught():
    @app.task(name="ziyang_portal.tests.unrouted_probe")
    def probe():
        return None

    try:
        assert unrouted() == ["ziyang_portal.tests.unrouted_probe"]
    finally:
        del app.tasks["ziyang_portal.tests.unrouted_probe"]


def test_notifications_and_heavy_work_go_to_their_own_queues():
    assert queue_of("suggestions.tasks.deliver_notification") == "notify"
    assert queue_of("suggestions.tasks.sweep_outbox") == "notify"
    assert queue_of("report.tasks.make_report_export") == "heavy"
    assert queue_of("exports.tasks.build_export") == "heavy"
    assert queue_of("opendata.tasks.regenerate") == "heavy"
    assert queue_of("suggestions.tasks.find_overdue") == "default"
    assert queue_of("core.tasks.health_self_check") == "default"


def test_a_worker_started_without_q_consumes_every_queue():
    assert set(app.amqp.queues) == QUEUES


@pytest.mark.services
def test_the_running_worker_consumes_every_queue(celery_worker_app):
    replies = celery_worker_app.control.inspect(timeout=2).active_queues() or {}
    consumed = {queue["name"] for queues in replies.values() for queue in queues}
    assert consumed >= QUEUES, f"queues nobody consumes: {QUEUES - consumed}"
