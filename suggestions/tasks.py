"""Celery tasks: thin adapters over services.py that take ids only."""

import logging

from celery import shared_task
from django.utils import timezone

from . import services
from .models import Notification

logger = logging.getLogger(__name__)

# Notices younger than this are left to the task queued at commit time.
SWEEP_GRACE = timezone.timedelta(minutes=2)


@shared_task(name="suggestions.tasks.deliver_notification")
def deliver_notification(notification_id: int) -> bool:
    return services.notification_deliver(notification_id)


@shared_task(name="suggestions.tasks.sweep_outbox")
def sweep_outbox(grace_seconds: int | None = None) -> int:
    """Deliver every notice still in the outbox (the broker was down, say)."""
    grace = (
        SWEEP_GRACE
        if grace_seconds is None
        else timezone.timedelta(seconds=grace_seconds)
    )
    pending = Notification.objects.undelivered().filter(
        created_at__lte=timezone.now() - grace
    )
    delivered = 0
    for pk in pending.values_list("pk", flat=True)[:500]:
        try:
            delivered += services.notification_deliver(pk)
        except Exception:
            logger.exception("Notification %s could not be delivered", pk)
    return delivered


@shared_task(name="suggestions.tasks.find_overdue")
def find_overdue() -> int:
    return services.notify_overdue()


@shared_task(name="suggestions.tasks.erase_expired_personal_data")
def erase_expired_personal_data() -> int:
    return services.erase_expired_personal_data()
