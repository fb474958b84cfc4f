"""Who follows an item (deputy, handling unit) and the follow-up notes (督办)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Notification, TimelineEntry
from .lifecycle import lock_for_update
from .notifications import deputy_recipients, notify
from .timeline import add_entry


@transaction.atomic
def suggestion_follow_up(
    *, suggestion, actor, note, public=False, on_behalf_of=None, at=None
):
    """A follow-up (督办) note by a deputy or staff: a call, a visit, a chase.

    `on_behalf_of` names the deputy when staff record what a deputy did.
    """
    if not note.strip():
        raise ValidationError(_("Write what was done."), code="empty_note")
    label = _("Deputy %(name)s") % {"name": on_behalf_of.name} if on_behalf_of else None
    return add_entry(
        suggestion,
        kind=TimelineEntry.Kind.FOLLOW_UP,
        actor=actor,
        note=note.strip(),
        public=public,
        at=at,
        label=label,
    )


@transaction.atomic
def suggestion_assign(
    *, suggestion, actor, following_deputy=None, handling_unit=None, at=None
):
    """Set the following deputy and/or the handling unit; notify the deputy."""
    lock_for_update(suggestion)
    changed = []
    notes = []
    if following_deputy is not None and following_deputy.pk != (
        suggestion.following_deputy_id
    ):
        suggestion.following_deputy = following_deputy
        changed.append("following_deputy")
        notes.append(_("Following deputy: %(name)s.") % {"name": following_deputy})
    if handling_unit is not None and handling_unit.pk != suggestion.handling_unit_id:
        suggestion.handling_unit = handling_unit
        changed.append("handling_unit")
        notes.append(_("Handling unit: %(name)s.") % {"name": handling_unit})
    if not changed:
        return suggestion
    suggestion.save(update_fields=changed)
    add_entry(
        suggestion,
        kind=TimelineEntry.Kind.ASSIGNMENT,
        actor=actor,
        note=" ".join(notes),
        public=False,
        at=at,
    )
    if "following_deputy" in changed:
        notify(suggestion, Notification.Kind.ASSIGNED, deputy_recipients(suggestion))
    return suggestion
