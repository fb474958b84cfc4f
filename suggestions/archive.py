"""This app's section of a deputy's duty archive (see core/sections.py)."""

from .models import Suggestion


def section(deputy, year):
    """Suggestions the deputy raised or followed in the year (None: whole term).

    Titles, status and reply dates only: the archive is printed and shared, so it
    carries no resident's contact details.
    """
    items = Suggestion.objects.for_deputy(deputy)
    if year is not None:
        items = items.in_year(year)
    items = list(
        items.with_answered()
        .select_related("category", "community", "handling_unit")
        .order_by("received_at")
    )
    if not items:
        return None
    raised = [s for s in items if s.raised_by_id == deputy.pk]
    followed = [s for s in items if s.following_deputy_id == deputy.pk]
    return {
        "year": year,
        "raised": raised,
        "followed": followed,
        # Answered as the dashboards and the report count it: with a reply.
        "answered": sum(1 for s in items if s.is_answered),
        "total": len(items),
    }
