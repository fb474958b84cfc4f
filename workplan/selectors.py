"""Reading the plan and the key works: progress of plan items, timelines.

Progress is counted from the records in a fixed number of queries whatever the
number of items, so that lists, the admin and the report can all use it.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from deputies.models import ActivityPhoto, DutyActivity, DutyReport
from publicity.models import Article, ArticleImage
from reception.models import ReceptionSession, SessionPhoto
from suggestions.models import Suggestion

from .models import KeyWork, PlanItem, WorkPlan

M = PlanItem.Measure


@dataclass
class Progress:
    """Records that carried an item out, against its target."""

    done: int
    target: int
    target_date: datetime.date
    today: datetime.date

    @property
    def is_done(self) -> bool:
        return self.done >= self.target

    @property
    def is_behind(self) -> bool:
        """The target date has passed and the item is not done."""
        return self.target_date < self.today and not self.is_done

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.target)) if self.target else 0


@dataclass
class _Record:
    """What the progress rule needs to know of any record."""

    pk: int
    date: datetime.date
    text: str
    kind: str = ""


def _local_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value)
    return value


# measure: (model, M2M field on PlanItem, date field, text fields, kind field)
SOURCES = {
    M.ACTIVITIES: (DutyActivity, "activities", "date", ("title",), "kind"),
    M.SESSIONS: (ReceptionSession, "sessions", "started_at", ("summary",), None),
    M.DUTY_REPORTS: (DutyReport, "duty_reports", "date", ("text",), None),
    M.SUGGESTIONS: (Suggestion, "suggestions", "received_at", ("title",), None),
    M.ARTICLES: (Article, "articles", "date", ("title",), None),
}


def _rows(model, date_field, text_fields, kind_field, queryset_filter):
    fields = ["pk", date_field, *text_fields] + ([kind_field] if kind_field else [])
    for row in model.objects.filter(**queryset_filter).order_by().values_list(*fields):
        yield _Record(
            pk=row[0],
            date=_local_date(row[1]),
            text=" ".join(row[2 : 2 + len(text_fields)]),
            kind=row[-1] if kind_field else "",
        )


def attach_progress(items, today=None) -> list:
    """Set `item.progress` and `item.record_keys` on each item; returns the list.

    One query per kind of linked record and one per kind of record a rule
    reads: at most ten queries, whatever the number of items.
    """
    items = list(items)
    today = today or timezone.localdate()
    if not items:
        return items
    ids = [item.pk for item in items]
    counted: dict[int, set] = {item.pk: set() for item in items}
    measures = {item.pk: item.measure for item in items}
    for measure, (model, field_name, date_field, *_rest) in SOURCES.items():
        through = getattr(PlanItem, field_name).through
        own = f"{model._meta.model_name}_id"
        date_path = f"{model._meta.model_name}__{date_field}"
        for item_id, record_id, when in (
            through.objects.filter(planitem_id__in=ids)
            .order_by()
            .values_list("planitem_id", own, date_path)
        ):
            if measures[item_id] in (measure, M.LINKED) and (
                _local_date(when) <= today
            ):
                counted[item_id].add((measure, record_id))
    rule_items = [item for item in items if item.match_rule]
    for measure, (model, _name, date_field, text_fields, kind) in SOURCES.items():
        wanted = [item for item in rule_items if item.measure == measure]
        if not wanted:
            continue
        years = {item.plan.year for item in wanted}
        records = list(
            _rows(
                model,
                date_field,
                text_fields,
                kind,
                {f"{date_field}__year__in": years},
            )
        )
        for item in wanted:
            for record in records:
                if (
                    record.date.year == item.plan.year
                    and record.date <= today
                    and (not item.activity_kind or record.kind == item.activity_kind)
                    and (not item.keyword or item.keyword in record.text)
                ):
                    counted[item.pk].add((measure, record.pk))
    for item in items:
        item.record_keys = counted[item.pk]
        item.progress = Progress(
            done=len(counted[item.pk]),
            target=item.target_count,
            target_date=item.target_date,
            today=today,
        )
    return items


def plan_items(year: int, today=None) -> list:
    """The items of the year's plan, in plan order, with their progress."""
    return attach_progress(
        PlanItem.objects.in_year(year)
        .for_lists()
        .order_by("heading__ordering", "heading__name", "ordering", "pk"),
        today=today,
    )


