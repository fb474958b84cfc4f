"""The resident's rating of an answer; not satisfied reopens the item."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Rating, Suggestion, TimelineEntry
from .lifecycle import lock_for_update, suggestion_reopen
from .timeline import add_entry

Status = Suggestion.Status

# A closed item's answer can still be rated for this many days after closing
# (settings.SUGGESTIONS_RATING_DAYS_AFTER_CLOSING).
DEFAULT_RATING_DAYS_AFTER_CLOSING = 30


def rating_days_after_closing() -> int:
    return getattr(
        settings,
        "SUGGESTIONS_RATING_DAYS_AFTER_CLOSING",
        DEFAULT_RATING_DAYS_AFTER_CLOSING,
    )


def rating_closes_at(suggestion) -> datetime.datetime | None:
    """When rating a closed item ends; None while the item is not closed."""
    if suggestion.status != Status.CLOSED or suggestion.finished_at is None:
        return None
    return suggestion.finished_at + datetime.timedelta(days=rating_days_after_closing())


def rating_open(suggestion, now=None) -> bool:
    """An answered item is rated while it is replied, or closed for less than
    the rating period."""
    if suggestion.status == Status.REPLIED:
        return True
    closes_at = rating_closes_at(suggestion)
    return closes_at is not None and (now or timezone.now()) < closes_at


def rating_has_closed(suggestion, now=None) -> bool:
    """The item was closed longer ago than the rating period."""
    closes_at = rating_closes_at(suggestion)
    return closes_at is not None and (now or timezone.now()) >= closes_at


@transaction.atomic
def suggestion_rate(*, suggestion, score, comment="", at=None) -> Rating:
    """The resident rates the latest reply; 不满意 reopens the item.

    A replied item can be rated, and so can a closed one until the rating
    period after closing ends; 不满意 then reopens it too.
    """
    lock_for_update(suggestion)
    if rating_has_closed(suggestion, at):
        raise ValidationError(
            _("Rating has closed: this item was closed more than %(days)d days ago.")
            % {"days": rating_days_after_closing()},
            code="rating_closed",
        )
    if not rating_open(suggestion, at):
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
