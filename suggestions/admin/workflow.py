"""One workflow step chosen on an item's admin page, run by its service."""

from django.utils import timezone

from ..services import escalations, following, lifecycle, replies


def run_action(suggestion, user, data) -> None:
    """Dispatch one admin workflow step to the service that performs it."""
    action = data["action"]
    reply = {k: data[k] for k in ("responder", "answered_on", "channel", "text")}
    if action == "accept":
        lifecycle.suggestion_accept(
            suggestion=suggestion,
            actor=user,
            handling_unit=data["handling_unit"],
            due_date=data["due_date"],
            following_deputy=data["following_deputy"],
        )
    elif action == "start":
        lifecycle.suggestion_start(suggestion=suggestion, actor=user, note=data["text"])
    elif action == "reply":
        replies.suggestion_reply(
            suggestion=suggestion, actor=user, outcome=data["outcome"], **reply
        )
    elif action == "reject":
        replies.suggestion_reject(suggestion=suggestion, actor=user, **reply)
    elif action == "close":
        lifecycle.suggestion_close(
            suggestion=suggestion,
            actor=user,
            note=data["text"],
            outcome=data["outcome"],
        )
    elif action == "reopen":
        lifecycle.suggestion_reopen(
            suggestion=suggestion, actor=user, note=data["text"], public=data["public"]
        )
    elif action == "follow_up":
        following.suggestion_follow_up(
            suggestion=suggestion, actor=user, note=data["text"], public=data["public"]
        )
    elif action == "escalate":
        escalations.escalation_create(
            suggestion=suggestion,
            actor=user,
            city_deputy=data["city_deputy"],
            escalated_on=data["answered_on"] or timezone.localdate(),
            request=data["text"],
        )
    elif action == "escalation_follow_up":
        escalations.escalation_follow_up(
            escalation=data["escalation"],
            actor=user,
            on=data["answered_on"] or timezone.localdate(),
            text=data["text"],
            status=data["escalation_status"] or None,
            public=data["public"],
        )
