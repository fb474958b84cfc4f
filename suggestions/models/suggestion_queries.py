"""Queries over the register: the staff queues, a deputy's items, a year's figures."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone


def _model(name: str):
    # The related records import the suggestion model, so they are looked up
    # by name here rather than imported.
    return apps.get_model("suggestions", name)


def has_reply(by=None) -> Exists:
    """The condition "answered": at least one reply on record (answered on or
    before `by`, a date, when given), whatever the status since: an item
    reopened after its answer stays answered. The duty archive, the dashboards,
    the home page and the year-end figures all count answered items by it."""
    replies = _model("Reply").objects.filter(suggestion=OuterRef("pk"))
    if by is not None:
        replies = replies.filter(answered_on__lte=by)
    return Exists(replies)


class SuggestionQuerySet(models.QuerySet):
    def in_year(self, year: int):
        return self.filter(received_at__year=year)

    def resident_opinions(self):
        return self.filter(kind=self.model.Kind.RESIDENT)

    def deputy_suggestions(self):
        return self.exclude(kind=self.model.Kind.RESIDENT)

    def answered(self, by=None):
        """Items with at least one reply (see `has_reply`)."""
        return self.filter(has_reply(by))

    def with_reply(self):
        return self.answered()

    def with_answered(self, by=None):
        """Each item annotated `is_answered`, by the same definition, so that a
        list of items is counted in the query that reads it."""
        return self.annotate(is_answered=has_reply(by))

    def closed(self):
        """Items closed (办结) now: their status is closed. Not accepted is not
        closed, and a reopened item is no longer closed."""
        return self.filter(status=self.model.Status.CLOSED)

    def followed_up(self):
        """Items that a deputy or staff member followed up (督办).

        Followed up means at least one follow-up entry (TimelineEntry of kind
        FOLLOW_UP) recorded by a deputy or staff after receipt: a status change
        alone does not count, a visit, call or chase note does.
        """
        TimelineEntry = _model("TimelineEntry")
        return self.filter(
            Exists(
                TimelineEntry.objects.filter(
                    suggestion=OuterRef("pk"), kind=TimelineEntry.Kind.FOLLOW_UP
                )
            )
        )

    def open(self):
        return self.exclude(status__in=self.model.FINISHED)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(
            status__in=self.model.ACTIVE, due_date__isnull=False, due_date__lt=today
        )

    def new(self):
        return self.filter(status=self.model.Status.RECEIVED)

    def awaiting_reply(self):
        return self.filter(status__in=self.model.ACTIVE)

    def reopened(self):
        return self.filter(status=self.model.Status.REOPENED)

    def for_deputy(self, deputy):
        return self.filter(Q(raised_by=deputy) | Q(following_deputy=deputy))

    def personal_data_expired(self, now=None):
        now = now or timezone.now()
        days = getattr(settings, "SUGGESTIONS_PERSONAL_DATA_RETENTION_DAYS", 365)
        return self.filter(
            status__in=(self.model.Status.CLOSED, self.model.Status.REJECTED),
            finished_at__lt=now - timezone.timedelta(days=days),
            personal_data_erased_at__isnull=True,
        )

    def figures(self, year: int) -> dict:
        """The numbers of the year-end report, 一(四), for one year."""
        year_qs = self.in_year(year)
        deputy = year_qs.deputy_suggestions()
        resident = year_qs.resident_opinions()
        deputy_total = deputy.count()
        deputy_replied = deputy.answered().count()
        escalations = _model("Escalation").objects.filter(escalated_on__year=year)
        return {
            "session": deputy.filter(kind=self.model.Kind.SESSION).count(),
            "inter_session": deputy.filter(kind=self.model.Kind.INTER_SESSION).count(),
            "deputy_total": deputy_total,
            "deputy_replied": deputy_replied,
            "deputy_replied_percent": (
                round(100 * deputy_replied / deputy_total) if deputy_total else None
            ),
            "resident_collected": resident.count(),
            "resident_followed_up": resident.followed_up().count(),
            "escalations": escalations.count(),
        }
