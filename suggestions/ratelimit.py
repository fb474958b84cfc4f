"""A small fixed-window counter in the cache, fail-open.

When the cache (Redis) is down the public form must keep working: the limit is
then skipped with a warning in the log rather than refusing every resident.
Keys are HMAC digests, so neither addresses nor phone numbers sit in the cache.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)

# name: (requests allowed, window in seconds); overridable in settings.
DEFAULT_LIMITS = {
    "submit-ip": (5, 3600),
    "submit-phone": (3, 24 * 3600),
    "track-ip": (20, 600),
    "rate-ip": (10, 3600),
    "notice-stop-ip": (20, 600),
    # Wrong phone digits per tracking code (suggestions.tracking), a day.
    "track-code": (10, 24 * 3600),
}


def limit_for(name: str) -> tuple[int, int]:
    return {**DEFAULT_LIMITS, **getattr(settings, "SUGGESTIONS_RATE_LIMITS", {})}[name]


def client_address(request) -> str:
    # REMOTE_ADDR is the peer the web server saw; a proxy in front must set it
    # from X-Forwarded-For itself, since the header is forgeable by clients.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(name: str, value: str) -> str:
    digest = salted_hmac("suggestions.ratelimit", value).hexdigest()[:32]
    return f"rl:{name}:{digest}"


def hit(name: str, value: str) -> bool:
    """Count one request; True while the caller is within the limit."""
    allowed, window = limit_for(name)
    key = _key(name, value)
    try:
        count = 1 if cache.add(key, 1, timeout=window) else cache.incr(key)
    except Exception:
        logger.warning("Rate limit %s skipped: the cache is unreachable", name)
        return True
    return count <= allowed


def reached(name: str, value: str) -> bool:
    """True once as many requests as allowed were counted (without counting)."""
    allowed, _window = limit_for(name)
    try:
        count = cache.get(_key(name, value), 0)
    except Exception:
        logger.warning("Rate limit %s skipped: the cache is unreachable", name)
        return False
    return count >= allowed
