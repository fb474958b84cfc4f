"""Celery tasks that send the notices of the outbox; they take ids only."""

from celery import shared_task

from . import delivery, delivery_notices


@shared_task(name="suggestions.tasks.deliver_notification")
def deliver_notification(notification_id: int) -> bool:
    return delivery.notification_deliver(notification_id)


@shared_task(name="suggestions.tasks.deliver_resident_notice")
def deliver_resident_notice(notice_id: int) -> bool:
    """A resident's notice, by its outbox row: the address stays in the database."""
    return delivery_notices.resident_notice_deliver(notice_id)


@shared_task(name="suggestions.tasks.sweep_outbox")
def sweep_outbox(grace_seconds: int | None = None) -> int:
    """Deliver every notice still in the outbox (the broker was down, say):
    staff's and deputies' e-mails, and residents' SMS and e-mails."""
    return delivery.deliver_outbox(grace_seconds) + (
        delivery_notices.deliver_resident_outbox(grace_seconds)
    )
