"""Requests to city-level deputies for help, and what came of them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from deputies.models import Deputy

from .append_only import AppendOnlyModel
from .suggestion import Suggestion


class Escalation(models.Model):
    """A request to a city-level deputy for help (向市代表借力)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Under way")
        PARTLY = "partly", _("Partly resolved")
        RESOLVED = "resolved", _("Resolved")

    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.PROTECT,
        related_name="escalations",
    )
    city_deputy = models.ForeignKey(
        Deputy,
        verbose_name=_("city-level deputy"),
        on_delete=models.PROTECT,
        related_name="escalations",
        limit_choices_to={"level__in": ["city", "province", "national"]},
    )
    escalated_on = models.DateField(_("escalated on"))
    request = models.TextField(_("what was asked"))
    status = models.CharField(
        _("progress"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["escalated_on", "pk"]
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")

    def __str__(self):
        return f"{self.city_deputy} {self.escalated_on}"


class EscalationFollowUp(AppendOnlyModel):
    escalation = models.ForeignKey(
        Escalation,
        verbose_name=_("escalation"),
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )
    on = models.DateField(_("date"))
    text = models.TextField(_("what happened"))
    public = models.BooleanField(_("public"), default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("escalation follow-up")
        verbose_name_plural = _("escalation follow-ups")

    def __str__(self):
        return f"{self.on}"
