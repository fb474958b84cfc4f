"""Moving a suggestion along its lifecycle: accept, start, close, reopen."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Notification, Suggestion, TimelineEntry
from .notifications import deputy_recipients, notify, staff_recipients
from .resident_notices import queue_status_notice
from .timeline import add_entry

Status = Suggestion.Status

# Working days are not modelled: calendar days, overridable per kind and per
# (kind, source) in settings.SUGGESTIONS_DUE_DAYS.
DEFAULT_DUE_DAYS = {
    Suggestion.Kind.RESIDENT: 15,
    Suggestion.Kind.SESSION: 90,
    Suggestion.Kind.INTER_SESSION: 60,
    (Suggestion.Kind.RESIDENT, Suggestion.Source.RECEPTION): 10,
    (Suggestion.Kind.RESIDENT, Suggestion.Source.PHONE): 10,
}


def due_days(kind: str, source: str) -> int:
    table = {**DEFAULT_DUE_DAYS, **getattr(settings, "SUGGESTIONS_DUE_DAYS", {})}
    return table.get((kind, source), table.get(kind, 15))


def default_due_date(suggestion: Suggestion, start: datetime.date | None = None):
    start = start or timezone.localdate()
    return start + datetime.timedelta(days=due_days(suggestion.kind, suggestion.source))


def move(suggestion, to_status, *, actor, note="", public=True, at=None):
    """Change the status if the lifecycle allows it, and record the transition."""
    before = suggestion.status
    if not Suggestion.can_move(before, to_status):
        raise ValidationError(
            _("A suggestion cannot go from %(before)s to %(after)s.")
            % {"before": Status(before).label, "after": Status(to_status).label},
            code="bad_transition",
        )
    suggestion.status = to_status
    if to_status in Suggestion.FINISHED:
        suggestion.finished_at = at or timezone.now()
    elif before in Suggestion.FINISHED:
        suggestion.finished_at = None
    suggestion.save()
    entry = add_entry(
        suggestion,
        kind=TimelineEntry.Kind.TRANSITION,
        actor=actor,
        from_status=before,
        to_status=to_status,
        note=note,
        public=public,
        at=at,
    )
    queue_status_notice(suggestion, entry)
    return suggestion


def lock_for_update(suggestion) -> Suggestion:
    """Re-read the row under a lock so that two clerks cannot move it at once."""
    fresh = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    suggestion.__dict__.update(
        {k: v for k, v in fresh.__dict__.items() if not k.startswith("_")}
    )
    suggestion._loaded_status = fresh.status
    return suggestion


@transaction.atomic
def suggestion_accept(
    *,
    suggestion,
    actor,
    handling_unit,
    due_date=None,
    following_deputy=None,
    note="",
    at=None,
):
    lock_for_update(suggestion)
    start = timezone.localdate(at) if at else None
    suggestion.handling_unit = handling_unit
    suggestion.due_date = due_date or default_due_date(suggestion, start)
    deputy_changed = (
        following_deputy is not None
        and following_deputy.pk != suggestion.following_deputy_id
    )
    if following_deputy is not None:
        suggestion.following_deputy = following_deputy
    move(
        suggestion,
        Status.ACCEPTED,
        actor=actor,
        at=at,
        note=note
        or _("Accepted; handled by %(unit)s, due %(due)s.")
        % {"unit": handling_unit, "due": suggestion.due_date},
    )
    if deputy_changed:
        notify(suggestion, Notification.Kind.ASSIGNED, deputy_recipients(suggestion))
    return suggestion


@transaction.atomic
def suggestion_start(*, suggestion, actor, note="", at=None):
    lock_for_update(suggestion)
    return move(
        suggestion,
        Status.IN_PROGRESS,
        actor=actor,
        at=at,
        note=note or _("Handling has started."),
    )


@transaction.atomic
def suggestion_close(*, suggestion, actor, note="", outcome="", at=None):
    lock_for_update(suggestion)
    if outcome:
        suggestion.outcome = outcome
    return move(
        suggestion, Status.CLOSED, actor=actor, at=at, note=note or _("Closed.")
    )


@transaction.atomic
def suggestion_reopen(*, suggestion, actor, note, public=True, at=None):
    lock_for_update(suggestion)
    move(suggestion, Status.REOPENED, actor=actor, note=note, public=public, at=at)
    suggestion.due_date = default_due_date(
        suggestion, timezone.localdate(at) if at else None
    )
    suggestion.save(update_fields=["due_date"])
    notify(
        suggestion,
        Notification.Kind.REOPENED,
        [*staff_recipients(), *deputy_recipients(suggestion)],
    )
    return suggestion
