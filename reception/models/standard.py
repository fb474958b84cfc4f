"""The eight-haves standard (八有) and the dated checks of each station against it.

A station is checked item by item, as often as staff go and look: every check
is kept, with its date, its finding (met or not), an evidence photo and a note.
A station's state on a day is, for each item in force, its latest check on or
before that day; an item never checked by then is not met.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.images import PortalImageField, UploadTo

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


class StandardCheckQuerySet(models.QuerySet):
    def as_of(self, day: datetime.date):
        """The checks in force on `day`: for each station and item, the latest
        check dated on or before that day."""
        later = StandardCheck.objects.filter(
            station=OuterRef("station"),
            item=OuterRef("item"),
            checked_on__gt=OuterRef("checked_on"),
            checked_on__lte=day,
        )
        return self.filter(checked_on__lte=day).exclude(Exists(later))

    def current(self):
        """The checks in force today."""
        return self.as_of(timezone.localdate())

    def in_year(self, year: int):
        return self.filter(checked_on__year=year)


class StandardCheck(models.Model):
    """One dated check of one item of the standard at a station, with evidence.

    A new finding is a new check; the earlier ones stay as the station's history.
    """

    station = models.ForeignKey(
        "reception.Station",
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
    checked_on = models.DateField(
        _("date checked"),
        help_text=_("The day the item was checked at the station."),
    )
    met = models.BooleanField(_("met"), default=False)
    evidence = PortalImageField(
        _("evidence photo"),
        upload_to=UploadTo("reception/evidence"),
        blank=True,
        help_text=_(
            "Shown on the public station page: photograph the station, never a "
            "resident."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = StandardCheckQuerySet.as_manager()

    class Meta:
        ordering = ["-checked_on", "-pk"]
        verbose_name = _("standard check")
        verbose_name_plural = _("eight-haves checks")
        constraints = [
            models.UniqueConstraint(
                fields=["station", "item", "checked_on"],
                name="reception_one_check_per_item_and_day",
                violation_error_message=_(
                    "This item was already checked at this station on that day; "
                    "change that check instead."
                ),
            )
        ]

    def __str__(self):
        return f"{self.station} · {self.item} · {self.checked_on:%Y-%m-%d}"

    def clean(self):
        super().clean()
        if self.checked_on and self.checked_on > timezone.localdate():
            raise ValidationError(
                {"checked_on": _("The date checked cannot be later than today.")}
            )


def items_in_force_count():
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


def items_met_count(day: datetime.date):
    """A subquery counting, for the outer station, the items in force whose
    check in force on `day` found them met."""
    return Coalesce(
        Subquery(
            StandardCheck.objects.as_of(day)
            .filter(station=OuterRef("pk"), met=True, item__active=True)
            .order_by()
            .values("station")
            .annotate(n=Count("pk"))
            .values("n")[:1],
            output_field=models.IntegerField(),
        ),
        0,
    )


def checked_between(start: datetime.date, end: datetime.date):
    """Whether the outer station had an item in force checked from start to end."""
    return Exists(
        StandardCheck.objects.filter(
            station=OuterRef("pk"),
            item__active=True,
            checked_on__gte=start,
            checked_on__lte=end,
        )
    )
