from django.conf import settings

from .access import is_committee_staff, is_deputy


def portal(request):
    user = getattr(request, "user", None)
    return {
        "portal_name": settings.PORTAL_NAME,
        # Callables, so that pages that never ask cost no query.
        "user_is_deputy": lambda: bool(user and is_deputy(user)),
        "user_is_staff": lambda: bool(user and is_committee_staff(user)),
    }
