"""Health of the parts the portal depends on: database, cache, broker, media,
and whether the scheduled jobs have run on time."""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

from .scheduling.status import job_states

logger = logging.getLogger(__name__)


def check_database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def check_cache() -> bool:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    ok = cache.get(key) == "ok"
    cache.delete(key)
    return ok


def check_broker() -> bool:
    """The Celery broker answers; with no broker configured tasks run inline."""
    if not settings.REDIS_URL:
        return True
    from celery import current_app as app

    with app.connection_for_write(settings.REDIS_URL) as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
        return conn.connected


def check_media() -> bool:
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as fh:
            return fh.read() == b"ok"
    finally:
        default_storage.delete(name)


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "media": check_media,
}


def run_checks() -> dict[str, str]:
    """Run every check; a part that raises or answers wrongly is 'down'."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "down"
        except Exception as exc:  # noqa: BLE001 - any failure means the part is down
            logger.warning("health check %s failed: %s", name, type(exc).__name__)
            results[name] = "down"
    return results


def scheduled_states() -> tuple[dict[str, dict], bool]:
    """Each scheduled job's last run, and whether none of them is overdue."""
    try:
        states = job_states()
    except Exception as exc:  # noqa: BLE001 - no record readable: not on time
        logger.warning("health check scheduled failed: %s", type(exc).__name__)
        return {}, False
    return states, not any(state["overdue"] for state in states.values())


def report(*, jobs_count: bool = True) -> tuple[dict, int]:
    """The body and status of /healthz: 503 when a part is down or a job overdue.

    With `jobs_count` False (`/healthz?scope=host`, for a load balancer) the jobs
    are still listed but only the host's own parts decide the status: a stopped
    scheduler is not a reason to take every web host out of service.
    """
    checks = run_checks()
    scheduled, on_time = scheduled_states()
    healthy = (on_time or not jobs_count) and all(
        state == "ok" for state in checks.values()
    )
    body = {
        "status": "ok" if healthy else "degraded",
        "checks": checks,
        "scheduled": scheduled,
    }
    return body, 200 if healthy else 503
