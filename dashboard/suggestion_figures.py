"""A dashboard's suggestion figures: replies, timeliness, satisfaction, breakdowns."""

from dataclasses import dataclass

from django.db.models import Count, Min
from django.db.models.functions import ExtractMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from suggestions.models import Rating, Suggestion

from .figures import Metric, Row, Series, average, percent

SATISFIED = (Rating.Score.SATISFIED, Rating.Score.BASICALLY)


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
        return percent(len(self.replied), len(self.received))

    @property
    def on_time_rate(self):
        return percent(len(self.on_time), len(self.replied))

    @property
    def average_days(self):
        return average(self.days_to_reply)

    @property
    def satisfaction_rate(self):
        return percent(self.satisfied, self.rated)


def suggestion_numbers(suggestions, today=None) -> SuggestionNumbers:
    """Received, replied, on time, overdue and open items of a queryset.

    An item is on time when its first reply came on or before its due date (or
    it had no due date); days to reply run from receipt to the first reply.
    Four queries whatever the number of items.
    """
    today = today or timezone.localdate()
    rows = list(
        suggestions.order_by()
        .with_answered()
        .annotate(first_reply=Min("replies__answered_on"))
        .values_list("pk", "received_at", "due_date", "is_answered", "first_reply")
    )
    received, replied, on_time, days = [], [], [], []
    for pk, received_at, due_date, is_answered, first_reply in rows:
        received.append(pk)
        # Replied as Suggestion.objects.answered() reads it: with a reply.
        if not is_answered:
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
