"""Emailing the notices of the outbox, one by one or all that are waiting."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Notification

logger = logging.getLogger(__name__)

# Notices younger than this are left to the task queued at commit time.
SWEEP_GRACE = timezone.timedelta(minutes=2)
SWEEP_BATCH = 500


def notification_deliver(notification_id: int) -> bool:
    """Email one notice unless already sent; True when it is now delivered."""
    from django.core.mail import send_mail

    with transaction.atomic():
        notice = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id, sent_at__isnull=True)
            .first()
        )
        if notice is None:
            return False
        notice.attempts += 1
        if notice.recipient.email:
            send_mail(
                subject=_("[Ziyang portal] %(message)s") % {"message": notice.message},
                message=notice.message,
                from_email=None,
                recipient_list=[notice.recipient.email],
            )
        notice.sent_at = timezone.now()
        notice.save(update_fields=["attempts", "sent_at"])
    return True


def deliver_outbox(grace_seconds: int | None = None) -> int:
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
    for pk in pending.values_list("pk", flat=True)[:SWEEP_BATCH]:
        try:
            delivered += notification_deliver(pk)
        except Exception:
            logger.exception("Notification %s could not be delivered", pk)
    return delivered
