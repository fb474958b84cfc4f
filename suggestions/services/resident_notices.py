"""Notices to residents of their item's public status changes, SMS or e-mail.

A resident who asked for them gets one notice per public status change: the
outbox row is made with the timeline entry and handed to the worker by its id
after commit; `sweep_outbox` retries whatever is left. The text names the
tracking code and the new status and links the tracking page: never the
resident's name, phone, address or words.
"""

import logging

from django.db import transaction
from django.utils import timezone

from ..models import ResidentNotice, Suggestion, TimelineEntry
from .notifications import is_muted

logger = logging.getLogger(__name__)


def queue_status_notice(suggestion, entry) -> ResidentNotice | None:
    """The outbox row for this public status change, if the resident asked."""
    channel = suggestion.notice_channel
    public_change = entry.public and entry.kind in (
        TimelineEntry.Kind.RECEIVED,
        TimelineEntry.Kind.TRANSITION,
    )
    if not channel or not public_change or is_muted():
        return None
    if suggestion.personal_data_erased_at:
        return None
    notice, created = ResidentNotice.objects.get_or_create(
        timeline_entry=entry,
        defaults={
            "suggestion": suggestion,
            "channel": channel,
            "status": entry.to_status,
            "created_at": entry.at,
        },
    )
    if created:
        pk = notice.pk
        transaction.on_commit(lambda: queue_delivery([pk]), robust=True)
    return notice


def queue_delivery(ids) -> None:
    from core.queueing import send_many_quickly

    from ..delivery_tasks import deliver_resident_notice

    ids = list(ids)
    sent = send_many_quickly(deliver_resident_notice, [(pk,) for pk in ids])
    for pk in ids[sent:]:
        logger.warning("Resident notice %s left in the outbox", pk)


@transaction.atomic
def notices_stop(*, suggestion) -> bool:
    """No more notices: the choice and the e-mail address are forgotten, and
    what is still waiting in the outbox is not sent. False if none were asked."""
    if not suggestion.notice_channel:
        return False
    suggestion.notice_channel = Suggestion.NoticeChannel.NONE
    suggestion.notice_email = ""
    suggestion.save(update_fields=["notice_channel", "notice_email"])
    suggestion.resident_notices.pending().update(
        given_up_at=timezone.now(), last_error="stopped by the resident"
    )
    return True
