"""This app's section of a deputy's public profile (see core/sections.py)."""

from .models import Station


def section(deputy):
    """Public context for reception/_profile.html, or None when there is nothing."""
    stations = list(Station.objects.public().filter(deputies=deputy))
    if not stations:
        return None
    return {"stations": stations}
