"""This app's section of the public home page (see core/sections.py)."""

from .models import Station


def section(request):
    """Context for reception/_home.html, or None to leave the section out."""
    stations = list(
        Station.objects.public()
        .select_related("community")
        .only("name", "slug", "kind", "reception_days", "community__name")
    )
    if not stations:
        return None
    return {"stations": stations}
