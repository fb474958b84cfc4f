"""The duty activity ledger (履职活动台账): one activity a row, with attendance."""

from django.db import transaction
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from deputies.models import Attendance, DutyActivity

from ..sheets import Column
from . import common
from .base import Ledger

Kind = DutyActivity.Kind
# Words ledgers use besides the portal's own labels.
KIND_WORDS = {"学习会": "study", "座谈会": "symposium", "考察学习": "training"}
ORGANISER_WORDS = {"街道人大工委": "street", "工委": "street"}


def _kind_note(kind) -> str:
    return _("Only for a %(kind)s.") % {"kind": Kind(kind).label}


# The note is worded in the language of the template being written.
_only = lazy(_kind_note, str)


class ActivityLedger(Ledger):
    kind = "activities"
    title = gettext_lazy("Duty activities")
    model = DutyActivity
    columns = [
        Column(
            "kind",
            pgettext_lazy("ledger column", "Kind"),
            True,
            gettext_lazy("See below."),
        ),
        Column(
            "date",
            pgettext_lazy("ledger column", "Date"),
            True,
            gettext_lazy("As 2019-03-05."),
        ),
        Column("title", pgettext_lazy("ledger column", "Topic"), True),
        Column("place", pgettext_lazy("ledger column", "Place"), False),
        Column(
            "organiser",
            pgettext_lazy("ledger column", "Organiser"),
            False,
            gettext_lazy("See below; the street working committee when empty."),
        ),
        Column(
            "attended",
            pgettext_lazy("ledger column", "Deputies attended"),
            False,
            gettext_lazy("Names as in the register, separated by 、."),
        ),
        Column(
            "absent",
            pgettext_lazy("ledger column", "Deputies invited but absent"),
            False,
            gettext_lazy("Names as in the register, separated by 、."),
        ),
        Column("description", pgettext_lazy("ledger column", "Description"), False),
        Column(
            "topics",
            pgettext_lazy("ledger column", "Topics discussed"),
            False,
            _only(Kind.SYMPOSIUM),
        ),
        Column(
            "households_due",
            pgettext_lazy("ledger column", "Households due"),
            False,
            _only(Kind.POVERTY_VISIT),
        ),
        Column(
            "households_visited",
            pgettext_lazy("ledger column", "Households visited"),
            False,
            _only(Kind.POVERTY_VISIT),
        ),
        Column(
            "law_inspected",
            pgettext_lazy("ledger column", "Law inspected"),
            False,
            _only(Kind.LAW_INSPECTION),
        ),
        Column(
            "publication",
            pgettext_lazy("ledger column", "Publication"),
            False,
            _only(Kind.BRIEFING),
        ),
        Column(
            "publication_kind",
            pgettext_lazy("ledger column", "Kind of publication"),
            False,
            _only(Kind.BRIEFING),
        ),
        Column(
            "copies",
            pgettext_lazy("ledger column", "Copies"),
            False,
            _only(Kind.BRIEFING),
        ),
        Column(
            "recipients",
            pgettext_lazy("ledger column", "Distributed to"),
            False,
            _only(Kind.BRIEFING),
        ),
    ]
    field_columns = {
        name: name
        for name in (
            "kind",
            "date",
            "title",
            "place",
            "organiser",
            "description",
            "topics",
            "households_due",
            "households_visited",
            "law_inspected",
            "publication",
            "publication_kind",
            "copies",
            "recipients",
        )
    }
    notes = [
        gettext_lazy("One duty activity a row; the first row holds the column names."),
        gettext_lazy(
            "Each deputy attended or invited but absent counts towards "
            "the participation rate."
        ),
        gettext_lazy(
            "An activity already on record with the same kind, date and "
            "topic is skipped, so the same sheet can be imported again."
        ),
        gettext_lazy(
            "If any row is wrong, the whole sheet is refused and nothing is saved."
        ),
    ]

    def allowed(self):
        return [
            (_("Kinds"), common.labels(Kind.choices)),
            (_("Organisers"), common.labels(DutyActivity.Organiser.choices)),
            (
                _("Kinds of publication"),
                common.labels(DutyActivity.PublicationKind.choices),
            ),
        ]

    def examples(self):
        names = common.deputy_lookup()
        first = list(names)[:3]
        return [
            [
                str(Kind.STUDY.label),
                "2019-03-12",
                "学习宪法修正案(示例)",
                "紫阳街道人大代表室",
                str(DutyActivity.Organiser.STREET.label),
                "、".join(first[:2]),
                "、".join(first[2:3]),
                "",
                "",
                "",
                "",
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
            "deputies": common.deputy_lookup(),
            "kinds": common.choices(Kind.choices, KIND_WORDS),
            "organisers": common.choices(
                DutyActivity.Organiser.choices, ORGANISER_WORDS
            ),
            "publication_kinds": common.choices(DutyActivity.PublicationKind.choices),
            "existing": set(DutyActivity.objects.values_list("kind", "date", "title")),
        }

    def plan(self, row, context):
        day = common.date(row, "date", required=True)
        common.not_future(row, "date", day)
        activity = DutyActivity(
            kind=common.choice(row, "kind", context["kinds"], required=True) or "",
            date=day,
            title=row.get("title"),
            place=row.get("place"),
            organiser=common.choice(row, "organiser", context["organisers"])
            or DutyActivity.Organiser.STREET,
            description=row.get("description"),
            topics=row.get("topics"),
            households_due=common.number(row, "households_due"),
            households_visited=common.number(row, "households_visited"),
            law_inspected=row.get("law_inspected"),
            publication=row.get("publication"),
            publication_kind=common.choice(
                row, "publication_kind", context["publication_kinds"]
            )
            or "",
            copies=common.number(row, "copies"),
            recipients=row.get("recipients"),
        )
        attended = common.deputies(row, "attended", context["deputies"])
        absent = common.deputies(row, "absent", context["deputies"])
        both = {d.pk for d in attended} & {d.pk for d in absent}
        if both:
            row.error("absent", _("a deputy cannot both attend and be absent."))
        if row.errors or not common.validated(row, activity, self.field_columns):
            return None
        key = (activity.kind, day, activity.title)
        return common.Plan(
            row=row.number,
            key=key,
            existing=key in context["existing"],
            summary=[
                activity.get_kind_display(),
                f"{day:%Y-%m-%d}",
                activity.title,
                "、".join(d.name for d in attended),
                "、".join(d.name for d in absent),
            ],
            create=lambda: _create(activity, attended, absent),
        )

    def preview_headers(self):
        return [
            _("Kind"),
            _("Date"),
            _("Topic"),
            _("Deputies attended"),
            _("Deputies invited but absent"),
        ]


@transaction.atomic
def _create(activity, attended, absent):
    activity.save()
    Attendance.objects.bulk_create(
        [
            Attendance(activity=activity, deputy=d, invited=True, attended=True)
            for d in attended
        ]
        + [
            Attendance(activity=activity, deputy=d, invited=True, attended=False)
            for d in absent
        ]
    )
    return activity
