"""Asking a city-level deputy for help (向市代表借力) and recording the news."""

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Escalation, EscalationFollowUp, Notification, TimelineEntry
from .notifications import deputy_recipients, notify, staff_recipients
from .timeline import add_entry


@transaction.atomic
def escalation_create(
    *, suggestion, actor, city_deputy, escalated_on, request, at=None
) -> Escalation:
    escalation = Escalation.objects.create(
        suggestion=suggestion,
        city_deputy=city_deputy,
        escalated_on=escalated_on,
        request=request,
        created_by=actor,
    )
    add_entry(
        suggestion,
        kind=TimelineEntry.Kind.ESCALATION,
        actor=actor,
        note=_("Referred to city-level deputy %(name)s for help.")
        % {"name": city_deputy},
        at=at,
    )
    notify(
        suggestion,
        Notification.Kind.ESCALATION,
        [*staff_recipients(), *deputy_recipients(suggestion)],
    )
    return escalation


@transaction.atomic
def escalation_follow_up(
    *, escalation, actor, on, text, status=None, public=True, at=None
) -> EscalationFollowUp:
    follow_up = EscalationFollowUp.objects.create(
        escalation=escalation, on=on, text=text, public=public, recorded_by=actor
    )
    if status and status != escalation.status:
        escalation.status = status
        escalation.save(update_fields=["status"])
    add_entry(
        escalation.suggestion,
        kind=TimelineEntry.Kind.FOLLOW_UP,
        actor=actor,
        note=text,
        public=public,
        at=at,
    )
    notify(
        escalation.suggestion,
        Notification.Kind.ESCALATION,
        [*staff_recipients(), *deputy_recipients(escalation.suggestion)],
    )
    return follow_up
