from django.conf import settings

from .access import is_committee_staff, is_deputy

# Set by static/js/portal.js when a visitor turns on the large-text mode; read
# here so that the page comes with the mode on, without a flash of small text.
LARGE_TEXT_COOKIE = "portal_text"


def portal(request):
    user = getattr(request, "user", None)
    return {
        "portal_name": settings.PORTAL_NAME,
        "portal_office_phone": settings.PORTAL_OFFICE_PHONE,
        "large_text": request.COOKIES.get(LARGE_TEXT_COOKIE) == "large",
        # Callables, so that pages that never ask cost no query.
        "user_is_deputy": lambda: bool(user and is_deputy(user)),
        "user_is_staff": lambda: bool(user and is_committee_staff(user)),
    }
