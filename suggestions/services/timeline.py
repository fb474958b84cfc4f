"""Timeline entries, and how the person who acted is shown on them."""

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import TimelineEntry


def actor_label(user) -> str:
    """How an actor appears on the timeline: an office or a deputy, never a name
    of a resident."""
    if user is None:
        return _("Committee office")
    deputy = getattr(user, "deputy", None)
    if deputy is not None:
        return _("Deputy %(name)s") % {"name": deputy.name}
    return _("Committee office")


def add_entry(suggestion, *, kind, actor=None, note="", public=True, at=None, **extra):
    return TimelineEntry.objects.create(
        suggestion=suggestion,
        kind=kind,
        actor=actor,
        actor_label=extra.pop("label", None) or actor_label(actor),
        note=note,
        public=public,
        at=at or timezone.now(),
        **extra,
    )
