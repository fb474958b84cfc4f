"""The reminder the day before a planned date: an in-app notice on /my/roster/
and an e-mail, kept in an outbox (`sent_at` empty) until delivered."""

import datetime
import logging

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import planning
from .models import DutyRule, Reminder

logger = logging.getLogger(__name__)


def reminders_create(*, today: datetime.date | None = None) -> int:
    """A reminder for every deputy on duty tomorrow who has none; how many."""
    tomorrow = (today or timezone.localdate()) + datetime.timedelta(days=1)
    rules = DutyRule.objects.in_force().for_planning()
    existing = set(
        Reminder.objects.filter(date=tomorrow).values_list("deputy_id", "station_id")
    )
    created = 0
    for planned in planning.plan(rules, tomorrow, tomorrow):
        for deputy in planned.deputies:
            if (deputy.pk, planned.station.pk) in existing:
                continue
            try:
                with transaction.atomic():
                    Reminder.objects.create(
                        deputy=deputy,
                        station=planned.station,
                        date=planned.date,
                        starts_at=planned.start,
                    )
            except IntegrityError:  # another runner made it meanwhile
                continue
            existing.add((deputy.pk, planned.station.pk))
            created += 1
    return created


def reminder_deliver(reminder_id: int) -> bool:
    """E-mail one reminder unless already sent; True when it is now delivered."""
    with transaction.atomic():
        reminder = (
            Reminder.objects.select_for_update(of=("self",))
            .select_related("deputy__user", "station")
            .filter(pk=reminder_id, sent_at__isnull=True)
            .first()
        )
        if reminder is None:
            return False
        if reminder.recipient_email:
            start = timezone.localtime(reminder.starts_at)
            text = _(
                "Tomorrow %(time)s you receive voters at %(station)s, %(address)s."
            )
            send_mail(
                subject=_("[Ziyang portal] Reception duty tomorrow"),
                message=text
                % {
                    "time": f"{start:%Y-%m-%d %H:%M}",
                    "station": reminder.station.name,
                    "address": reminder.station.address,
                },
                from_email=None,
                recipient_list=[reminder.recipient_email],
            )
        reminder.sent_at = timezone.now()
        reminder.save(update_fields=["sent_at"])
    return True


def reminders_send(*, today: datetime.date | None = None) -> int:
    """Create tomorrow's reminders and deliver every one still in the outbox."""
    today = today or timezone.localdate()
    reminders_create(today=today)
    delivered = 0
    # A reminder of a day gone by is no use any more.
    pending = Reminder.objects.filter(sent_at__isnull=True, date__gte=today)
    for pk in pending.values_list("pk", flat=True)[:500]:
        try:
            delivered += reminder_deliver(pk)
        except Exception:
            logger.exception("Duty reminder %s could not be delivered", pk)
    return delivered
