"""The answers given to a suggestion, and the resident's rating of them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .suggestion import Suggestion


class Reply(models.Model):
    """An answer to the suggestion: who answered, when, how and what."""

    class Channel(models.TextChoices):
        WRITTEN = "written", _("Written reply")
        PHONE = "phone", _("Phone")
        VISIT = "visit", _("Visit in person")
        MEETING = "meeting", _("Meeting")
        ONLINE = "online", _("Online")

    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.PROTECT,
        related_name="replies",
    )
    responder = models.CharField(
        _("answered by"),
        max_length=100,
        help_text=_("The unit or office that answered."),
    )
    answered_on = models.DateField(_("answered on"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    text = models.TextField(_("reply"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["answered_on", "pk"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self):
        return f"{self.responder} {self.answered_on}"


class Rating(models.Model):
    """The resident's satisfaction with one reply."""

    class Score(models.TextChoices):
        SATISFIED = "satisfied", _("Satisfied")
        BASICALLY = "basically", _("Basically satisfied")
        UNSATISFIED = "unsatisfied", _("Not satisfied")

    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.PROTECT,
        related_name="ratings",
    )
    reply = models.OneToOneField(
        Reply,
        verbose_name=_("reply"),
        on_delete=models.PROTECT,
        related_name="rating",
    )
    score = models.CharField(_("rating"), max_length=20, choices=Score.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("rated at"), default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")

    def __str__(self):
        return self.get_score_display()
