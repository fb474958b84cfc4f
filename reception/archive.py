"""This app's section of a deputy's duty archive (see ziyang_portal/sections.py)."""


def section(deputy, year):
    """Context for reception/_archive.html, or None when there is nothing to show."""
    return None
