import os
import socket

from celery import shared_task
from django.core.cache import cache
from django.utils import timezone

from .health import run_checks

WORKER_HEARTBEAT_KEY = "health:worker-heartbeat"


@shared_task(name="core.tasks.health_self_check", ignore_result=False)
def health_self_check() -> dict:
    """Check the services from inside a worker and leave a heartbeat for /healthz."""
    results = run_checks()
    report = {
        "checks": results,
        "worker": socket.gethostname(),
        "pid": os.getpid(),
        "at": timezone.now().isoformat(),
    }
    cache.set(WORKER_HEARTBEAT_KEY, report["at"], timeout=24 * 3600)
    return report
