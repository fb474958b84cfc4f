"""The outbox of notices to residents: one row per public status change.

A row names the item and the status it moved to, never an address: delivery
reads the phone or e-mail from the item when it sends, so that erasing the
item's personal data leaves nothing to send to.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .suggestion import Suggestion
from .timeline import TimelineEntry


class ResidentNoticeQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(sent_at__isnull=True, given_up_at__isnull=True)


class ResidentNotice(models.Model):
    """A notice of a status change to the resident who asked for one."""

    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.CASCADE,
        related_name="resident_notices",
    )
    # One notice per status change at most: the change is its timeline entry.
    timeline_entry = models.OneToOneField(
        TimelineEntry,
        verbose_name=_("status change"),
        on_delete=models.CASCADE,
        related_name="resident_notice",
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=Suggestion.NoticeChannel.choices[1:]
    )
    status = models.CharField(
        _("new status"), max_length=20, choices=Suggestion.Status.choices
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)
    given_up_at = models.DateTimeField(
        _("not sent, given up at"), null=True, blank=True
    )
    # Why it was not sent, in words that never carry the address.
    last_error = models.CharField(_("last error"), max_length=200, blank=True)

    objects = ResidentNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notice to a resident")
        verbose_name_plural = _("notices to residents")
        indexes = [models.Index(fields=["sent_at", "given_up_at"])]

    def __str__(self):
        return f"{self.suggestion.tracking_code} {self.get_status_display()}"
