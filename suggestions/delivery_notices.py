"""Sending the notices to residents of the outbox, one by one or all waiting.

The address is read from the item when the notice is sent, never carried by
the task; it is never logged. A notice that fails is tried again by the sweep
until MAX_ATTEMPTS, then given up; one whose resident stopped the notices, or
whose item's personal data is erased, is given up without sending.
"""

import logging

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import sms

from .models import ResidentNotice, Suggestion

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
STOP_SALT = "suggestions.resident_notices.stop"
# A link in an e-mail stops notices for as long as the item may still change.
STOP_LINK_MAX_AGE = 3 * 365 * 24 * 3600

NOTICE_TEXT = gettext_lazy(
    "Ziyang Street people's congress: your item %(code)s is now %(status)s. "
    "Track it at %(url)s with the last four digits of your phone; "
    "you can stop these notices there."
)


def stop_token(suggestion) -> str:
    return signing.dumps(suggestion.pk, salt=STOP_SALT)


def suggestion_for_stop_token(token: str) -> Suggestion | None:
    try:
        pk = signing.loads(token, salt=STOP_SALT, max_age=STOP_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    return Suggestion.objects.filter(pk=pk).first()


SWEEP_GRACE = timezone.timedelta(minutes=2)
SWEEP_BATCH = 500


def site_url(path: str) -> str:
    """An absolute link: PORTAL_URL (a setting, else the environment) before it."""
    base = sms.setting("PORTAL_URL", "http://localhost:8000").rstrip("/")
    return f"{base}{path}"


def notice_text(notice) -> str:
    return str(NOTICE_TEXT) % {
        "code": notice.suggestion.tracking_code,
        "status": Suggestion.Status(notice.status).label,
        "url": site_url(reverse("suggestions:track")),
    }


def _send(notice) -> None:
    suggestion = notice.suggestion
    text = notice_text(notice)
    if notice.channel == Suggestion.NoticeChannel.SMS:
        sms.send_sms(
            suggestion.submitter_phone,
            text,
            {
                "code": suggestion.tracking_code,
                "status": str(Suggestion.Status(notice.status).label),
            },
        )
        return
    from django.core.mail import send_mail

    stop_url = site_url(
        reverse("suggestions:notices_stop", args=[stop_token(suggestion)])
    )
    send_mail(
        subject=_("[Ziyang portal] Item %(code)s: %(status)s")
        % {
            "code": suggestion.tracking_code,
            "status": Suggestion.Status(notice.status).label,
        },
        message=text
        + "\n\n"
        + _("To receive no more notices of this item, open %(url)s")
        % {"url": stop_url},
        from_email=None,
        recipient_list=[suggestion.notice_email],
    )


def _address_gone(notice) -> str:
    suggestion = notice.suggestion
    if suggestion.notice_channel != notice.channel:
        return "notices stopped"
    if notice.channel == Suggestion.NoticeChannel.SMS:
        return "" if suggestion.submitter_phone else "no phone"
    return "" if suggestion.notice_email else "no e-mail address"


def resident_notice_deliver(notice_id: int) -> bool:
    """Send one notice unless already sent or given up; True when sent now."""
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        notice = (
            ResidentNotice.objects.select_for_update()
            .select_related("suggestion")
            .pending()
            .filter(pk=notice_id)
            .first()
        )
        if notice is None:
            return False
        gone = _address_gone(notice)
        if gone:
            notice.given_up_at, notice.last_error = timezone.now(), gone
            notice.save(update_fields=["given_up_at", "last_error"])
            return False
        notice.attempts += 1
        try:
            _send(notice)
        except Exception as exc:  # kept in the outbox for the sweep
            notice.last_error = f"{type(exc).__name__}"[:200]
            if isinstance(exc, sms.SmsError):
                notice.last_error = str(exc)[:200]
            if notice.attempts >= MAX_ATTEMPTS:
                notice.given_up_at = timezone.now()
            notice.save(update_fields=["attempts", "last_error", "given_up_at"])
            logger.warning(
                "Resident notice %s not sent: %s", notice.pk, notice.last_error
            )
            return False
        notice.sent_at, notice.last_error = timezone.now(), ""
        notice.save(update_fields=["attempts", "sent_at", "last_error"])
    return True


def deliver_resident_outbox(grace_seconds: int | None = None) -> int:
    grace = (
        SWEEP_GRACE
        if grace_seconds is None
        else timezone.timedelta(seconds=grace_seconds)
    )
    pending = ResidentNotice.objects.pending().filter(
        created_at__lte=timezone.now() - grace
    )
    delivered = 0
    for pk in pending.values_list("pk", flat=True)[:SWEEP_BATCH]:
        try:
            delivered += resident_notice_deliver(pk)
        except Exception:
            logger.exception("Resident notice %s could not be delivered", pk)
    return delivered
