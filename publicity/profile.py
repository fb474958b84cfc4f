"""This app's section of a deputy's public profile (see ziyang_portal/sections.py)."""


def section(deputy):
    """Public context for publicity/_profile.html, or None when there is nothing."""
    return None
