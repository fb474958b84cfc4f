"""Running the due jobs in this process: `manage.py run_scheduled`.

Each job's task is called as a plain function (no broker, no worker), which is
what Celery beat's message would make a worker do. The tasks are idempotent: a
second run finds nothing left to do.
"""

import datetime
import logging
import time
from collections.abc import Callable

from django.db import close_old_connections
from django.utils import timezone

from ..models import ScheduledRun
from . import records
from .jobs import Job, jobs, seconds_until_due, task_callable

logger = logging.getLogger(__name__)

# The loop looks at the schedule at least this often, so that a run recorded
# by another runner, or by the worker under Celery beat, is seen in time.
MAX_SLEEP_SECONDS = 60.0


def run_job(job: Job, now=None, *, only_if_due: bool = True) -> bool | None:
    """Run one job; whether it succeeded, or None when it was not run.

    Not run: another runner holds it, or (with only_if_due) it is not due.
    """
    if not records.acquire(job, now or timezone.now(), only_if_due=only_if_due):
        return None
    ok, error = False, "Interrupted"
    try:
        task_callable(job.task)(*job.args, **job.kwargs)
        ok, error = True, ""
    except Exception as exc:  # noqa: BLE001 - recorded, and the next job still runs
        error = records.error_text(exc)
        logger.exception("Scheduled job %s failed", job.name)
    finally:
        records.finish(job.name, ok, error, now or timezone.now())
    return ok


def run_due(now=None, should_stop: Callable[[], bool] = lambda: False) -> dict:
    """Run every job that is due, one after the other; {name: succeeded}."""
    outcomes = {}
    for job in jobs():
        if should_stop():
            break
        outcome = run_job(job, now)
        if outcome is not None:
            outcomes[job.name] = outcome
    return outcomes


def seconds_to_next(now=None) -> float:
    """Seconds until the next job is due (or its runner's lock runs out)."""
    now = now or timezone.now()
    rows = {row.name: row for row in ScheduledRun.objects.all()}
    waits = []
    for job in jobs():
        row = rows.get(job.name)
        if row and row.locked_until and row.locked_until > now:
            waits.append((row.locked_until - now).total_seconds())
        else:
            waits.append(seconds_until_due(job, row and row.last_started, now))
    return min(waits, default=MAX_SLEEP_SECONDS)


def _pause(seconds: float, should_stop, sleep) -> None:
    """Sleep in steps of a second, so that a stop request is heard quickly."""
    deadline = time.monotonic() + seconds
    while not should_stop():
        left = deadline - time.monotonic()
        if left <= 0:
            return
        sleep(min(left, 1.0))


def run_forever(should_stop: Callable[[], bool], sleep=None) -> None:
    """Run the due jobs, sleep until the next is due, until asked to stop."""
    sleep = sleep or time.sleep
    while not should_stop():
        close_old_connections()
        try:
            run_due(should_stop=should_stop)
            wait = seconds_to_next()
        except Exception:  # noqa: BLE001 - the database is away, say: try later
            logger.exception("Scheduled jobs could not be run")
            wait = MAX_SLEEP_SECONDS
        close_old_connections()
        _pause(min(max(wait, 1.0), MAX_SLEEP_SECONDS), should_stop, sleep)


def last_runs() -> dict[str, ScheduledRun]:
    return {row.name: row for row in ScheduledRun.objects.all()}


def describe_time(moment: datetime.datetime | None) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S") if moment else ""
