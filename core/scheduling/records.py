"""The record of each scheduled job's runs, and the lock on a job being run.

`run_scheduled` takes the lock by a conditional UPDATE of the job's row, so that
two runners (two hosts, or cron beside the loop) never run one job at once and
a job run by one is not due any more for the other. When Celery beat sends the
task instead, the worker's task_prerun/task_postrun signals write the same row.
"""

import datetime
import logging
import sys

from celery import states
from celery.signals import task_postrun, task_prerun
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import ScheduledRun
from .jobs import Job, is_due, jobs_of_task

logger = logging.getLogger(__name__)

# A runner that died in a job (killed, machine lost) holds its lock this long.
LOCK_SECONDS = 3600
ERROR_LENGTH = ScheduledRun._meta.get_field("last_error").max_length


def error_text(exc: BaseException) -> str:
    """The exception's class name: its message may quote personal data."""
    return type(exc).__name__[:ERROR_LENGTH]


def row_for(name: str) -> ScheduledRun:
    row, _ = ScheduledRun.objects.get_or_create(name=name)
    return row


def acquire(job: Job, now: datetime.datetime, *, only_if_due: bool = True) -> bool:
    """Mark the job started and lock it; False if another runner holds it.

    With only_if_due, also False when it is not due, or when another runner
    started it after this one read its row.
    """
    row = row_for(job.name)
    if only_if_due and not is_due(job, row.last_started, now):
        return False
    rows = ScheduledRun.objects.filter(pk=row.pk).filter(
        Q(locked_until__isnull=True) | Q(locked_until__lte=now)
    )
    if only_if_due:
        rows = rows.filter(
            Q(last_started=row.last_started)
            if row.last_started
            else Q(last_started__isnull=True)
        )
    locked = now + datetime.timedelta(seconds=LOCK_SECONDS)
    return rows.update(last_started=now, locked_until=locked) == 1


def finish(name: str, ok: bool, error: str, at, *, release: bool = True) -> None:
    """Record how the run ended (and, by default, release the lock)."""
    fields = {
        "last_finished": at,
        "last_ok": ok,
        "last_error": "" if ok else error[:ERROR_LENGTH],
    }
    if ok:
        fields["last_succeeded"] = at
    if release:
        fields["locked_until"] = None
    ScheduledRun.objects.filter(name=name).update(**fields)


def _quietly(record, *args, **kwargs) -> None:
    """A record that cannot be written never breaks the task that ran."""
    try:
        with transaction.atomic():
            record(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the task matters more than its record
        logger.warning("Scheduled run not recorded: %s", type(exc).__name__)


def _started(names: list[str], at) -> None:
    for name in names:
        row_for(name)
    ScheduledRun.objects.filter(name__in=names).update(last_started=at)


def _finished(names: list[str], ok: bool, error: str, at) -> None:
    for name in names:
        finish(name, ok, error, at, release=False)


def task_started(sender=None, task=None, **kwargs) -> None:
    """task_prerun: a task of the beat schedule has started (Celery beat's run)."""
    names = jobs_of_task(getattr(task, "name", ""))
    if names:
        _quietly(_started, names, timezone.now())


def task_finished(sender=None, task=None, state=None, retval=None, **kwargs) -> None:
    """task_postrun: record whether the scheduled task succeeded."""
    names = jobs_of_task(getattr(task, "name", ""))
    if not names:
        return
    ok = state == states.SUCCESS
    error = ""
    if not ok:
        # An eager task that propagates its error (task_eager_propagates) sends
        # task_postrun with no state while that error is being raised.
        failure = retval if isinstance(retval, BaseException) else sys.exc_info()[1]
        error = error_text(failure) if failure else str(state)
    _quietly(_finished, names, ok, error, timezone.now())


def connect_signals() -> None:
    task_prerun.connect(task_started, weak=False, dispatch_uid="core-scheduled-start")
    task_postrun.connect(task_finished, weak=False, dispatch_uid="core-scheduled-end")
