"""The resident's rating of an answer; not satisfied reopens the item."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Rating, Suggestion, TimelineEntry
from .lifecycle import lock_for_update, suggestion_reopen
from .timeline import add_entry

Status = Suggestion.Status


@transaction.atomic
def suggestion_rate(*, suggestion, score, comment="", at=None) -> Rating:
    """The resident rates the latest reply; 不满意 reopens the item."""
    lock_for_update(suggestion)
    if suggestion.status != Status.REPLIED:
        raise ValidationError(
            _("This item can be rated once it has been answered."), code="not_replied"
        )
    reply = suggestion.replies.order_by("-answered_on", "-pk").first()
    if reply is None or Rating.objects.filter(reply=reply).exists():
        raise ValidationError(
            _("This answer has already been rated."), code="already_rated"
        )
    rating = Rating.objects.create(
        suggestion=suggestion,
        reply=reply,
        score=score,
        comment=comment,
        created_at=at or timezone.now(),
    )
    add_entry(
        suggestion,
        kind=TimelineEntry.Kind.RATING,
        label=_("Resident"),
        note=_("Rated: %(score)s.") % {"score": rating.get_score_display()},
        at=at,
    )
    if score == Rating.Score.UNSATISFIED:
        suggestion_reopen(
            suggestion=suggestion,
            actor=None,
            note=_("The resident is not satisfied: %(comment)s")
            % {"comment": comment or "-"},
            public=False,
            at=at,
        )
    return rating
