import time
from dataclasses import asdict

from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, transaction
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


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class AtomicWritesMiddleware:
    """Runs every request that may change records in one transaction.

    This is ATOMIC_REQUESTS for the methods that write: a POST that fails half
    way leaves nothing half-saved. A GET, HEAD or OPTIONS request gets no
    transaction: a page that only reads needs none, and opening one would cost
    every such request a trip to the database (its connection check) even when
    the page never queries. What a safe request writes is one row at a time (a
    session, a challenge, an audit line). Views marked
    `transaction.non_atomic_requests` are left alone, as with ATOMIC_REQUESTS.
    Last in MIDDLEWARE, so that every other middleware's process_view runs
    first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        exempt = DEFAULT_DB_ALIAS in getattr(view_func, "_non_atomic_requests", ())
        if request.method in SAFE_METHODS or exempt:
            return None
        with transaction.atomic():
            response = view_func(request, *view_args, **view_kwargs)
            if response is not None and callable(getattr(response, "render", None)):
                # A template response renders inside the transaction too.
                response = response.render()
        return response


class CachedPolicyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the site-wide header built once.

    django-csp rebuilds the Content-Security-Policy header from the settings
    for every response. The portal sets no nonce and no per-view policy, so the
    header is the same for every response: it is built once per process (and
    again when a test changes the settings). A response that carries its own
    policy, or a request that used a nonce, goes through django-csp as usual.
    """

    _header: str | None = None

    def process_response(self, request, response):
        custom = any(
            hasattr(response, attr)
            for attr in ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt")
        )
        if custom or getattr(request, "_csp_nonce", None) is not None:
            return super().process_response(request, response)
        if settings.DEBUG or getattr(
            settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None
        ):
            return super().process_response(request, response)
        header = type(self)._header
        if header is None:
            parts = self.get_policy_parts(request=request, response=response)
            header = type(self)._header = build_policy(**asdict(parts))
        prefixes = _csp_excluded_prefixes()
        excluded = bool(prefixes) and request.path_info.startswith(prefixes)
        if header and not excluded and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = header
        return response


def _csp_excluded_prefixes() -> tuple:
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    return tuple(policy.get("EXCLUDE_URL_PREFIXES", None) or ())


@receiver(setting_changed, dispatch_uid="ziyang-csp-header")
def _forget_csp_header(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY") or setting == "DEBUG":
        CachedPolicyCSPMiddleware._header = None
