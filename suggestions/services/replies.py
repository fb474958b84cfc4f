"""Answering a suggestion: a reply, or the reason it is not accepted."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Reply, Suggestion
from .lifecycle import lock_for_update, move

Status = Suggestion.Status


@transaction.atomic
def suggestion_reply(
    *,
    suggestion,
    actor,
    responder,
    answered_on,
    channel,
    text,
    outcome="",
    at=None,
):
    """Record the answer and move the item to replied (or rejected, see below)."""
    lock_for_update(suggestion)
    if not Suggestion.can_move(suggestion.status, Status.REPLIED):
        raise ValidationError(
            _("A suggestion cannot go from %(before)s to %(after)s.")
            % {
                "before": Status(suggestion.status).label,
                "after": Status.REPLIED.label,
            },
            code="bad_transition",
        )
    _record_reply(suggestion, actor, responder, answered_on, channel, text, at)
    if outcome:
        suggestion.outcome = outcome
    return move(
        suggestion,
        Status.REPLIED,
        actor=actor,
        at=at,
        note=_("Answered by %(who)s on %(date)s.")
        % {"who": responder, "date": answered_on},
    )


def _record_reply(suggestion, actor, responder, answered_on, channel, text, at):
    if not (responder and answered_on and channel and text):
        raise ValidationError(
            _("A reply needs who answered, the date, the channel and the text."),
            code="needs_reply",
        )
    return Reply.objects.create(
        suggestion=suggestion,
        responder=responder,
        answered_on=answered_on,
        channel=channel,
        text=text,
        recorded_by=actor,
        created_at=at or timezone.now(),
    )


@transaction.atomic
def suggestion_reject(
    *, suggestion, actor, responder, answered_on, channel, text, at=None
):
    """Not accepted: the reason is a reply to the resident like any other."""
    lock_for_update(suggestion)
    if not Suggestion.can_move(suggestion.status, Status.REJECTED):
        raise ValidationError(
            _("A suggestion cannot go from %(before)s to %(after)s.")
            % {
                "before": Status(suggestion.status).label,
                "after": Status.REJECTED.label,
            },
            code="bad_transition",
        )
    _record_reply(suggestion, actor, responder, answered_on, channel, text, at)
    return move(suggestion, Status.REJECTED, actor=actor, at=at, note=text)
