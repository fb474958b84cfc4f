"""The timeline of a suggestion: each step, public or internal."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .append_only import AppendOnlyModel
from .suggestion import Suggestion


class TimelineEntry(AppendOnlyModel):
    """One step in the life of a suggestion; the public ones show on /track/."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Received")
        TRANSITION = "transition", _("Status change")
        FOLLOW_UP = "follow_up", _("Follow-up")
        ASSIGNMENT = "assignment", _("Assignment")
        ESCALATION = "escalation", _("Escalation")
        RATING = "rating", _("Rating")

    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.PROTECT,
        related_name="timeline",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    # PROTECT: an account that acted is deactivated, never deleted, so that the
    # append-only row is not rewritten (the database refuses any UPDATE).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(
        _("who (as shown)"),
        max_length=100,
        blank=True,
        help_text=_("A role or office, never a resident's name."),
    )
    from_status = models.CharField(
        _("from status"), max_length=20, choices=Suggestion.Status.choices, blank=True
    )
    to_status = models.CharField(
        _("to status"), max_length=20, choices=Suggestion.Status.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    public = models.BooleanField(
        _("public"), default=True, help_text=_("Shown on the tracking page.")
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        # "Followed up" and the report's counts look entries up by kind.
        indexes = [models.Index(fields=["suggestion", "kind"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d}"
