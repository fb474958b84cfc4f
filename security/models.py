"""The audit trail: who did what, when and from where.

Changes made in the admin are in Django's own LogEntry; this model keeps what
LogEntry cannot see: logins and logouts, failed logins, exports, reveals of
personal data and second-factor events. Rows are never edited; `prune_audit`
deletes those older than AUDIT_RETENTION_DAYS.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEventQuerySet(models.QuerySet):
    def older_than(self, days: int):
        return self.filter(at__lt=timezone.now() - timedelta(days=days))


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        LOGIN = "login", _("Logged in")
        LOGIN_FAILED = "login_failed", _("Failed login")
        LOGOUT = "logout", _("Logged out")
        EXPORT = "export", _("Export")
        REVEAL = "reveal", _("Personal data revealed")
        TWO_FACTOR_ENROLLED = "2fa_enrolled", _("Second factor set up")
        TWO_FACTOR_VERIFIED = "2fa_verified", _("Second factor verified")
        TWO_FACTOR_FAILED = "2fa_failed", _("Wrong verification code")
        TRACKING_LOCKED = "tracking_locked", _("Tracking code locked")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept apart from the foreign key so the trail survives a deleted account
    # and names the account a failed login tried.
    username = models.CharField(_("user name"), max_length=150, blank=True)
    target = models.CharField(
        _("what"),
        max_length=200,
        blank=True,
        help_text=_("The page, record or file concerned; never personal data."),
    )
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    ip_address = models.GenericIPAddressField(
        _("client address"), null=True, blank=True
    )

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-pk"]
        # Read-only by design: no add, change or delete permission exists.
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or '-'} {self.action}"
