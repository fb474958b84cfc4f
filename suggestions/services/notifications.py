"""Who is told about an item, the in-app notices, and queuing their emails."""

import contextlib
import contextvars
import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.roles import STAFF_GROUP

from ..models import Notification, Suggestion

logger = logging.getLogger(__name__)


def staff_recipients():
    User = get_user_model()
    return User.objects.filter(
        is_active=True, is_staff=True, groups__name=STAFF_GROUP
    ).distinct()


def deputy_recipients(suggestion):
    users = []
    for deputy in (suggestion.following_deputy, suggestion.raised_by):
        if deputy is not None and deputy.user_id and deputy.user_id not in users:
            users.append(deputy.user_id)
    return get_user_model().objects.filter(pk__in=users, is_active=True)


_muted = contextvars.ContextVar("suggestions_notifications_muted", default=False)


@contextlib.contextmanager
def notifications_muted():
    """Record past events (the demo year, an import) without notifying anyone."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def is_muted() -> bool:
    return _muted.get()


def notify(suggestion, kind: str, recipients) -> list[Notification]:
    """In-app notices for each recipient, and their emails queued after commit.

    Messages carry the tracking code and status only: never a resident's name,
    phone, address or words.
    """
    if _muted.get():
        return []
    message = str(NOTIFICATION_TEXT[kind]) % {"code": suggestion.tracking_code}
    rows = [
        Notification.objects.create(
            recipient=user, suggestion=suggestion, kind=kind, message=message
        )
        for user in recipients
    ]
    ids = [n.pk for n in rows]
    if ids:
        transaction.on_commit(lambda: queue_delivery(ids), robust=True)
    return rows


NOTIFICATION_TEXT = {
    Notification.Kind.NEW: gettext_lazy("New item %(code)s is waiting to be accepted."),
    Notification.Kind.ASSIGNED: gettext_lazy("Item %(code)s has been assigned to you."),
    Notification.Kind.OVERDUE: gettext_lazy("Item %(code)s is past its due date."),
    Notification.Kind.REOPENED: gettext_lazy(
        "Item %(code)s was reopened and needs attention."
    ),
    Notification.Kind.ESCALATION: gettext_lazy(
        "The escalation of item %(code)s has news."
    ),
}


def queue_delivery(ids) -> None:
    """Hand notices to the worker; when the broker is down they wait in the
    outbox for `sweep_outbox`."""
    from core.queueing import send_many_quickly

    from ..delivery_tasks import deliver_notification

    ids = list(ids)
    sent = send_many_quickly(deliver_notification, [(pk,) for pk in ids])
    for pk in ids[sent:]:
        logger.warning("Notification %s left in the outbox: broker unreachable", pk)


def notify_overdue(today=None) -> int:
    """One overdue notice per item and day, to staff and the following deputy."""
    today = today or timezone.localdate()
    count = 0
    items = Suggestion.objects.overdue(today).select_related(
        "following_deputy", "raised_by"
    )
    for suggestion in items:
        already = suggestion.notifications.filter(
            kind=Notification.Kind.OVERDUE, created_at__date=today
        ).exists()
        if already:
            continue
        with transaction.atomic():
            notify(
                suggestion,
                Notification.Kind.OVERDUE,
                [*staff_recipients(), *deputy_recipients(suggestion)],
            )
        count += 1
    return count
