"""The jobs of settings.CELERY_BEAT_SCHEDULE, and when each is due or overdue.

The schedule is read from the settings every time, never copied: an entry's
"schedule" is a number of seconds, a timedelta or a Celery schedule (crontab,
solar), and Celery's own schedule objects decide when it is due.
"""

import copy
import datetime
from dataclasses import dataclass, field

from celery import current_app
from celery.schedules import BaseSchedule
from celery.schedules import schedule as every
from celery.utils.imports import symbol_by_name
from django.conf import settings
from django.utils.translation import gettext as _

# A job is overdue once two of its runs have been missed and this much more
# time has passed (settings.SCHEDULED_JOBS_GRACE_SECONDS overrides it).
DEFAULT_GRACE_SECONDS = 3600


@dataclass(frozen=True)
class Job:
    name: str
    task: str
    spec: object
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


def jobs() -> list[Job]:
    """Every entry of CELERY_BEAT_SCHEDULE, in the order of the settings."""
    return [
        Job(
            name=name,
            task=entry["task"],
            spec=entry["schedule"],
            args=tuple(entry.get("args", ())),
            kwargs=dict(entry.get("kwargs", {})),
        )
        for name, entry in settings.CELERY_BEAT_SCHEDULE.items()
    ]


def job_named(name: str) -> Job | None:
    return next((job for job in jobs() if job.name == name), None)


def jobs_of_task(task_name: str) -> list[str]:
    """The names of the jobs that run the task `task_name`."""
    return [job.name for job in jobs() if job.task == task_name]


def grace() -> datetime.timedelta:
    seconds = getattr(settings, "SCHEDULED_JOBS_GRACE_SECONDS", DEFAULT_GRACE_SECONDS)
    return datetime.timedelta(seconds=seconds)


def celery_schedule(job: Job, now: datetime.datetime) -> BaseSchedule:
    """The job's Celery schedule object, with its clock set to `now`."""
    spec = job.spec
    if isinstance(spec, BaseSchedule):
        schedule = copy.copy(spec)
        schedule.nowfun = lambda: now
        return schedule
    if isinstance(spec, int | float):
        spec = datetime.timedelta(seconds=spec)
    return every(spec, nowfun=lambda: now, app=current_app)


def is_due(job: Job, last_run: datetime.datetime | None, now) -> bool:
    """A job never run is due at once; then as Celery beat would send it."""
    if last_run is None:
        return True
    return bool(celery_schedule(job, now).is_due(last_run).is_due)


def seconds_until_due(job: Job, last_run: datetime.datetime | None, now) -> float:
    if last_run is None:
        return 0.0
    remaining = celery_schedule(job, now).remaining_estimate(last_run)
    return max(remaining.total_seconds(), 0.0)


def next_run_after(job: Job, moment: datetime.datetime) -> datetime.datetime:
    """When the job is next due after a run at `moment`."""
    return moment + celery_schedule(job, moment).remaining_estimate(moment)


def overdue_from(job: Job, since: datetime.datetime) -> datetime.datetime:
    """When a job last done at `since` is overdue: two runs missed, plus grace."""
    return next_run_after(job, next_run_after(job, since)) + grace()


def describe(job: Job) -> str:
    """The schedule in words, for `run_scheduled --list`."""
    spec = job.spec
    if isinstance(spec, BaseSchedule) and not isinstance(spec, every):
        return str(spec)
    if isinstance(spec, every):
        spec = spec.run_every
    seconds = int(
        spec.total_seconds() if isinstance(spec, datetime.timedelta) else spec
    )
    if seconds and seconds % 3600 == 0:
        return _("every %(count)d h") % {"count": seconds // 3600}
    if seconds and seconds % 60 == 0:
        return _("every %(count)d min") % {"count": seconds // 60}
    return _("every %(count)d s") % {"count": seconds}


def task_callable(task_name: str):
    """The registered Celery task of that name, found through the Celery app.

    The task modules are the apps' own (core imports none of them): the app
    imports them by autodiscovery, or the dotted name is imported as a last resort.
    """
    app = current_app
    if task_name not in app.tasks:
        app.loader.import_default_modules()
    try:
        return app.tasks[task_name]
    except KeyError:
        return symbol_by_name(task_name)
