"""This app's section of the public home page (see core/sections.py)."""

from .models import Deputy


def section(request):
    """Context for deputies/_home.html: how many deputies serve the street."""
    count = Deputy.objects.current().count()
    return {"count": count} if count else None
