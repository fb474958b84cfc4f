"""This app's section of a deputy's duty archive (see core/sections.py)."""

from django.db.models import Count

from .models import ReceptionSession, SessionPhoto


def section(deputy, year):
    """Context for reception/_archive.html, or None when there is nothing to show.

    The deputy's reception sessions (year None: the whole term), the voters met
    there and the sessions' photos.
    """
    sessions = ReceptionSession.objects.for_deputy(deputy)
    if year is not None:
        sessions = sessions.in_year(year)
    sessions = list(
        sessions.select_related("station")
        .prefetch_related("deputies")
        .annotate(issue_count=Count("issues", distinct=True))
        .order_by("started_at")
    )
    if not sessions:
        return None
    photos = SessionPhoto.objects.filter(session__in=sessions).select_related(
        "session__station"
    )
    return {
        "year": year,
        "sessions": sessions,
        "session_count": len(sessions),
        "voters": sum(s.voters_received for s in sessions),
        "issues": sum(s.issue_count for s in sessions),
        "photos": list(photos),
    }
