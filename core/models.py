from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    """When one job of CELERY_BEAT_SCHEDULE last ran, and how it ended.

    Written by `manage.py run_scheduled` and, when Celery beat sends the task,
    by the worker that runs it (core/scheduling/records.py); read by /healthz.
    """

    name = models.CharField(_("job"), max_length=100, unique=True)
    created = models.DateTimeField(_("first scheduled"), auto_now_add=True)
    last_started = models.DateTimeField(_("last started"), null=True, blank=True)
    last_finished = models.DateTimeField(_("last finished"), null=True, blank=True)
    last_ok = models.BooleanField(_("last run succeeded"), null=True, blank=True)
    last_succeeded = models.DateTimeField(
        _("last successful run"), null=True, blank=True
    )
    # The exception's class name only: its message may quote personal data.
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    # Held by the runner that is running the job, so that no other starts it.
    locked_until = models.DateTimeField(_("locked until"), null=True, blank=True)

    class Meta:
        verbose_name = _("scheduled job run")
        verbose_name_plural = _("scheduled job runs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
