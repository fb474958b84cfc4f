"""The deputies' figures of a year's work report."""

from django.db.models import Count

from .activities import DutyActivity
from .elections import ByElection
from .reports import DutyReport


def year_figures(year: int) -> dict:
    """The deputies' figures of one year's work report, from the records.

    A bounded number of aggregate queries, whatever the number of rows.
    """
    activities = DutyActivity.objects.in_year(year)
    return {
        "activities_by_kind": activities.counts_by_kind(),
        "briefings_by_publication": activities.briefings_by_publication(),
        "briefings_by_publication_kind": activities.briefings_by_publication_kind(),
        "trainings_with_reflections": activities.of_kind(DutyActivity.Kind.TRAINING)
        .filter(attendances__attended=True)
        .exclude(attendances__reflection="")
        .distinct()
        .count(),
        "symposium_topics": [
            topic
            for activity in activities.of_kind(DutyActivity.Kind.SYMPOSIUM).order_by(
                "date"
            )
            for topic in activity.topic_list()
        ],
        "poverty_participation": activities.of_kind(
            DutyActivity.Kind.POVERTY_VISIT
        ).participation(),
        "poverty_households": activities.household_visits(),
        "duty_reports": DutyReport.objects.in_year(year).count(),
        "duty_reports_by_month": dict(
            DutyReport.objects.in_year(year)
            .order_by()
            .values_list("date__month")
            .annotate(n=Count("id"))
        ),
        "by_elections": list(
            ByElection.objects.in_year(year)
            .select_related("constituency")
            .values_list("constituency__number", flat=True)
        ),
    }
