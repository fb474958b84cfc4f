"""The work plan's part of the year-end work report.

A section provider like the others of `report/sections/`:
``figures(year)`` and ``paragraphs(year, figures)``. The report of year N
opens each part of 一 with how the items of N's plan were carried out, says
what the deputies did on each key work, and writes 三 (the plan for N+1) from
the items of N+1's plan; without them, from the items of N's plan not carried
out and the key works running into N+1.
"""

import datetime
from functools import cached_property

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from deputies.models import Attendance
from report.figures import Figure, Paragraph, changelist, marker
from report.sections.registry import Provider, Section
from report.structure import PART_ORDER, PLANS, SPECIAL, ordinal
from workplan.models import KeyWork, PlanHeading, WorkPlan
from workplan.selectors import grouped, plan_items

PARTS = [key for key in PART_ORDER if key in PlanHeading.ReportPart.values]

# Before the providers' own paragraphs of a part (theirs start at 10).
OPENING_ORDER = -10
# Right after the symposiums on key works in part (三).
KEY_WORKS_ORDER = 12


def _suffix(part: str) -> str:
    return part.split(".")[-1]


def _as_of(year: int) -> datetime.date:
    """Progress of a year's plan is counted up to the end of that year."""
    return min(timezone.localdate(), datetime.date(year, 12, 31))


class PlanRecords:
    """The items of a year's plan with their progress, and the key works
    running in the year; each read once, when a figure first needs it."""

    def __init__(self, year: int):
        self.year = year

    @cached_property
    def items(self) -> list:
        return plan_items(self.year, today=_as_of(self.year))

    @property
    def done(self) -> list:
        return [item for item in self.items if item.progress.is_done]

    @property
    def drilldown(self) -> str:
        return (
            changelist("workplan.planitem", plan__year=self.year) if self.items else ""
        )

    @cached_property
    def key_works(self) -> list[str]:
        return list(
            KeyWork.objects.running_in(self.year)
            .order_by("ordering", "title")
            .values_list("title", flat=True)
        )


section = Section(__name__)


@section.figure("workplan.items")
def plan_item_count(records: PlanRecords) -> Figure:
    return Figure.count(
        "workplan.items",
        len(records.items),
        _("Items of the year's work plan"),
        records.drilldown,
    )


@section.figure("workplan.items_done")
def items_done(records: PlanRecords) -> Figure:
    return Figure.count(
        "workplan.items_done",
        len(records.done),
        _("Plan items carried out"),
        records.drilldown,
    )


@section.figure("workplan.completion")
def completion(records: PlanRecords) -> Figure:
    items = records.items
    return Figure.rate(
        "workplan.completion",
        100 * len(records.done) / len(items) if items else None,
        _("Share of plan items carried out"),
        records.drilldown,
    )


@section.figure("workplan.*.items", "workplan.*.done")
def items_by_part(records: PlanRecords) -> list[Figure]:
    """Items and items carried out of each part of the report that has any."""
    result = []
    for part in PARTS:
        own = [item for item in records.items if item.heading.report_part == part]
        if not own:
            continue
        label = PlanHeading.ReportPart(part).label
        result += [
            Figure.count(
                f"workplan.{_suffix(part)}.items",
                len(own),
                _("Plan items: %(part)s") % {"part": label},
                records.drilldown,
            ),
            Figure.count(
                f"workplan.{_suffix(part)}.done",
                sum(1 for item in own if item.progress.is_done),
                _("Plan items carried out: %(part)s") % {"part": label},
                records.drilldown,
            ),
        ]
    return result


@section.figure("workplan.key_works")
def key_works(records: PlanRecords) -> Figure:
    return Figure.names(
        "workplan.key_works",
        records.key_works,
        _("Key works under supervision"),
        changelist("workplan.keywork") if records.key_works else "",
    )


def _item_outcome(item) -> str:
    progress = item.progress
    values = {
        "title": item.title,
        "done": progress.done,
        "target": progress.target,
    }
    if progress.is_done:
        return _("%(title)s (done: %(done)s of %(target)s planned)") % values
    return _("%(title)s (not yet done: %(done)s of %(target)s planned)") % values


@section.paragraph
def carried_out(year: int, figures: dict[str, Figure]) -> list[Paragraph]:
    """One opening paragraph per part: how that part's plan items went."""
    items = plan_items(year, today=_as_of(year))
    paragraphs = []
    for part in PARTS:
        own = [item for item in items if item.heading.report_part == part]
        if not own:
            continue
        suffix = _suffix(part)
        text = _(
            "Of the %(n)s items of this year's work plan in this area, %(done)s "
            "were carried out: %(items)s."
        ) % {
            "n": marker(f"workplan.{suffix}.items"),
            "done": marker(f"workplan.{suffix}.done"),
            "items": pgettext("list separator", "; ").join(
                _item_outcome(item) for item in own
            ),
        }
        paragraphs.append(
            Paragraph(f"workplan.plan.{suffix}", part, text, OPENING_ORDER)
        )
    return paragraphs


