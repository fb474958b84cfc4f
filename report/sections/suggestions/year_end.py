"""How the items received in a year stood at the end of that year.

The items of the year are the suggestions and opinions received in it, of
every kind. What became of them is read from their records as of 31 December,
not from their status today: an item closed in the March after is not closed
in the report of the year before.

- accepted: a timeline transition to accepted dated within the year;
- answered: at least one reply answered on or before 31 December;
- closed: the last status transition of the year was to closed;
- overdue: the item was still waiting for an answer at the year's end
  (its last transition of the year was to accepted, in progress or reopened)
  and its due date was before 31 December, as ``Suggestion.is_overdue`` reads
  it on that day;
- escalated: taken to a city-level deputy on or before 31 December;
- ratings: the residents' ratings of answers given within the year;
- reopened after 不满意: an item reopened, within the year, at or after a
  不满意 rating of the year.

The due date as of the year's end is the one the register's history kept at
that time. Records entered afterwards with earlier dates (as the demo year
is) have no history from then: for them the due date stored now stands in,
which differs only for an item reopened after the year's end (a reopening
sets a new due date), so such an item may be missing from the overdue count.
"""

import datetime

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from suggestions.models import Escalation, Rating, Suggestion, TimelineEntry
from suggestions.models.suggestion_queries import has_reply

Status = Suggestion.Status
Score = Rating.Score
TRANSITION = TimelineEntry.Kind.TRANSITION


def last_day(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def year_end(year: int) -> datetime.datetime:
    """The first moment after the year, in the portal's time zone."""
    return datetime.datetime(year + 1, 1, 1, tzinfo=timezone.get_current_timezone())


def _transitions(year: int, **filters):
    return TimelineEntry.objects.filter(
        suggestion=OuterRef("pk"), kind=TRANSITION, at__lt=year_end(year), **filters
    )


def status_at_year_end(year: int):
    """The status an item had at the year's end: that of its last transition."""
    last = _transitions(year).order_by("-at", "-pk").values("to_status")[:1]
    return Coalesce(Subquery(last), Value(Status.RECEIVED))


def due_date_at_year_end(year: int):
    """The due date the history kept at the year's end, else the stored one."""
    history = (
        Suggestion.history.model.objects.filter(
            id=OuterRef("pk"), history_date__lt=year_end(year)
        )
        .order_by("-history_date", "-history_id")
        .values("due_date")[:1]
    )
    return Coalesce(Subquery(history), F("due_date"))


def accepted(year: int) -> Exists:
    return Exists(_transitions(year, to_status=Status.ACCEPTED))


def answered(year: int) -> Exists:
    """At least one reply answered on or before 31 December: the definition
    the duty archive, the dashboards and the home page count by."""
    return has_reply(by=last_day(year))


def escalated(year: int) -> Exists:
    requests = Escalation.objects.filter(
        suggestion=OuterRef("pk"), escalated_on__lte=last_day(year)
    )
    return Exists(requests)


def reopened_after_unsatisfied(year: int) -> Exists:
    reopening = TimelineEntry.objects.filter(
        suggestion=OuterRef("suggestion"),
        kind=TRANSITION,
        to_status=Status.REOPENED,
        at__gte=OuterRef("created_at"),
        at__lt=year_end(year),
    )
    unsatisfied = Rating.objects.filter(
        suggestion=OuterRef("pk"),
        score=Score.UNSATISFIED,
        created_at__lt=year_end(year),
    ).filter(Exists(reopening))
    return Exists(unsatisfied)


def with_year_end(items, year: int):
    """The items with what they were at the year's end, as annotations.

    The conditions are annotations that CONDITIONS then reads, rather than
    filters of the counts themselves: counting over annotated rows, the
    database reads each item's records once.
    """
    return items.annotate(
        status_at_end=status_at_year_end(year),
        due_at_end=due_date_at_year_end(year),
        was_accepted=accepted(year),
        was_answered=answered(year),
        was_escalated=escalated(year),
        was_reopened=reopened_after_unsatisfied(year),
    )


def conditions(year: int) -> dict[str, Q]:
    """{what: the condition an item of the year meets}, by name of figure,
    over the annotations of `with_year_end`."""
    return {
        "accepted": Q(was_accepted=True),
        "answered": Q(was_answered=True),
        "closed": Q(status_at_end=Status.CLOSED),
        "overdue": Q(
            status_at_end__in=Suggestion.ACTIVE, due_at_end__lt=last_day(year)
        ),
        "escalated": Q(was_escalated=True),
        "reopened": Q(was_reopened=True),
    }


def counts(items, year: int) -> dict[str, int]:
    """{received: n, accepted: n, …} of the items, in one aggregate query."""
    return with_year_end(items.order_by(), year).aggregate(
        received=Count("pk"),
        **{
            name: Count("pk", filter=condition)
            for name, condition in conditions(year).items()
        },
    )


def ratings(items, year: int):
    """The ratings of the year given to answers to these items."""
    return Rating.objects.filter(
        suggestion__in=items.order_by().values("pk"), created_at__lt=year_end(year)
    )


def ratings_by_score(items, year: int) -> dict[str, int]:
    by_score = dict.fromkeys(Score.values, 0)
    by_score.update(
        ratings(items, year).order_by().values_list("score").annotate(n=Count("pk"))
    )
    return by_score
