import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.utils.translation import gettext as _

LOGIN_TIME_KEY = "ziyang_login_at"


@receiver(user_logged_in, dispatch_uid="ziyang-login-time")
def _remember_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_TIME_KEY] = int(time.time())


REFRESHED_AT_KEY = "ziyang_refreshed_at"


class IdleSessionRefreshMiddleware:
    """Renews the idle timeout of a session at most once a minute.

    The session's expiry (SESSION_COOKIE_AGE) moves forward only when the
    session is saved. Saving it on every request costs a database write per
    page; marking it changed once SESSION_REFRESH_SECONDS have passed keeps the
    30 idle minutes exact to within that interval. Empty sessions (visitors who
    never logged in nor looked anything up) are left alone, so none is created.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            refreshed = session.get(REFRESHED_AT_KEY, 0)
            # Loading an expired session empties it: no new one is started then.
            stale = now - refreshed >= settings.SESSION_REFRESH_SECONDS
            if stale and not session.is_empty():
                session[REFRESHED_AT_KEY] = now
        return response


class AbsoluteSessionLimitMiddleware:
    """Ends a login after SESSION_ABSOLUTE_AGE seconds, however active it is.

    The idle timeout is the session cookie's age, renewed by
    IdleSessionRefreshMiddleware; this bounds what a stolen but busy session can
    do.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.setdefault(LOGIN_TIME_KEY, int(time.time()))
            if time.time() - started > settings.SESSION_ABSOLUTE_AGE:
                logout(request)
                messages.info(
                    request, _("Your session has expired. Please log in again.")
                )
                return redirect(settings.LOGIN_URL)
        return self.get_response(request)
