"""Suggestions of a year taken through the services with dates of that year,
as staff and residents would have done on those days, and the year-end
figures counted again from the records, independently of the report."""

import datetime
import zoneinfo
from dataclasses import dataclass

from suggestions.models import Rating, Reply, Suggestion, TimelineEntry
from suggestions.services import escalations, lifecycle, ratings, replies
from tests.factories import DeputyFactory
from tests.suggestions.factories import HandlingUnitFactory, SuggestionFactory

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
Status = Suggestion.Status
Score = Rating.Score


@dataclass(frozen=True)
class Plan:
    """What happens to one item, from its receipt in `month` of the year.

    `answer` is None (never answered), "year" (answered within the year) or
    "later" (answered in January of the year after); `rating` is a score or
    None; `close` closes an answered item in the year ("year") or after
    ("later"); a 不满意 rating reopens the item, as the service does.
    """

    month: int = 3
    accept: bool = True
    answer: str | None = None
    rating: str | None = None
    close: str | None = None
    escalate: bool = False
    kind: str = Suggestion.Kind.RESIDENT
    # Days from acceptance to the due date; 0: the service's default.
    due_days: int = 0


def at(year, month, day, hour=10):
    return datetime.datetime(year, month, day, hour, tzinfo=SHANGHAI)


def _reply(item, when):
    return replies.suggestion_reply(
        suggestion=item,
        actor=None,
        responder="示例承办单位",
        answered_on=when.date(),
        channel=Reply.Channel.PHONE,
        text="已答复。",
        at=when,
    )


def make_item(year: int, plan: Plan) -> Suggestion:
    month = plan.month
    item = SuggestionFactory(kind=plan.kind, received_at=at(year, month, 1, 9))
    if not plan.accept:
        return item
    accepted_at = at(year, month, 2)
    lifecycle.suggestion_accept(
        suggestion=item,
        actor=None,
        handling_unit=HandlingUnitFactory(),
        due_date=accepted_at.date() + datetime.timedelta(days=plan.due_days)
        if plan.due_days
        else None,
        at=accepted_at,
    )
    if plan.escalate:
        escalations.escalation_create(
            suggestion=item,
            actor=None,
            city_deputy=DeputyFactory(level="city"),
            escalated_on=datetime.date(year, month, 3),
            request="请市代表协调。",
        )
    if plan.answer is None:
        return item
    answered = at(year, month, 5) if plan.answer == "year" else at(year + 1, 1, 20)
    _reply(item, answered)
    if plan.rating:
        ratings.suggestion_rate(
            suggestion=item,
            score=plan.rating,
            at=answered + datetime.timedelta(days=1),
        )
    if plan.close and item.status == Status.REPLIED:
        closed = at(year, month, 8) if plan.close == "year" else at(year + 1, 2, 1)
        lifecycle.suggestion_close(
            suggestion=item, actor=None, at=max(closed, answered)
        )
    return item


def year_end_counts(year: int) -> dict[str, int]:
    """The year-end figures counted one item at a time from its records."""
    end = at(year + 1, 1, 1, 0)
    last_day = datetime.date(year, 12, 31)
    counts = dict.fromkeys(
        ["received", "accepted", "answered", "closed", "overdue", "escalated"], 0
    )
    counts["reopened"] = 0
    for item in Suggestion.objects.filter(received_at__year=year):
        transitions = [
            entry
            for entry in item.timeline.filter(kind=TimelineEntry.Kind.TRANSITION)
            if entry.at < end
        ]
        transitions.sort(key=lambda e: (e.at, e.pk))
        status = transitions[-1].to_status if transitions else Status.RECEIVED
        counts["received"] += 1
        counts["accepted"] += any(e.to_status == Status.ACCEPTED for e in transitions)
        counts["answered"] += any(r.answered_on <= last_day for r in item.replies.all())
        counts["closed"] += status == Status.CLOSED
        counts["overdue"] += (
            status in Suggestion.ACTIVE
            and item.due_date is not None
            and item.due_date < last_day
        )
        counts["escalated"] += item.escalations.filter(
            escalated_on__lte=last_day
        ).exists()
        unsatisfied = [
            r.created_at
            for r in item.ratings.all()
            if r.score == Score.UNSATISFIED and r.created_at < end
        ]
        counts["reopened"] += any(
            e.to_status == Status.REOPENED and e.at >= when
            for e in transitions
            for when in unsatisfied
        )
    return counts


def ratings_counts(year: int) -> dict[str, int]:
    end = at(year + 1, 1, 1, 0)
    rated = [
        r.score
        for r in Rating.objects.filter(suggestion__received_at__year=year)
        if r.created_at < end
    ]
    return {score: rated.count(score) for score in Score.values}
