"""Cached public pages: what anonymous visitors see, kept until its data changes.

Public pages change rarely and are read often. Their content (never the page
frame, which holds the visitor's CSRF token and login links) is cached per
language and full path, under a version token per app: saving or deleting any
row of an app gives that app a new token, so every fragment that shows it is
rebuilt on its next request. Logged-in users are never served, and never fill,
these fragments. When the cache is unreachable pages are rendered as usual.
"""

import hashlib
import logging
import uuid
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

# The apps whose rows appear on public pages and in the dashboards' figures.
PUBLIC_APPS = ("deputies", "reception", "publicity", "suggestions", "workplan")
WATCHED_APPS = (*PUBLIC_APPS, "report")
VERSION_KEY = "pagecache:version:{}"


def _new_token() -> str:
    return uuid.uuid4().hex[:12]


def versions(app_labels) -> str:
    """The current version tokens of these apps (or "app.model"s), joined."""
    keys = [VERSION_KEY.format(label) for label in app_labels]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # add() keeps a token another process set in between.
            cache.add(key, _new_token(), timeout=None)
            found[key] = cache.get(key)
    return ".".join(str(found[key]) for key in keys)


def bump(app_label: str) -> None:
    """A row of this app changed: every fragment that shows it is out of date."""
    try:
        cache.set(VERSION_KEY.format(app_label), _new_token(), timeout=None)
    except Exception:
        logger.warning("Page cache version of %s not bumped", app_label)


def fragment_key(name: str, app_labels, request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"pagecache:{name}:{get_language()}:{path}:{versions(app_labels)}"


def cached_fragment(name: str, app_labels, request, render) -> str:
    """`render()` for anonymous visitors, from the cache when up to date."""
    user = getattr(request, "user", None)
    timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
    if user is None or user.is_authenticated or not timeout:
        return render()
    try:
        key = fragment_key(name, app_labels, request)
        html = cache.get(key)
    except Exception:
        logger.warning("Page cache unreachable; rendering %s", name)
        return render()
    if html is None:
        html = render()
        try:
            cache.set(key, html, timeout=timeout)
        except Exception:
            logger.warning("Page cache unreachable; %s not stored", name)
    return html


def cached_data(name: str, parts, compute, app_labels=WATCHED_APPS):
    """`compute()`, kept until a row of these apps changes or the day ends.

    For figures that take seconds at scale (the dashboards). `parts` name what
    the figures depend on (year, community, deputy); the view checks access
    before asking, so the cache never decides who sees what.
    """
    timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
    if not timeout:
        return compute()
    try:
        day = timezone.localdate().isoformat()
        what = "-".join(str(part) for part in parts)
        key = f"pagecache:data:{name}:{get_language()}:{day}:{what}:"
        key += versions(app_labels)
        value = cache.get(key)
    except Exception:
        logger.warning("Page cache unreachable; computing %s", name)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout=timeout)
        except Exception:
            logger.warning("Page cache unreachable; %s not stored", name)
    return value


def _changed(sender, **kwargs):
    label = sender._meta.app_label
    if label in WATCHED_APPS:
        bump(label)
        # A token of the model too, for parts that show one model of a busy app
        # (the public form's categories): "suggestions.category".
        bump(f"{label}.{sender._meta.model_name}")


def connect_signals() -> None:
    signals = {"save": post_save, "delete": post_delete, "m2m": m2m_changed}
    for name, signal in signals.items():
        signal.connect(_changed, dispatch_uid=f"pagecache-{name}")


def _may_use_page_cache(request) -> bool:
    """Only a plain GET or HEAD of an anonymous visitor with no message waiting."""
    user = getattr(request, "user", None)
    return bool(
        settings.PUBLIC_PAGE_CACHE_SECONDS
        and request.method in ("GET", "HEAD")
        and user is not None
        and not user.is_authenticated
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _page_key(name: str, request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"pagecache:page:{name}:{get_language()}:{path}"


def _stored_response(found: dict, key: str, version_keys) -> HttpResponse | None:
    """The stored page, when it was built under the apps' current tokens."""
    stored = found.get(key)
    if stored is not None and all(k in found for k in version_keys):
        current = ".".join(str(found[k]) for k in version_keys)
        if stored[0] == current:
            response = HttpResponse(stored[1], content_type=stored[2])
            response["X-Page-Cache"] = "hit"
            return response
    return None


def _store_page(request, response, key: str, current: str, name: str) -> None:
    """Keep a complete page that set no cookie and used no CSRF token."""
    if getattr(response, "is_rendered", True) is False:
        # A class-based view's TemplateResponse renders after the
        # view returns; render it here, so what it used is known.
        response.render()
    if (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    ):
        stored = (current, response.content, response["Content-Type"])
        try:
            cache.set(key, stored, settings.PUBLIC_PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("Page cache unreachable; %s not stored", name)


def public_page(name: str, app_labels=PUBLIC_APPS):
    """Cache a public read page whole, for anonymous visitors.

    A hit costs one round trip to the cache (the page and its apps' version
    tokens in one read) and no database query. Only a plain GET of an
    anonymous visitor with no message waiting is served or stored, and a page
    is stored only when rendering it set no cookie and used no CSRF token, so
    nothing of one visitor can reach another. Security headers are added by
    the middleware on every response, hit or not. The view runs outside a
    transaction: it only reads.
    """
    version_keys = [VERSION_KEY.format(label) for label in app_labels]

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _may_use_page_cache(request):
                return view(request, *args, **kwargs)
            key = _page_key(name, request)
            try:
                found = cache.get_many([key, *version_keys])
                response = _stored_response(found, key, version_keys)
                if response is not None:
                    return response
                # Read before rendering: a change made meanwhile leaves the
                # stored copy behind the tokens, so the next visitor rebuilds.
                current = versions(app_labels)
            except Exception:
                logger.warning("Page cache unreachable; rendering %s", name)
                return view(request, *args, **kwargs)
            response = view(request, *args, **kwargs)
            _store_page(request, response, key, current, name)
            return response

        return transaction.non_atomic_requests(wrapper)

    return decorator
