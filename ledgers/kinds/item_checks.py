"""The checks of a suggestion row beyond the model's: the workflow it asks for
(status, reply, rating) and the resident's personal data."""

import re

from django.utils import timezone
from django.utils.translation import gettext as _

from suggestions.models import Rating, Reply, Suggestion

from . import common

Status = Suggestion.Status
PERSONAL = ("name", "phone", "address")
PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
ANSWERED = {Status.REPLIED, Status.CLOSED, Status.REOPENED}
ACCEPTED = {Status.ACCEPTED, Status.IN_PROGRESS, *ANSWERED}


def steps(row, context, item) -> dict:
    """The workflow the row asks for, each step checked against the lifecycle."""
    status = common.choice(row, "status", context["statuses"], required=True)
    steps = {
        "status": status or Status.RECEIVED,
        "reply_date": common.date(row, "reply_date"),
        "closed": common.date(row, "closed"),
        "channel": common.choice(row, "channel", context["channels"])
        or Reply.Channel.WRITTEN,
        "responder": row.get("responder") or str(item.handling_unit or ""),
        "reply": row.get("reply"),
        "rating": common.choice(row, "rating", context["scores"]),
        "comment": row.get("comment"),
    }
    if status is None:
        return steps
    answered = status in ANSWERED or status == Status.REJECTED
    if status in ACCEPTED and item.handling_unit is None and not row.get("unit"):
        row.error("unit", _("required once the item is accepted."))
    for key in ("reply_date", "reply"):
        if answered and not row.get(key):
            row.error(
                key,
                _("required for the status %(status)s.")
                % {"status": Status(status).label},
            )
        if not answered and row.get(key):
            row.error(key, _("only for an item answered or not accepted."))
    if answered and not steps["responder"]:
        row.error("responder", _("required when there is no handling unit."))
    _check_dates(row, item, steps)
    _check_rating(row, steps)
    return steps


def _check_dates(row, item, steps) -> None:
    received = item.received_at and timezone.localdate(item.received_at)
    if steps["reply_date"] and received and steps["reply_date"] < received:
        row.error("reply_date", _("the reply cannot be before the item was received."))
    common.not_future(row, "reply_date", steps["reply_date"])
    if steps["closed"] and steps["status"] != Status.CLOSED:
        row.error("closed", _("only for a closed item."))
    elif (
        steps["closed"]
        and steps["reply_date"]
        and steps["closed"] < steps["reply_date"]
    ):
        row.error("closed", _("an item cannot be closed before its reply."))
    common.not_future(row, "closed", steps["closed"])


def _check_rating(row, steps) -> None:
    rating, status = steps["rating"], steps["status"]
    unsatisfied = rating == Rating.Score.UNSATISFIED
    if rating and status not in ANSWERED:
        row.error("rating", _("only an answered item is rated."))
    elif unsatisfied and status != Status.REOPENED:
        row.error(
            "status",
            _("不满意 reopens the item: its status is then %(status)s.")
            % {"status": Status.REOPENED.label},
        )
    elif status == Status.REOPENED and not unsatisfied:
        row.error("status", _("an item is reopened by a rating of 不满意."))
    if unsatisfied and not steps["comment"]:
        row.error("comment", _("say why the resident is not satisfied."))
    if steps["comment"] and not rating:
        row.error("comment", _("only with a rating."))


def personal(row, context, item) -> None:
    given = [key for key in PERSONAL if row.get(key)]
    if not given:
        return
    if not context["may_import_personal"]:
        row.error(given[0], _("you may not import residents' personal data."))
        return
    if not common.yes_no(row, "consent"):
        row.error("consent", _("personal data only with the resident's consent (是)."))
    if row.get("phone") and not PHONE.match(row.get("phone")):
        row.error("phone", _("enter a mobile number of 11 digits or a landline."))
    item.submitter_name = row.get("name")
    item.submitter_phone = row.get("phone")
    item.submitter_address = row.get("address")
    item.consent = True


def validate_reply(row, steps, field_columns) -> None:
    if not steps["reply_date"]:
        return
    reply = Reply(
        responder=steps["responder"],
        answered_on=steps["reply_date"],
        channel=steps["channel"],
        text=steps["reply"] or "-",
    )
    common.validated(row, reply, field_columns, exclude=("suggestion",))
