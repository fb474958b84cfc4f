"""The audit trail: who did what, when and from where.

Logins and logouts, failed logins, exports, reveals of personal data,
second-factor events, and every record created, changed or deleted in the
admin (mirrored from Django's LogEntry) or in the deputy workspace. A change
names the record by its type and primary key and lists the names of the fields
changed, never their values. Rows are never edited; `prune_audit` deletes those
older than AUDIT_RETENTION_DAYS.
"""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
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
        CREATE = "create", _("Record created")
        CHANGE = "change", _("Record changed")
        DELETE = "delete", _("Record deleted")

    # The actions on records, as against logins, exports and the like.
    RECORD_ACTIONS = (Action.CREATE, Action.CHANGE, Action.DELETE)
    # `detail` of a record action starts with this, then the field names.
    FIELDS_PREFIX = "fields: "

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
    record_type = models.CharField(
        _("kind of record"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("For a record created, changed or deleted: app.model."),
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

    def _model(self):
        try:
            return apps.get_model(self.record_type)
        except (LookupError, ValueError):
            return None

    @property
    def record_pk(self) -> str:
        """The primary key of the record concerned ("" for other events)."""
        prefix = f"{self.record_type}:"
        if self.record_type and self.target.startswith(prefix):
            return self.target[len(prefix) :]
        return ""

    @property
    def record_label(self) -> str:
        """The kind of record and its number, e.g. "reception session #12".

        Built from the model's name, never from the record itself, so it holds
        no personal data.
        """
        model = self._model()
        kind = model._meta.verbose_name if model is not None else self.record_type
        return f"{kind} #{self.record_pk}" if self.record_pk else str(kind)

    @property
    def changed_fields(self) -> list[str]:
        """The names of the fields a record action changed."""
        if not self.detail.startswith(self.FIELDS_PREFIX):
            return []
        names = self.detail[len(self.FIELDS_PREFIX) :].split(",")
        return [name.strip() for name in names if name.strip()]

    @property
    def changed_field_labels(self) -> list[str]:
        """The changed fields as the forms name them, where the model knows them."""
        model = self._model()
        labels = []
        for name in self.changed_fields:
            try:
                field = model._meta.get_field(name) if model is not None else None
            except FieldDoesNotExist:  # a form-only field, such as photos
                field = None
            labels.append(str(getattr(field, "verbose_name", name)))
        return labels
