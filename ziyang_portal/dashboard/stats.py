"""The figures of the staff dashboard and of a deputy's own dashboard.

Figures the year-end report also states (sessions, voters, acceptances by
outlet, deputy suggestions, opinions collected…) are taken from the report's
section providers, so that the dashboard and the report never disagree. The
rest is computed here from the apps' QuerySet methods, with a fixed number of
aggregate queries whatever the number of records.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Min, Q, Sum
from django.db.models.functions import ExtractMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deputies.models import Attendance, Deputy
from publicity.models import Outlet
from reception.models import ReceptionSession
from suggestions.models import Rating, Suggestion

from ..report.builder import collect_figures
from ..report.figures import Figure, changelist, changelist_ids

# Report figures shown on the dashboard, in this order (street-wide only: the
# report describes the whole street).
REPORT_KEYS = (
    "reception.sessions",
    "reception.voters",
    "reception.stations_upgraded",
    "reception.delegation_visits",
    "suggestions.deputy_suggestions",
    "suggestions.deputy_replied",
    "suggestions.collected",
    "suggestions.followed_up",
    "deputies.symposiums",
    "deputies.poverty_visits",
    "deputies.duty_reports",
    "publicity.articles_submitted",
    "publicity.acceptances",
    "publicity.profile_posts",
)

SATISFIED = (Rating.Score.SATISFIED, Rating.Score.BASICALLY)


@dataclass
class Metric:
    """One number this year against last year, with the records behind it."""

    key: str
    label: str
    value: int | Decimal | None
    previous: int | Decimal | None = None
    unit: str = ""
    link: str = ""

    @property
    def change(self):
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    def display(self, value=None) -> str:
        value = self.value if value is None else value
        if value is None:
            return "—"
        return f"{value}{self.unit}"

    def display_previous(self) -> str:
        return self.display(self.previous) if self.previous is not None else "—"


@dataclass
class Row:
    label: str
    value: int
    link: str = ""
    extra: list = field(default_factory=list)


@dataclass
class Series:
    """A chart and the table beside it: one bar per row."""

    key: str
    title: str
    rows: list[Row]
    value_label: str = ""
    extra_labels: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(r.value for r in self.rows)

    @property
    def bars(self):
        """(row, length in % of the largest) for the bar chart."""
        top = max((r.value for r in self.rows), default=0) or 1
        return [(row, round(100 * row.value / top, 1)) for row in self.rows]


def _tenths(value) -> Decimal:
    """One decimal place, none when whole: 98.6, 100 (never 1E+2)."""
    rounded = Decimal(str(value)).quantize(Decimal("0.1"))
    return rounded.quantize(Decimal(1)) if rounded == rounded.to_integral() else rounded


def _percent(part, whole) -> Decimal | None:
    return _tenths(100 * part / whole) if whole else None


def _average(values) -> Decimal | None:
    values = list(values)
    return _tenths(sum(values) / len(values)) if values else None


# Suggestions ------------------------------------------------------------------


@dataclass
class SuggestionNumbers:
    received: list[int]
    replied: list[int]
    on_time: list[int]
    overdue: list[int]
    open: list[int]
    days_to_reply: list[int]
    rated: int
    satisfied: int

    @property
    def reply_rate(self):
        return _percent(len(self.replied), len(self.received))

    @property
    def on_time_rate(self):
        return _percent(len(self.on_time), len(self.replied))

    @property
    def average_days(self):
        return _average(self.days_to_reply)

    @property
    def satisfaction_rate(self):
        return _percent(self.satisfied, self.rated)


def suggestion_numbers(suggestions, today=None) -> SuggestionNumbers:
    """Received, replied, on time, overdue and open items of a queryset.

    An item is on time when its first reply came on or before its due date (or
    it had no due date); days to reply run from receipt to the first reply.
    Four queries whatever the number of items.
    """
    today = today or timezone.localdate()
    rows = list(
        suggestions.order_by()
        .annotate(first_reply=Min("replies__answered_on"))
        .values_list("pk", "received_at", "due_date", "first_reply")
    )
    received, replied, on_time, days = [], [], [], []
    for pk, received_at, due_date, first_reply in rows:
        received.append(pk)
        if first_reply is None:
            continue
        replied.append(pk)
        if due_date is None or first_reply <= due_date:
            on_time.append(pk)
        received_on = timezone.localtime(received_at).date()
        days.append(max((first_reply - received_on).days, 0))
    overdue = list(suggestions.overdue(today).values_list("pk", flat=True))
    still_open = list(suggestions.open().values_list("pk", flat=True))
    scores = dict(
        Rating.objects.filter(suggestion__in=suggestions.order_by().values("pk"))
        .order_by()
        .values_list("score")
        .annotate(n=Count("pk"))
    )
    return SuggestionNumbers(
        received=received,
        replied=replied,
        on_time=on_time,
        overdue=overdue,
        open=still_open,
        days_to_reply=days,
        rated=sum(scores.values()),
        satisfied=sum(scores.get(s, 0) for s in SATISFIED),
    )


def suggestion_metrics(now, before, link, ratings_link="") -> list[Metric]:
    """Metrics of this year against last year; `link(ids)` names the records."""
    return [
        Metric("received", _("Items received"), len(now.received), len(before.received),
               link=link(now.received)),
        Metric("replied", _("Items replied"), len(now.replied), len(before.replied),
               link=link(now.replied)),
        Metric("on_time", _("Replied on time"), len(now.on_time),
               len(before.on_time), link=link(now.on_time)),
        Metric("overdue", _("Items overdue"), len(now.overdue), len(before.overdue),
               link=link(now.overdue)),
        Metric("open", _("Still open"), len(now.open), len(before.open),
               link=link(now.open)),
        Metric("reply_rate", _("Reply rate"), now.reply_rate, before.reply_rate,
               unit="%", link=link(now.replied)),
        Metric("on_time_rate", _("On-time rate"), now.on_time_rate,
               before.on_time_rate, unit="%", link=link(now.on_time)),
        Metric("average_days", _("Average days to reply"), now.average_days,
               before.average_days, link=link(now.replied)),
        Metric("satisfaction", _("Satisfaction rate"), now.satisfaction_rate,
               before.satisfaction_rate, unit="%",
               link=ratings_link if now.rated else ""),
    ]  # fmt: skip


def suggestion_breakdowns(suggestions, link_for) -> list[Series]:
    """Items by category, community, source and month (four queries)."""

    def grouped(*fields):
        return list(
            suggestions.order_by()
            .values_list(*fields)
            .annotate(n=Count("pk"))
            .order_by(*fields)
        )

    unknown = str(_("Not given"))
    by_category = [
        Row(name or unknown, n, link_for(category__id__exact=pk) if pk else "")
        for pk, name, n in grouped("category", "category__name")
    ]
    by_community = [
        Row(name or unknown, n, link_for(community__id__exact=pk) if pk else "")
        for pk, name, n in grouped("community", "community__name")
    ]
    by_source = [
        Row(str(Suggestion.Source(s).label), n, link_for(source=s))
        for s, n in grouped("source")
    ]
    months = dict(
        suggestions.order_by()
        .annotate(month=ExtractMonth("received_at"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    by_month = [
        Row(str(_("Month %(m)d") % {"m": m}), months.get(m, 0)) for m in range(1, 13)
    ]
    count = _("Number of items")
    return [
        Series("category", _("Suggestions by category"), by_category, count),
        Series("community", _("Suggestions by community"), by_community, count),
        Series("source", _("Suggestions by source"), by_source, count),
        Series("month", _("Suggestions by month received"), by_month, count),
    ]


# Reception, activities, publicity ---------------------------------------------


def sessions_by_station(sessions, link_for) -> Series:
    rows = [
        Row(name, n, link_for(station__id__exact=pk), [voters or 0])
        for pk, name, n, voters in sessions.order_by()
        .values_list("station", "station__name")
        .annotate(n=Count("pk", distinct=True), voters=Sum("voters_received"))
        .order_by("station__ordering", "station__name")
        .values_list("station", "station__name", "n", "voters")
    ]
    return Series(
        "stations",
        _("Sessions and voters received per station"),
        rows,
        _("Sessions held"),
        [_("Voters received")],
    )


def participation(attendances, link_for) -> Series:
    rows = [
        Row(name, attended, link_for(pk), [invited, _percent(attended, invited)])
        for pk, name, invited, attended in attendances.order_by()
        .values_list("deputy", "deputy__name")
        .annotate(
            invited=Count("pk", filter=Q(invited=True)),
            attended=Count("pk", filter=Q(attended=True)),
        )
        .order_by("deputy__name")
        .values_list("deputy", "deputy__name", "invited", "attended")
    ]
    return Series(
        "participation",
        _("Deputies' participation in duty activities"),
        rows,
        _("Activities attended"),
        [_("Invited"), _("Participation rate (%)")],
    )


def submissions_by_outlet(year: int) -> Series:
    """Articles sent and accepted per outlet (the street's own channels are
    publishing, not acceptances, as in the report)."""
    in_year = Q(submissions__sent_on__year=year)
    rows = [
        Row(
            outlet.name,
            outlet.accepted_n,
            changelist(
                "publicity.submission",
                sent_on__year=year,
                accepted__exact=1,
                outlet__id__exact=outlet.pk,
            ),
            [outlet.sent_n],
        )
        for outlet in Outlet.objects.filter(is_own_channel=False)
        .annotate(
            sent_n=Count("submissions__article", filter=in_year, distinct=True),
            accepted_n=Count(
                "submissions__article",
                filter=in_year & Q(submissions__accepted=True),
                distinct=True,
            ),
        )
        .filter(sent_n__gt=0)
        .order_by("ordering", "name")
    ]
    return Series(
        "outlets",
        _("Publicity: acceptances and submissions by outlet"),
        rows,
        _("Articles accepted"),
        [_("Submitted")],
    )


# The two dashboards ------------------------------------------------------------


@dataclass
class Dashboard:
    year: int
    community: object = None
    deputy: object = None
    metrics: list[Metric] = field(default_factory=list)
    report: list[Metric] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)


def report_metrics(year: int) -> list[Metric]:
    """The report's own figures for the year and the one before."""
    now, before = collect_figures(year), collect_figures(year - 1)
    return [
        _from_figure(now[key], before.get(key)) for key in REPORT_KEYS if key in now
    ]


