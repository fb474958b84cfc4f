"""Celery tasks that email the notices of the outbox; they take ids only."""

from celery import shared_task

from . import delivery


@shared_task(name="suggestions.tasks.deliver_notification")
def deliver_notification(notification_id: int) -> bool:
    return delivery.notification_deliver(notification_id)


@shared_task(name="suggestions.tasks.sweep_outbox")
def sweep_outbox(grace_seconds: int | None = None) -> int:
    """Deliver every notice still in the outbox (the broker was down, say)."""
    return delivery.deliver_outbox(grace_seconds)
