"""An Excel export asked for by a member of staff, built by a task."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.storage import ExportStorage


def private_storage():
    # The bucket's private folder when media are on S3, else EXPORTS_ROOT.
    return ExportStorage()


class ExportQuerySet(models.QuerySet):
    def for_user(self, user):
        if user.is_superuser:
            return self
        return self.filter(user=user)


class Export(models.Model):
    class Register(models.TextChoices):
        DEPUTIES = "deputies", _("Deputies")
        ACTIVITIES = "activities", _("Duty activities with attendance")
        STATIONS = "stations", _("Reception stations and checklists")
        SESSIONS = "sessions", _("Reception sessions")
        SUGGESTIONS = "suggestions", _("Suggestions with their timeline")
        ARTICLES = "articles", _("Articles and submissions")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.CASCADE,
        related_name="exports",
    )
    register = models.CharField(_("register"), max_length=20, choices=Register.choices)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        help_text=_("Leave empty for every year."),
    )
    include_personal = models.BooleanField(
        _("include personal data"),
        default=False,
        help_text=_(
            "Unmasked names, phones and addresses, only with the permission. "
            "The request is recorded in the audit trail."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to="%Y/%m", blank=True
    )
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = ExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Excel export")
        verbose_name_plural = _("Excel exports")

    def __str__(self):
        return f"{self.get_register_display()} {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return reverse("exports:download", args=[self.pk])

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.DONE and bool(self.file)

    def filename(self) -> str:
        stamp = timezone.localtime(self.created_at).strftime("%Y%m%d-%H%M")
        year = f"-{self.year}" if self.year else ""
        return f"ziyang-{self.register}{year}-{stamp}.xlsx"
