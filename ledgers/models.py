"""The log of ledger imports: each sheet checked, and whether it was imported."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LedgerImport(models.Model):
    """One sheet a member of staff uploaded, previewed and perhaps imported.

    The file is kept only between the preview and the confirmation (it may hold
    residents' personal data); once imported or abandoned only its fingerprint
    and counts remain.
    """

    class Kind(models.TextChoices):
        SESSIONS = "sessions", _("Reception sessions")
        ACTIVITIES = "activities", _("Duty activities with attendance")
        SUGGESTIONS = "suggestions", _("Suggestions with replies")
        ARTICLES = "articles", _("Articles with submissions")

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Checked, waiting for confirmation")
        IMPORTED = "imported", _("Imported")

    kind = models.CharField(_("ledger"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PREVIEWED
    )
    file_name = models.CharField(_("file name"), max_length=200)
    fingerprint = models.CharField(
        _("fingerprint"),
        max_length=64,
        db_index=True,
        help_text=_("SHA-256 of the file, to recognise the same file uploaded again."),
    )
    content = models.BinaryField(_("file"), blank=True, editable=False)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created_count = models.PositiveIntegerField(_("records added"), default=0)
    skipped_count = models.PositiveIntegerField(_("rows already on record"), default=0)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("ledger import")
        verbose_name_plural = _("ledger imports")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.file_name}"
