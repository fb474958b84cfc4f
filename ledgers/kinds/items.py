"""The suggestion ledger (意见建议台账): one item a row, with its reply and rating.

Each item is recorded through the suggestions workflow (received, accepted,
answered, rated, closed), dated as the ledger dates it, so that it has the
timeline and reply of any other item. A resident's name, phone and address are
personal data: importing them needs the permission to see them, and the
preview shows them masked.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from deputies.models import Community
from suggestions.models import Category, HandlingUnit, Rating, Reply, Suggestion
from suggestions.models.masking import mask_name, mask_phone
from suggestions.services import intake, lifecycle, ratings, replies

from . import common, item_checks
from .base import Ledger
from .item_checks import ACCEPTED, ANSWERED
from .item_columns import COLUMNS, FIELD_COLUMNS, NOTES

Status = Suggestion.Status
PERSONAL_PERMISSION = "suggestions.reveal_personal_data"
OUTCOME_WORDS = {"已解决": "A", "正在解决": "B", "列入计划": "C", "留作参考": "D"}


class SuggestionLedger(Ledger):
    kind = "suggestions"
    title = gettext_lazy("Suggestions")
    model = Suggestion
    columns = COLUMNS
    field_columns = FIELD_COLUMNS
    notes = NOTES

    def allowed(self):
        return [
            (_("Kinds"), common.labels(Suggestion.Kind.choices)),
            (_("Sources"), common.labels(Suggestion.Source.choices)),
            (_("Statuses"), common.labels(Suggestion.Status.choices)),
            (_("Communities"), Community.objects.values_list("name", flat=True)),
            (_("Categories"), Category.objects.values_list("name", flat=True)),
            (_("Handling units"), HandlingUnit.objects.values_list("name", flat=True)),
            (_("Reply channels"), common.labels(Reply.Channel.choices)),
            (_("Ratings"), common.labels(Rating.Score.choices)),
        ]

    def examples(self):
        unit = HandlingUnit.objects.values_list("name", flat=True).first() or ""
        return [
            [
                "2019-03-05",
                str(Suggestion.Kind.RESIDENT.label),
                str(Suggestion.Source.PHONE.label),
                Community.objects.values_list("name", flat=True).first() or "",
                Category.objects.values_list("name", flat=True).first() or "",
                "小区路灯不亮(示例)",
                "小区东门路灯损坏多日,夜间出行不便。",
                unit,
                "",
                str(Status.CLOSED.label),
                "2019-03-12",
                unit,
                str(Reply.Channel.PHONE.label),
                "已更换路灯。",
                "A",
                "2019-03-15",
                str(Rating.Score.SATISFIED.label),
                "",
                "",
                "",
                "",
                "",
            ]
        ]

    def context(self, user):
        return {
            "user": user,
            "may_import_personal": user is None or user.has_perm(PERSONAL_PERMISSION),
            "deputies": common.deputy_lookup(),
            "communities": {c.name: c for c in Community.objects.all()},
            "categories": {c.name: c for c in Category.objects.all()},
            "units": {u.name: u for u in HandlingUnit.objects.all()},
            "kinds": common.choices(Suggestion.Kind.choices),
            "sources": common.choices(Suggestion.Source.choices),
            "statuses": common.choices(Status.choices),
            "channels": common.choices(Reply.Channel.choices),
            "scores": common.choices(Rating.Score.choices),
            "outcomes": common.choices(Suggestion.Outcome.choices, OUTCOME_WORDS),
        }

    def plan(self, row, context):
        item = _suggestion(row, context)
        steps = item_checks.steps(row, context, item)
        item_checks.personal(row, context, item)
        if row.errors or not common.validated(
            row, item, self.field_columns, exclude=("tracking_code", "phone_last4")
        ):
            return None
        item_checks.validate_reply(row, steps, self.field_columns)
        if row.errors:
            return None
        key = (timezone.localdate(item.received_at), item.title, item.text)
        return common.Plan(
            row=row.number,
            key=key,
            existing=_on_record(*key),
            summary=[
                f"{key[0]:%Y-%m-%d}",
                item.title,
                item.get_source_display(),
                str(item.handling_unit or ""),
                Status(steps["status"]).label,
                steps["rating"] and Rating.Score(steps["rating"]).label or "",
                " ".join(
                    p
                    for p in (
                        mask_name(item.submitter_name),
                        mask_phone(item.submitter_phone),
                    )
                    if p
                ),
            ],
            create=lambda: _record(item, steps, context["user"]),
        )

    def preview_headers(self):
        return [
            _("Date received"),
            _("Title"),
            _("Source"),
            _("Handling unit"),
            _("Status"),
            _("Rating"),
            _("Resident (masked)"),
        ]


def _suggestion(row, context) -> Suggestion:
    day = common.date(row, "received", required=True)
    common.not_future(row, "received", day)
    return Suggestion(
        kind=common.choice(row, "kind", context["kinds"]) or Suggestion.Kind.RESIDENT,
        source=common.choice(row, "source", context["sources"], required=True) or "",
        community=common.named(
            row, "community", context["communities"], _("community")
        ),
        category=common.named(row, "category", context["categories"], _("category")),
        title=row.get("title"),
        text=row.get("text"),
        handling_unit=common.named(row, "unit", context["units"], _("handling unit")),
        following_deputy=common.deputy(row, "following", context["deputies"]),
        outcome=common.choice(row, "outcome", context["outcomes"]) or "",
        received_at=common.moment(row, "received", None, day),
    )


def _on_record(day, title, text) -> bool:
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    return Suggestion.objects.filter(
        received_at__gte=start,
        received_at__lt=start + datetime.timedelta(days=1),
        title=title,
        text=text,
    ).exists()


def _at(day, hour=17) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@transaction.atomic
def _record(item, steps, user) -> Suggestion:
    status = steps["status"]
    received = item.received_at
    note = _("Entered from the committee's ledger.")
    item = intake.suggestion_create(suggestion=item, actor=user, at=received, note=note)
    if status in ACCEPTED:
        lifecycle.suggestion_accept(
            suggestion=item,
            actor=user,
            handling_unit=item.handling_unit,
            following_deputy=item.following_deputy,
            at=received,
        )
    if status == Status.IN_PROGRESS:
        lifecycle.suggestion_start(suggestion=item, actor=user, at=received)
    answer = {
        "actor": user,
        "responder": steps["responder"],
        "answered_on": steps["reply_date"],
        "channel": steps["channel"],
        "text": steps["reply"],
    }
    if status == Status.REJECTED:
        replies.suggestion_reject(
            suggestion=item, at=_at(steps["reply_date"]), **answer
        )
    if status in ANSWERED:
        at = _at(steps["reply_date"])
        replies.suggestion_reply(suggestion=item, outcome=item.outcome, at=at, **answer)
        if steps["rating"]:
            ratings.suggestion_rate(
                suggestion=item, score=steps["rating"], comment=steps["comment"], at=at
            )
    if status == Status.CLOSED:
        lifecycle.suggestion_close(
            suggestion=item,
            actor=user,
            outcome=item.outcome,
            at=_at(steps["closed"] or steps["reply_date"], 18),
        )
    if item.status != status:
        raise ValidationError(_("The item could not be brought to its status."))
    return item
