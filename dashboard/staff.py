"""The staff dashboard: the whole street or one community, with report figures.

Figures the year-end report also states (sessions, voters, acceptances by
outlet, deputy suggestions, opinions collected…) are taken from the report's
section providers, so that the dashboard and the report never disagree. The
rest is computed from the apps' QuerySet methods, with a fixed number of
aggregate queries whatever the number of records.
"""

from django.urls import reverse

from deputies.models import Attendance
from reception.models import ReceptionSession
from report.builder import collect_figures
from report.figures import Figure, changelist, changelist_ids
from suggestions.models import Suggestion

from .activity_figures import participation, sessions_by_station, submissions_by_outlet
from .figures import Dashboard, Metric
from .suggestion_figures import (
    suggestion_breakdowns,
    suggestion_metrics,
    suggestion_numbers,
)

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