def behind_schedule(today=None) -> list:
    """Items whose target date has passed and that are not done."""
    return [
        item
        for item in attach_progress(
            PlanItem.objects.past_target(today).for_lists(), today=today
        )
        if item.progress.is_behind
    ]


@dataclass
class HeadingGroup:
    heading: object
    items: list = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(1 for item in self.items if item.progress.is_done)


def grouped(items) -> list[HeadingGroup]:
    """Items under their headings, in the order given."""
    groups: dict[int, HeadingGroup] = {}
    for item in items:
        groups.setdefault(item.heading_id, HeadingGroup(item.heading)).items.append(
            item
        )
    return list(groups.values())


def latest_plan_year(today=None) -> int | None:
    """The plan of this year, or the latest plan before it, or the first after."""
    today = today or timezone.localdate()
    years = list(WorkPlan.objects.order_by("year").values_list("year", flat=True))
    if not years:
        return None
    past = [y for y in years if y <= today.year]
    return past[-1] if past else years[0]


def key_work_progress(key_works, today=None) -> list:
    """Set `key_work.items_done` and `key_work.items_total` from its plan items."""
    key_works = list(key_works)
    items = attach_progress(
        PlanItem.objects.filter(key_work__in=[k.pk for k in key_works]).select_related(
            "plan"
        ),
        today=today,
    )
    for key_work in key_works:
        own = [item for item in items if item.key_work_id == key_work.pk]
        key_work.items_total = len(own)
        key_work.items_done = sum(1 for item in own if item.progress.is_done)
    return key_works


@dataclass
class TimelineEntry:
    date: datetime.date
    kind: str
    title: str
    url: str
    photos: list = field(default_factory=list)
    detail: str = ""


def key_work_timeline(key_work: KeyWork) -> list[TimelineEntry]:
    """Everything linked to a key work, across apps, oldest first, with photos.

    A fixed number of queries: one per kind of record and one per kind of photo.
    """
    entries = []
    activities = key_work.activities.prefetch_related(
        Prefetch("photos", queryset=ActivityPhoto.objects.order_by("ordering", "id"))
    ).with_attendance_counts()
    for activity in activities:
        entries.append(
            TimelineEntry(
                activity.date,
                activity.get_kind_display(),
                activity.title,
                reverse("admin:deputies_dutyactivity_change", args=[activity.pk]),
                [
                    (p.image.url, p.caption or activity.title)
                    for p in activity.photos.all()
                ],
                _attendance_detail(activity),
            )
        )
    sessions = key_work.sessions.select_related("station").prefetch_related(
        Prefetch("photos", queryset=SessionPhoto.objects.order_by("pk"))
    )
    for session in sessions:
        entries.append(
            TimelineEntry(
                timezone.localdate(session.started_at),
                str(ReceptionSession._meta.verbose_name),
                f"{session.station} · {session.get_mode_display()}",
                reverse("admin:reception_receptionsession_change", args=[session.pk]),
                [
                    (p.image.url, p.caption or str(session))
                    for p in session.photos.all()
                ],
            )
        )
    for suggestion in key_work.suggestions.all():
        entries.append(
            TimelineEntry(
                timezone.localdate(suggestion.received_at),
                suggestion.get_kind_display(),
                f"{suggestion.tracking_code} {suggestion.title}",
                reverse("admin:suggestions_suggestion_change", args=[suggestion.pk]),
                detail=suggestion.get_status_display(),
            )
        )
    articles = key_work.articles.prefetch_related(
        Prefetch("images", queryset=ArticleImage.objects.order_by("ordering", "pk"))
    )
    for article in articles:
        photos = [(article.cover.url, article.cover_alt)] if article.cover else []
        photos += [(i.image.url, i.alt_text) for i in article.images.all()]
        entries.append(
            TimelineEntry(
                article.date,
                str(Article._meta.verbose_name),
                article.title,
                reverse("admin:publicity_article_change", args=[article.pk]),
                photos,
            )
        )
    entries.sort(key=lambda e: (e.date, e.kind, e.url))
    return entries


def _attendance_detail(activity) -> str:
    return _("%(attended)s of %(invited)s deputies invited attended") % {
        "attended": activity.attended_count,
        "invited": activity.invited_count,
    }
