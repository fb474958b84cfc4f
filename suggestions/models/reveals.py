"""The log of who saw a resident's full contact details."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .append_only import AppendOnlyModel
from .suggestion import Suggestion


class PersonalDataReveal(AppendOnlyModel):
    """Who saw a resident's full contact details, and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.PROTECT,
        related_name="reveals",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    purpose = models.CharField(_("purpose"), max_length=20)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("personal data reveal")
        verbose_name_plural = _("personal data reveals")

    def __str__(self):
        return f"{self.user} {self.at:%Y-%m-%d %H:%M}"
