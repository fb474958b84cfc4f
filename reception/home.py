"""This app's section of the public home page (see ziyang_portal/sections.py)."""


def section(request):
    """Context for reception/_home.html, or None to leave the section out."""
    return None
