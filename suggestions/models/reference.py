"""Reference data kept by staff: categories and handling units."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.Model):
    """What a suggestion is about (城建、环境、治安…), kept by staff."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    ordering = models.PositiveSmallIntegerField(_("display order"), default=0)
    active = models.BooleanField(_("offered on the public form"), default=True)

    class Meta:
        ordering = ["ordering", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name


class HandlingUnit(models.Model):
    """A department or body that handles suggestions (承办单位), kept by staff."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    email = models.EmailField(
        _("office email"),
        blank=True,
        help_text=_("The unit's office address, not a person's."),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("handling unit")
        verbose_name_plural = _("handling units")

    def __str__(self):
        return self.name
