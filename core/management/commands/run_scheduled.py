import signal

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from core.scheduling import jobs, runner


class Command(BaseCommand):
    help = (
        "Run the jobs of CELERY_BEAT_SCHEDULE where no Celery beat runs: in a loop "
        "(default), the due ones once (--once, for cron), or one now (--job NAME)."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--once", action="store_true", help="Run the jobs that are due, then exit."
        )
        which.add_argument(
            "--job", metavar="NAME", help="Run this job now, due or not, then exit."
        )
        which.add_argument(
            "--list",
            action="store_true",
            help="Print each job, its schedule and its last run.",
        )

    def handle(self, *args, **options):
        if options["list"]:
            self.list_jobs()
        elif options["job"]:
            self.run_one(options["job"])
        elif options["once"]:
            self.report(runner.run_due())
        else:
            self.loop()

    def list_jobs(self):
        rows = runner.last_runs()
        now = timezone.now()
        for job in jobs.jobs():
            row = rows.get(job.name)
            if row is None or row.last_started is None:
                last = _("never run")
            elif row.last_ok is None:
                last = _("started %(time)s") % {
                    "time": runner.describe_time(row.last_started)
                }
            else:
                last = _("%(time)s, %(result)s") % {
                    "time": runner.describe_time(row.last_started),
                    "result": _("ok")
                    if row.last_ok
                    else _("failed: %(error)s") % {"error": row.last_error},
                }
            wait = jobs.seconds_until_due(job, row and row.last_started, now)
            due = _("due now") if wait == 0 else _("due in %(s)d s") % {"s": wait}
            self.stdout.write(
                f"{job.name}\t{job.task}\t{jobs.describe(job)}\t{last}\t{due}"
            )

    def run_one(self, name):
        job = jobs.job_named(name)
        if job is None:
            raise CommandError(
                _("No scheduled job is named %(name)s (see run_scheduled --list).")
                % {"name": name}
            )
        outcome = runner.run_job(job, only_if_due=False)
        if outcome is None:
            self.stderr.write(
                _("%(name)s is being run by another runner; not started.")
                % {"name": name}
            )
            return
        self.report({name: outcome})

    def report(self, outcomes):
        for name, ok in outcomes.items():
            if ok:
                self.stdout.write(_("%(name)s: done") % {"name": name})
            else:
                self.stderr.write(_("%(name)s: failed") % {"name": name})
        failed = sorted(name for name, ok in outcomes.items() if not ok)
        if failed:
            raise CommandError(
                _("Scheduled jobs failed: %(names)s") % {"names": ", ".join(failed)}
            )

    def loop(self):
        stopping = []

        def stop(signum, frame):
            stopping.append(signum)

        previous = {
            signum: signal.signal(signum, stop)
            for signum in (signal.SIGTERM, signal.SIGINT)
        }
        self.stdout.write(_("Running the scheduled jobs; stop with SIGTERM or Ctrl-C."))
        try:
            runner.run_forever(lambda: bool(stopping))
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        self.stdout.write(_("Scheduled jobs stopped."))
