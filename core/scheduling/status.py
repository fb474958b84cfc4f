"""Whether each scheduled job has run on time, for /healthz.

A job is overdue once two of its runs have been missed and the grace period has
passed too (jobs.overdue_from), counted from its last successful run; a job
that has only ever failed counts from when it was first started. A job with no
record at all counts from the oldest start recorded for any job or, before any
job has run, from when the portal was installed (core's first migration), so a
fresh install is not overdue before a runner has had the time to run anything.
"""

from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from ..models import ScheduledRun
from .jobs import jobs, overdue_from


def installed_at():
    """When core's first migration was applied, or None if unknown."""
    recorder = MigrationRecorder(connection)
    return (
        recorder.migration_qs.filter(app="core")
        .order_by("applied")
        .values_list("applied", flat=True)
        .first()
    )


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def job_states(now=None) -> dict[str, dict]:
    """{job: {last_run, last_ok, last_success, overdue}} for every beat job."""
    now = now or timezone.now()
    schedule = jobs()
    rows = {
        row.name: row
        for row in ScheduledRun.objects.filter(name__in=[job.name for job in schedule])
    }
    starts = [row.last_started for row in rows.values() if row.last_started]
    baseline = min(starts, default=None) or installed_at() or now
    states = {}
    for job in schedule:
        row = rows.get(job.name)
        since = (row.last_succeeded or row.created) if row else baseline
        states[job.name] = {
            "last_run": _iso(row and row.last_started),
            "last_ok": row.last_ok if row else None,
            "last_success": _iso(row and row.last_succeeded),
            "overdue": now > overdue_from(job, since),
        }
    return states
