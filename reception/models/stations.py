"""Reception stations, their photos, and the eight-haves standard (八有)."""

from django.db import models
from django.db.models import Count, ExpressionWrapper, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.images import PortalImageField, UploadTo
from deputies.models import Community, Deputy

# The eight-haves (八有) standard for a community reception station. Staff may
# rename, reorder or retire items; `code` stays stable so that the default set
# can be recreated without duplicating a renamed item.
DEFAULT_STANDARD_ITEMS = [
    ("venue", "有场所"),
    ("sign", "有标牌"),
    ("rules", "有制度"),
    ("staff", "有人员"),
    ("plan", "有计划"),
    ("funds", "有经费"),
    ("records", "有档案"),
    ("activities", "有活动"),
]


class StandardItemQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def ensure_defaults(self) -> int:
        """Create the default eight items that are missing; return how many."""
        created = 0
        for order, (code, name) in enumerate(DEFAULT_STANDARD_ITEMS, start=1):
            _item, was_created = self.get_or_create(
                code=code, defaults={"name": name, "ordering": order}
            )
            created += was_created
        return created


class StandardItem(models.Model):
    """One item of the station standard (八有), configurable by staff."""

    code = models.SlugField(
        _("code"),
        max_length=30,
        unique=True,
        help_text=_("A stable key; the name can change, the code should not."),
    )
    name = models.CharField(_("name"), max_length=50)
    description = models.TextField(_("what it takes"), blank=True)
    ordering = models.PositiveSmallIntegerField(_("display order"), default=0)
    active = models.BooleanField(
        _("in force"),
        default=True,
        help_text=_("Items no longer in force do not count towards the standard."),
    )

    objects = StandardItemQuerySet.as_manager()

    class Meta:
        ordering = ["ordering", "pk"]
        verbose_name = _("standard item")
        verbose_name_plural = _("standard items (eight-haves)")

    def __str__(self):
        return self.name


def _active_item_count():
    """A subquery counting the standard items in force."""
    return Subquery(
        StandardItem.objects.filter(active=True)
        .order_by()
        .annotate(one=models.Value(1))
        .values("one")
        .annotate(total=Count("pk"))
        .values("total")[:1],
        output_field=models.IntegerField(),
    )


class StationQuerySet(models.QuerySet):
    def community_stations(self):
        return self.filter(kind=Station.Kind.COMMUNITY)

    def with_standard(self):
        """Annotate items_met, items_total and meets_standard in one query."""
        return self.annotate(
            items_met=Count(
                "checks",
                filter=Q(checks__met=True, checks__item__active=True),
                distinct=True,
            ),
            items_total=Coalesce(_active_item_count(), 0),
        ).annotate(
            meets_standard=ExpressionWrapper(
                Q(items_total__gt=0) & Q(items_met__gte=models.F("items_total")),
                output_field=models.BooleanField(),
            )
        )

    def meeting_standard(self):
        return self.with_standard().filter(meets_standard=True)

    def upgraded_in(self, year: int):
        return self.filter(upgraded_on__year=year)

    def for_deputy(self, deputy):
        """Venues where this deputy may log a session."""
        return self.filter(
            Q(deputies=deputy) | Q(open_to_all_deputies=True), active=True
        ).distinct()

    def public(self):
        return self.filter(active=True)


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
    active = models.BooleanField(_("in service"), default=True)

    objects = StationQuerySet.as_manager()

    class Meta:
        ordering = ["ordering", "name"]
        verbose_name = _("reception station")
        verbose_name_plural = _("reception stations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("reception:station_detail", args=[self.slug])

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


class StandardCheck(models.Model):
    """Whether a station meets one item of the standard, with evidence."""

    station = models.ForeignKey(
        Station,
        verbose_name=_("station"),
        on_delete=models.CASCADE,
        related_name="checks",
    )
    item = models.ForeignKey(
        StandardItem,
        verbose_name=_("standard item"),
        on_delete=models.CASCADE,
        related_name="checks",
    )
    met = models.BooleanField(_("met"), default=False)
    evidence = PortalImageField(
        _("evidence photo"), upload_to=UploadTo("reception/evidence"), blank=True
    )
    checked_on = models.DateField(_("date checked"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["item__ordering", "item__pk"]
        verbose_name = _("standard check")
        verbose_name_plural = _("eight-haves checklist")
        constraints = [
            models.UniqueConstraint(
                fields=["station", "item"], name="reception_one_check_per_item"
            )
        ]

    def __str__(self):
        return f"{self.station} · {self.item}"
