"""Delegations (考察团) that came to see the stations."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.images import PortalImageField, UploadTo

from .stations import Station


class DelegationVisitQuerySet(models.QuerySet):
    def in_year(self, year: int):
        return self.filter(date__year=year)


class DelegationVisit(models.Model):
    """A delegation (考察团) that came to see the stations."""

    class Level(models.TextChoices):
        NATIONAL = "national", _("National")
        PROVINCE = "province", _("Provincial")
        CITY = "city", _("City")
        DISTRICT = "district", _("District or county")
        OTHER = "other", _("Other")

    date = models.DateField(_("date"))
    visiting_body = models.CharField(_("visiting body"), max_length=200)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    region = models.CharField(_("region"), max_length=100, blank=True)
    stations = models.ManyToManyField(
        Station,
        verbose_name=_("stations visited"),
        related_name="delegation_visits",
        blank=True,
    )
    head_count = models.PositiveSmallIntegerField(
        _("head count"), null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = DelegationVisitQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = _("delegation visit")
        verbose_name_plural = _("delegation visits")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.visiting_body}"


class DelegationVisitPhoto(models.Model):
    visit = models.ForeignKey(
        DelegationVisit,
        verbose_name=_("delegation visit"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = PortalImageField(_("photo"), upload_to=UploadTo("reception/visits"))
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("delegation visit photo")
        verbose_name_plural = _("delegation visit photos")

    def __str__(self):
        return self.caption or self.image.name
