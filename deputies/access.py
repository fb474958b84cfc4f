"""The deputy behind a login; the role checks themselves are in core.access."""

from .models import Deputy


def deputy_for(user):
    """The Deputy record linked to this login, or None."""
    if not user.is_authenticated:
        return None
    return Deputy.objects.filter(user=user).select_related("community").first()
