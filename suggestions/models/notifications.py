"""In-app notices to staff and deputies, and the outbox of their emails."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .suggestion import Suggestion


class NotificationQuerySet(models.QuerySet):
    def undelivered(self):
        return self.filter(sent_at__isnull=True)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An in-app notice; `sent_at` empty means its email is still in the outbox."""

    class Kind(models.TextChoices):
        NEW = "new", _("New item")
        ASSIGNED = "assigned", _("Assignment")
        OVERDUE = "overdue", _("Overdue")
        REOPENED = "reopened", _("Reopened")
        ESCALATION = "escalation", _("Escalation update")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="suggestion_notifications",
    )
    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    message = models.CharField(_("message"), max_length=300)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("email sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["sent_at"])]

    def __str__(self):
        return self.message
