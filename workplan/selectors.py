"""Reading the plan and the key works: progress of plan items, timelines.

Progress is counted from the records in a fixed number of queries whatever the
number of items, so that lists, the admin and the report can all use it.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    CharField,
    Count,
    DateTimeField,
    F,
    Prefetch,
    Q,
    Value,
)
from django.db.models.functions import Concat, StrIndex
from django.db.models.lookups import GreaterThan
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


def _rule_key(item) -> tuple:
    """Items with the same rule count the same records."""
    return (item.measure, item.plan.year, item.activity_kind, item.keyword)


def _rule_condition(measure, year, activity_kind, keyword, today) -> Q:
    """The records of `measure` a rule counts, as a database condition."""
    model, _name, date_field, text_fields, kind_field = SOURCES[measure]
    is_moment = isinstance(model._meta.get_field(date_field), DateTimeField)
    up_to = f"{date_field}__date__lte" if is_moment else f"{date_field}__lte"
    condition = Q(**{f"{date_field}__year": year, up_to: today})
    if activity_kind:
        # A kind on a measure without kinds matches nothing, as `_matches` says.
        condition &= Q(**{kind_field: activity_kind}) if kind_field else Q(pk__in=[])
    if keyword:
        # Case-sensitive on every database, as the rule is (LIKE is not on SQLite).
        text = (
            F(text_fields[0])
            if len(text_fields) == 1
            else Concat(*_spaced(text_fields), output_field=CharField())
        )
        condition &= Q(GreaterThan(StrIndex(text, Value(keyword)), 0))
    return condition


def _spaced(text_fields):
    for index, name in enumerate(text_fields):
        if index:
            yield Value(" ")
        yield F(name)


def _matches(record: _Record, year, activity_kind, keyword, today) -> bool:
    """The same rule as `_rule_condition`, for a record already read."""
    return (
        record.date.year == year
        and record.date <= today
        and (not activity_kind or record.kind == activity_kind)
        and (not keyword or keyword in record.text)
    )


def attach_progress(items, today=None) -> list:
    """Set `item.progress` on each item; returns the list.

    Records linked by hand are read one query per kind of record; records a
    rule matches are counted in the database, one aggregate query per kind of
    record, so that neither the time nor the number of queries grows with the
    records of the year. A record both linked and matched counts once.
    """
    items = list(items)
    today = today or timezone.localdate()
    if not items:
        return items
    linked = _linked_records(items, today)
    matched = _matched_counts(items, today)
    for item in items:
        done = len(linked[item.pk])
        if item.match_rule and item.measure in SOURCES:
            key = _rule_key(item)
            done += matched[key] - sum(
                1
                for (measure, _pk), record in linked[item.pk].items()
                if measure == item.measure and _matches(record, *key[1:], today)
            )
        item.progress = Progress(
            done=done,
            target=item.target_count,
            target_date=item.target_date,
            today=today,
        )
    return items


def _linked_records(items, today) -> dict[int, dict]:
    """Per item, the records linked by hand that count for it, up to today.

    Keyed by (measure, record pk), so that a record counts once per item.
    """
    ids = [item.pk for item in items]
    linked: dict[int, dict] = {item.pk: {} for item in items}
    measures = {item.pk: item.measure for item in items}
    for measure, (model, field_name, date_field, text_fields, kind) in SOURCES.items():
        through = getattr(PlanItem, field_name).through
        own = f"{model._meta.model_name}_id"
        prefix = f"{model._meta.model_name}__"
        fields = [date_field, *text_fields] + ([kind] if kind else [])
        for item_id, record_id, when, *rest in (
            through.objects.filter(planitem_id__in=ids)
            .order_by()
            .values_list("planitem_id", own, *(prefix + f for f in fields))
        ):
            date = _local_date(when)
            if measures[item_id] in (measure, M.LINKED) and date <= today:
                linked[item_id][(measure, record_id)] = _Record(
                    pk=record_id,
                    date=date,
                    text=" ".join(rest[: len(text_fields)]),
                    kind=rest[-1] if kind else "",
                )
    return linked


def _matched_counts(items, today) -> dict[tuple, int]:
    """How many records each rule of the items matches, by rule key."""
    matched: dict[tuple, int] = {}
    rules = {_rule_key(item) for item in items if item.match_rule}
    for measure, (model, *_rest) in SOURCES.items():
        keys = sorted(
            (key for key in rules if key[0] == measure), key=lambda k: repr(k)
        )
        if not keys:
            continue
        totals = (
            model.objects.order_by()
            .filter(**{f"{SOURCES[measure][2]}__year__in": {key[1] for key in keys}})
            .aggregate(
                **{
                    f"rule_{index}": Count(
                        "pk", filter=_rule_condition(*key, today=today)
                    )
                    for index, key in enumerate(keys)
                }
            )
        )
        matched.update((key, totals[f"rule_{index}"]) for index, key in enumerate(keys))
    return matched


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
    entries = [
        *_activity_entries(key_work),
        *_session_entries(key_work),
        *_suggestion_entries(key_work),
        *_article_entries(key_work),
    ]
    entries.sort(key=lambda e: (e.date, e.kind, e.url))
    return entries


def _activity_entries(key_work: KeyWork) -> list[TimelineEntry]:
    activities = key_work.activities.prefetch_related(
        Prefetch("photos", queryset=ActivityPhoto.objects.order_by("ordering", "id"))
    ).with_attendance_counts()
    return [
        TimelineEntry(
            activity.date,
            activity.get_kind_display(),
            activity.title,
            reverse("admin:deputies_dutyactivity_change", args=[activity.pk]),
            [(p.image.url, p.caption or activity.title) for p in activity.photos.all()],
            _attendance_detail(activity),
        )
        for activity in activities
    ]


def _session_entries(key_work: KeyWork) -> list[TimelineEntry]:
    sessions = key_work.sessions.select_related("station").prefetch_related(
        Prefetch("photos", queryset=SessionPhoto.objects.order_by("pk"))
    )
    return [
        TimelineEntry(
            timezone.localdate(session.started_at),
            str(ReceptionSession._meta.verbose_name),
            f"{session.station} · {session.get_mode_display()}",
            reverse("admin:reception_receptionsession_change", args=[session.pk]),
            [(p.image.url, p.caption or str(session)) for p in session.photos.all()],
        )
        for session in sessions
    ]


def _suggestion_entries(key_work: KeyWork) -> list[TimelineEntry]:
    return [
        TimelineEntry(
            timezone.localdate(suggestion.received_at),
            suggestion.get_kind_display(),
            f"{suggestion.tracking_code} {suggestion.title}",
            reverse("admin:suggestions_suggestion_change", args=[suggestion.pk]),
            detail=suggestion.get_status_display(),
        )
        for suggestion in key_work.suggestions.all()
    ]


def _article_entries(key_work: KeyWork) -> list[TimelineEntry]:
    articles = key_work.articles.prefetch_related(
        Prefetch("images", queryset=ArticleImage.objects.order_by("ordering", "pk"))
    )
    entries = []
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
    return entries


def _attendance_detail(activity) -> str:
    return _("%(attended)s of %(invited)s deputies invited attended") % {
        "attended": activity.attended_count,
        "invited": activity.invited_count,
    }
