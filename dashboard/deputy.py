"""A deputy's own dashboard: the items they raised or follow, sessions, activities."""

from django.urls import reverse

from deputies.models import Attendance, Deputy
from reception.models import ReceptionSession
from suggestions.models import Suggestion

from .activity_figures import participation, sessions_by_station
from .figures import Dashboard
from .suggestion_figures import (
    suggestion_breakdowns,
    suggestion_metrics,
    suggestion_numbers,
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
