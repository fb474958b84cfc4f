"""Tokens of the channels allowed to submit through the API.

A token of its own rather than DRF's authtoken: the WeChat channel is a
system, not a person with a login, and only a SHA-256 digest of the secret is
stored, so a copy of the database does not let anyone submit as the channel.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREFIX_LENGTH = 8


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def matching(self, secret: str):
        """The active token with this secret, or None (lookup by digest)."""
        if not secret or len(secret) > 200:
            return None
        return self.active().filter(key_digest=digest(secret)).first()


class ApiToken(models.Model):
    class Channel(models.TextChoices):
        WECHAT = "wechat", _("Ziyang Weilinli WeChat: Deputies' Express")

    name = models.CharField(_("name"), max_length=100)
    channel = models.CharField(
        _("submission channel"),
        max_length=20,
        choices=Channel.choices,
        default=Channel.WECHAT,
    )
    prefix = models.CharField(
        _("prefix"),
        max_length=PREFIX_LENGTH,
        editable=False,
        help_text=_("The first characters of the token, to tell tokens apart."),
    )
    key_digest = models.CharField(
        _("digest"), max_length=64, unique=True, editable=False
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def set_new_secret(self) -> str:
        """Give the token a fresh secret and return it: it is shown only once."""
        secret = secrets.token_urlsafe(32)
        self.prefix = secret[:PREFIX_LENGTH]
        self.key_digest = digest(secret)
        return secret
