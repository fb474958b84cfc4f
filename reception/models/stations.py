"""Reception stations, when they were in service, and their photos."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ExpressionWrapper, F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.images import PortalImageField, UploadTo
from deputies.models import Community, Deputy

from .standard import checked_between, items_in_force_count, items_met_count


def in_service_on(day: datetime.date) -> Q:
    """Stations in service on `day`: opened by then (or since before the
    records) and not yet retired."""
    return (Q(opened_on__isnull=True) | Q(opened_on__lte=day)) & (
        Q(closed_on__isnull=True) | Q(closed_on__gt=day)
    )


class StationQuerySet(models.QuerySet):
    def community_stations(self):
        return self.filter(kind=Station.Kind.COMMUNITY)

    def in_service_on(self, day: datetime.date):
        return self.filter(in_service_on(day))

    def in_service(self):
        """Stations in service today."""
        return self.in_service_on(timezone.localdate())

    def with_standard(self, day: datetime.date | None = None):
        """Annotate items_met, items_total and meets_standard in one query:
        the items in force, and those the checks in force on `day` (today
        unless given) found met."""
        day = day or timezone.localdate()
        return self.annotate(
            items_met=items_met_count(day),
            items_total=Coalesce(items_in_force_count(), 0),
        ).annotate(
            meets_standard=ExpressionWrapper(
                Q(items_total__gt=0) & Q(items_met__gte=F("items_total")),
                output_field=models.BooleanField(),
            )
        )

    def meeting_standard(self, day: datetime.date | None = None):
        return self.with_standard(day).filter(meets_standard=True)

    def checked_in(self, year: int):
        """Stations with an item in force checked during the year."""
        return self.filter(
            checked_between(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        )

    def upgraded_in(self, year: int):
        return self.filter(upgraded_on__year=year)

    def for_deputy(self, deputy):
        """Venues in service where this deputy may log a session."""
        return (
            self.in_service()
            .filter(Q(deputies=deputy) | Q(open_to_all_deputies=True))
            .distinct()
        )

    def public(self):
        return self.in_service()


class Station(models.Model):
    """A community reception station (接待站) or the street deputy office."""

    class Kind(models.TextChoices):
        COMMUNITY = "station", _("Community reception station")
        STREET_OFFICE = "office", _("Street deputy office")

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.COMMUNITY
    )
    community = models.ForeignKey(
        Community,
        verbose_name=_("community"),
        on_delete=models.PROTECT,
        related_name="stations",
        null=True,
        blank=True,
        help_text=_("Empty for the street deputy office."),
    )
    address = models.CharField(_("address"), max_length=200)
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=200,
        blank=True,
        help_text=_("For example: Monday to Friday 8:30-12:00, 14:30-17:30."),
    )
    reception_days = models.CharField(
        _("regular reception days"),
        max_length=200,
        blank=True,
        help_text=_("When deputies receive voters, e.g. the 15th of every month."),
    )
    contact_name = models.CharField(_("contact staff"), max_length=50, blank=True)
    contact_phone = models.CharField(
        _("station phone"),
        max_length=30,
        blank=True,
        help_text=_("The station's office phone; shown on the public page."),
    )
    description = models.TextField(_("introduction"), blank=True)
    upgraded_on = models.DateField(
        _("upgraded on"),
        null=True,
        blank=True,
        help_text=_("Date the upgrade (提档升级) was completed."),
    )
    deputies = models.ManyToManyField(
        Deputy,
        verbose_name=_("assigned deputies"),
        related_name="stations",
        blank=True,
    )
    open_to_all_deputies = models.BooleanField(
        _("open to every deputy"),
        default=False,
        help_text=_(
            "Any deputy may log a session here and list any deputy as present "
            "(for example the street deputy office). Otherwise only the assigned "
            "deputies can."
        ),
    )
    ordering = models.PositiveSmallIntegerField(_("display order"), default=0)
    opened_on = models.DateField(
        _("in service from"),
        null=True,
        blank=True,
        help_text=_(
            "The day the station came into service; empty if it was in service "
            "before the portal's records begin."
        ),
    )
    closed_on = models.DateField(
        _("retired on"),
        null=True,
        blank=True,
        help_text=_(
            "The first day the station is no longer in service; empty while it "
            "is in service."
        ),
    )
    # Kept equal to "not retired" by save() and a constraint, for filters and
    # exports; which stations were in service on a day comes from the dates.
    active = models.BooleanField(_("in service"), default=True, editable=False)

    objects = StationQuerySet.as_manager()

    class Meta:
        ordering = ["ordering", "name"]
        verbose_name = _("reception station")
        verbose_name_plural = _("reception stations")
        constraints = [
            models.CheckConstraint(
                condition=Q(active=True, closed_on__isnull=True)
                | Q(active=False, closed_on__isnull=False),
                name="reception_station_active_until_retired",
            ),
            models.CheckConstraint(
                condition=Q(opened_on__isnull=True)
                | Q(closed_on__isnull=True)
                | Q(closed_on__gt=F("opened_on")),
                name="reception_station_opened_before_retired",
                violation_error_message=_(
                    "A station is retired after the day it came into service."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # A station marked out of service without a date is retired today.
        if not self.active and self.closed_on is None:
            self.closed_on = timezone.localdate()
        self.active = self.closed_on is None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "active", "closed_on"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reception:station_detail", args=[self.slug])

    def clean(self):
        super().clean()
        self.active = self.closed_on is None
        if self.closed_on and self.closed_on > timezone.localdate():
            raise ValidationError(
                {"closed_on": _("The retirement date cannot be later than today.")}
            )

    def in_service_on(self, day: datetime.date) -> bool:
        opened = self.opened_on is None or self.opened_on <= day
        return opened and (self.closed_on is None or self.closed_on > day)

    def accepts_deputy(self, deputy) -> bool:
        """Whether this deputy may be named on a session held here."""
        if self.open_to_all_deputies:
            return True
        return self.deputies.filter(pk=deputy.pk).exists()


class StationPhoto(models.Model):
    station = models.ForeignKey(
        Station,
        verbose_name=_("station"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = PortalImageField(_("photo"), upload_to=UploadTo("reception/stations"))
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    ordering = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["ordering", "pk"]
        verbose_name = _("station photo")
        verbose_name_plural = _("station photos")

    def __str__(self):
        return self.caption or self.image.name