def key_work_figures(year: int) -> list[dict]:
    """What was done on each key work running in the year, from its records."""
    in_year = Q(activities__date__year=year)
    key_works = list(
        KeyWork.objects.running_in(year)
        .annotate(
            activity_count=Count("activities", filter=in_year, distinct=True),
            session_count=Count(
                "sessions", filter=Q(sessions__started_at__year=year), distinct=True
            ),
            suggestion_count=Count(
                "suggestions",
                filter=Q(suggestions__received_at__year=year),
                distinct=True,
            ),
            article_count=Count(
                "articles", filter=Q(articles__date__year=year), distinct=True
            ),
        )
        .order_by("ordering", "title")
    )
    attended = dict(
        Attendance.objects.filter(
            attended=True,
            activity__date__year=year,
            activity__key_works__in=[k.pk for k in key_works],
        )
        .order_by()
        .values_list("activity__key_works")
        .annotate(n=Count("id"))
    )
    return [
        {
            "key_work": k,
            "activities": k.activity_count,
            "attendances": attended.get(k.pk, 0),
            "sessions": k.session_count,
            "suggestions": k.suggestion_count,
            "articles": k.article_count,
        }
        for k in key_works
    ]


def _key_work_clause(row) -> str:
    parts = []
    if row["activities"]:
        parts.append(
            _("%(n)s activities with %(people)s deputy attendances")
            % {"n": row["activities"], "people": row["attendances"]}
        )
    if row["sessions"]:
        parts.append(_("%(n)s reception sessions") % {"n": row["sessions"]})
    if row["suggestions"]:
        parts.append(_("%(n)s suggestions followed") % {"n": row["suggestions"]})
    if row["articles"]:
        parts.append(_("%(n)s articles") % {"n": row["articles"]})
    if not parts:
        return _("%(title)s (no record yet)") % {"title": row["key_work"].title}
    return _("%(title)s (%(what)s)") % {
        "title": row["key_work"].title,
        "what": pgettext("list separator", ", ").join(parts),
    }


@section.paragraph
def key_works_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph | None:
    rows = key_work_figures(year)
    if not rows:
        return None
    text = _("On the key works under supervision, deputies took part in: %(list)s.") % {
        "list": pgettext("list separator", "; ").join(
            _key_work_clause(row) for row in rows
        )
    }
    return Paragraph("workplan.key_works", SPECIAL, text, KEY_WORKS_ORDER)


@section.paragraph
def plans_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph | None:
    """三: the plan of next year, when it has been written; else what this
    year's plan and key works leave to carry on; else nothing (the report then
    drafts 三 from the year's parts, see report.sections.problems)."""
    text = plan_text(year + 1) or carried_on_text(year)
    return Paragraph(PLANS, PLANS, text) if text else None


def _carry_on(item) -> str:
    """The line of 三 carrying on an item of this year's plan not carried out."""
    values = {
        "title": item.title.strip().rstrip("。.；;"),
        "lead": item.lead,
        "done": item.progress.done,
        "target": item.progress.target,
    }
    if item.progress.done:
        return (
            _(
                "Continue with %(title)s (led by %(lead)s; %(done)s of %(target)s "
                "planned done this year)."
            )
            % values
        )
    return _("Continue with %(title)s (led by %(lead)s; not begun this year).") % values


def carried_on_text(year: int) -> str:
    """三 without next year's plan: this year's items not carried out, under
    their headings as in `plan_text`, and the key works running into next
    year. Sub-headings （一）… only when there are two groups or more; empty
    when there is nothing to carry on."""
    unfinished = [
        item
        for item in plan_items(year, today=_as_of(year))
        if not item.progress.is_done
    ]
    groups = [
        (group.heading.name, [_carry_on(item) for item in group.items])
        for group in grouped(unfinished)
    ]
    key_works = list(
        KeyWork.objects.running_in(year + 1)
        .order_by("ordering", "title")
        .values_list("title", flat=True)
    )
    if key_works:
        sentence = _(
            "Keep following %(titles)s, with deputies taking part in inspections, "
            "surveys and symposiums."
        ) % {"titles": pgettext("list separator", ", ").join(key_works)}
        groups.append((pgettext("work plan heading", "Key works"), [sentence]))
    if not groups:
        return ""
    lines = [
        _("In %(year)s the working committee will carry on with this work:")
        % {"year": year + 1}
    ]
    for number, (heading, sentences) in enumerate(groups, start=1):
        if len(groups) > 1:
            lines.append(f"（{ordinal(number)}）{heading}")
        lines.extend(sentences)
    return "\n".join(lines)


def plan_text(year: int) -> str:
    """The plan of the year as the lines of 三、工作思路 in the previous report.

    Headings become sub-headings （一）…, each item a paragraph of its own;
    empty when the year has no plan or no items.
    """
    plan = WorkPlan.objects.filter(year=year).first()
    if plan is None:
        return ""
    groups = grouped(plan_items(year))
    if not groups:
        return ""
    lines = [plan.introduction.strip()] if plan.introduction.strip() else []
    for number, group in enumerate(groups, start=1):
        lines.append(f"（{ordinal(number)}）{group.heading.name}")
        for item in group.items:
            sentence = (item.description or item.title).strip()
            if not sentence.endswith(("。", ".", "；", ";")):
                sentence += _(".")
            lines.append(
                sentence
                + _("(Led by %(lead)s; to be done by %(date)s.)")
                % {
                    "lead": item.lead,
                    "date": _("%(year)s-%(month)s")
                    % {"year": item.target_date.year, "month": item.target_date.month},
                }
            )
    return "\n".join(lines)


PROVIDER = Provider(PlanRecords, [section])


def figures(year: int) -> dict[str, Figure]:
    return PROVIDER.figures(year)


def paragraphs(year: int, figures: dict[str, Figure]) -> list[Paragraph]:
    return PROVIDER.paragraphs(year, figures)
