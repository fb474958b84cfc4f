"""The deputies' records of a year that the report counts, each aggregate query
run once, when a figure first needs it."""

import datetime
from functools import cached_property

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from deputies.models import (
    ActivityPhoto,
    Attendance,
    ByElection,
    Deputy,
    DutyActivity,
    DutyReport,
)
from publicity.models import Article
from reception.models import ReceptionSession, SessionPhoto
from suggestions.models import Suggestion

from ...figures import changelist

K = DutyActivity.Kind
P = DutyActivity.PublicationKind


def percent(part, whole):
    return None if not whole else 100 * part / whole


class DeputyRecords:
    """Duty activities, attendances, duty reports and by-elections of a year."""

    def __init__(self, year: int):
        self.year = year

    def activities_link(self, **filters) -> str:
        return changelist("deputies.dutyactivity", date__year=self.year, **filters)

    def reports_link(self) -> str:
        return changelist("deputies.dutyreport", date__year=self.year)

    def elections_link(self) -> str:
        return changelist("deputies.byelection", date__year=self.year)

    @cached_property
    def activities(self):
        return DutyActivity.objects.in_year(self.year)

    @cached_property
    def by_kind(self) -> dict[str, int]:
        return self.activities.counts_by_kind()

    @cached_property
    def briefings(self) -> dict[str, int]:
        """{publication kind: briefings given}."""
        return dict(
            self.activities.of_kind(K.BRIEFING)
            .order_by()
            .values_list("publication_kind")
            .annotate(n=Count("id"))
        )

    @cached_property
    def briefing_titles(self) -> dict[str, list[str]]:
        """{publication kind: titles}, the most given first."""
        titles = {kind: [] for kind in P.values}
        for kind, publication, _n in (
            self.activities.of_kind(K.BRIEFING)
            .order_by()
            .values_list("publication_kind", "publication")
            .annotate(n=Count("id"))
            .order_by("-n", "publication")
        ):
            titles.setdefault(kind, []).append(publication)
        return titles

    @cached_property
    def trips(self) -> list[str]:
        return list(
            self.activities.of_kind(K.TRAINING)
            .order_by("date")
            .values_list("title", flat=True)
        )

    @cached_property
    def study_topics(self) -> list[str]:
        """What the year's study sessions studied, in date order, once each:
        a title such as "学习《监察法》" gives "《监察法》"."""
        topics = []
        for title in (
            self.activities.of_kind(K.STUDY)
            .order_by("date", "id")
            .values_list("title", flat=True)
        ):
            topic = title.strip().removeprefix("学习").strip() or title.strip()
            if topic and topic not in topics:
                topics.append(topic)
        return topics

    @cached_property
    def reflections(self) -> dict[str, int]:
        """Written reflections of study trips, and the trips they cover."""
        return (
            Attendance.objects.in_year(self.year)
            .filter(activity__kind=K.TRAINING, attended=True)
            .exclude(reflection="")
            .aggregate(written=Count("id"), trips=Count("activity", distinct=True))
        )

    @cached_property
    def topics(self) -> list[str]:
        """The key works discussed at symposiums, one a line of their topics."""
        return [
            topic
            for text in self.activities.of_kind(K.SYMPOSIUM)
            .order_by("date", "id")
            .values_list("topics", flat=True)
            for topic in (line.strip() for line in text.splitlines())
            if topic
        ]

    @cached_property
    def poverty(self):
        return self.activities.of_kind(K.POVERTY_VISIT)

    @cached_property
    def poverty_attendance(self) -> dict[str, int]:
        return Attendance.objects.filter(
            activity__in=self.poverty.order_by()
        ).aggregate(
            invited=Count("id", filter=Q(invited=True)),
            attended=Count("id", filter=Q(attended=True)),
        )

    @cached_property
    def households(self) -> dict[str, int | None]:
        return self.poverty.aggregate(
            due=Sum("households_due"), visited=Sum("households_visited")
        )

    @cached_property
    def reports(self):
        return DutyReport.objects.in_year(self.year)

    @cached_property
    def report_totals(self) -> dict[str, int]:
        return self.reports.aggregate(
            n=Count("id"), deputies=Count("deputy", distinct=True)
        )

    @cached_property
    def report_months(self) -> list[str]:
        return [
            _("%(year)s-%(month)s") % {"year": self.year, "month": month}
            for month in self.reports.order_by()
            .values_list("date__month", flat=True)
            .distinct()
            .order_by("date__month")
        ]

    @cached_property
    def elections(self) -> list[tuple[str, int]]:
        """(constituency, seats) of the by-elections, in date order."""
        return list(
            ByElection.objects.in_year(self.year)
            .order_by("date")
            .values_list("constituency__name", "seats")
        )

    @cached_property
    def archive_deputies(self) -> set[int]:
        """Serving deputies whose duty archive has a record of the year.

        The archive (core.sections.ARCHIVE_SECTIONS) shows a deputy's
        activities attended, duty reports, reception sessions, suggestions
        raised or followed and articles featuring them: any of these is a
        record of the year in the archive.
        """
        year = self.year
        # order_by(): the models' default ordering would make DISTINCT per row.
        records = [
            Attendance.objects.in_year(year)
            .filter(attended=True)
            .values_list("deputy_id"),
            self.reports.values_list("deputy_id"),
            ReceptionSession.deputies.through.objects.filter(
                receptionsession__started_at__year=year
            ).values_list("deputy_id"),
            Suggestion.objects.in_year(year)
            .filter(raised_by__isnull=False)
            .values_list("raised_by_id"),
            Suggestion.objects.in_year(year)
            .filter(following_deputy__isnull=False)
            .values_list("following_deputy_id"),
            Article.deputies.through.objects.filter(
                article__date__year=year
            ).values_list("deputy_id"),
        ]
        first, *others = (query.order_by() for query in records)
        return {pk for (pk,) in first.union(*others)} & self.serving_ids

    @cached_property
    def with_photos(self) -> set[int]:
        """Deputies who attended an activity, or took part in a reception
        session, with photos in the year."""
        year = self.year
        activities = (
            Attendance.objects.in_year(year)
            .filter(
                attended=True,
                activity__in=ActivityPhoto.objects.values("activity"),
            )
            .order_by()
            .values_list("deputy_id")
        )
        sessions = (
            ReceptionSession.deputies.through.objects.filter(
                receptionsession__started_at__year=year,
                receptionsession__in=SessionPhoto.objects.values("session"),
            )
            .order_by()
            .values_list("deputy_id")
        )
        return {pk for (pk,) in activities.union(sessions)}

    @cached_property
    def serving_ids(self) -> set[int]:
        year = self.year
        return set(
            Deputy.objects.filter(
                Q(active_from__isnull=True)
                | Q(active_from__lte=datetime.date(year, 12, 31)),
                Q(active_to__isnull=True) | Q(active_to__gte=datetime.date(year, 1, 1)),
            )
            .order_by()
            .values_list("pk", flat=True)
        )

    @property
    def serving(self) -> int:
        return len(self.serving_ids)