def _from_figure(figure: Figure, previous: Figure | None) -> Metric:
    return Metric(
        figure.key,
        figure.label,
        figure.value,
        previous.value if previous else None,
        figure.unit,
        figure.drilldown,
    )


def staff_dashboard(year: int, community=None, today=None) -> Dashboard:
    """The whole street, or one community, in a year and the year before."""
    scope = {"community": community} if community else {}
    this = Suggestion.objects.in_year(year).filter(**scope)
    last = Suggestion.objects.in_year(year - 1).filter(**scope)
    base = {"received_at__year": year}
    if community:
        base["community__id__exact"] = community.pk

    def suggestions_link(**filters):
        return changelist("suggestions.suggestion", **{**base, **filters})

    def ids_link(ids):
        return changelist_ids("suggestions.suggestion", ids, **base) or ""

    sessions = ReceptionSession.objects.in_year(year)
    attendances = Attendance.objects.filter(activity__date__year=year)
    if community:
        sessions = sessions.filter(station__community=community)
        attendances = attendances.filter(deputy__community=community)

    def sessions_link(**filters):
        return changelist(
            "reception.receptionsession", started_at__year=year, **filters
        )

    def deputy_link(pk):
        # The deputy's record lists their attendance; the archive their year.
        return reverse("admin:deputies_deputy_change", args=[pk])

    series = [
        *suggestion_breakdowns(this, suggestions_link),
        sessions_by_station(sessions, sessions_link),
        participation(attendances, deputy_link),
    ]
    if community is None:
        series.append(submissions_by_outlet(year))
    return Dashboard(
        year=year,
        community=community,
        metrics=suggestion_metrics(
            suggestion_numbers(this, today),
            suggestion_numbers(last, today),
            ids_link,
            changelist("suggestions.rating"),
        ),
        report=report_metrics(year) if community is None else [],
        series=series,
    )


