"""This app's section of the public home page (see core/sections.py)."""

from django.utils import timezone

from .models import Suggestion


def section(request):
    """This year's counts beside the submit and track buttons."""
    year = timezone.localdate().year
    items = Suggestion.objects.in_year(year)
    return {
        "year": year,
        "received": items.count(),
        "answered": items.answered().count(),
    }