def deputy_dashboard(deputy: Deputy, year: int, today=None) -> Dashboard:
    """A deputy's own work: the items they raised or follow, their sessions and
    their activities. Links lead to their own workspace pages."""
    this = Suggestion.objects.in_year(year).for_deputy(deputy)
    last = Suggestion.objects.in_year(year - 1).for_deputy(deputy)
    mine = reverse("suggestions:my_suggestions")
    sessions_url = reverse("reception:my_sessions")
    sessions = ReceptionSession.objects.in_year(year).for_deputy(deputy)
    attendances = Attendance.objects.filter(activity__date__year=year, deputy=deputy)
    return Dashboard(
        year=year,
        deputy=deputy,
        metrics=suggestion_metrics(
            suggestion_numbers(this, today),
            suggestion_numbers(last, today),
            lambda ids: mine if ids else "",
            mine,
        ),
        series=[
            *suggestion_breakdowns(this, lambda **filters: mine),
            sessions_by_station(sessions, lambda **filters: sessions_url),
            participation(attendances, lambda pk: reverse("my:archive")),
        ],
    )


def available_years(today: datetime.date | None = None) -> list[int]:
    """The years the filter offers: from the first record to this year."""
    today = today or timezone.localdate()
    first = (
        Suggestion.objects.order_by("received_at")
        .values_list("received_at", flat=True)
        .first()
    )
    start = timezone.localtime(first).year if first else today.year
    start = min(start, today.year - 1)
    return list(range(today.year, start - 1, -1))
