import datetime
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Count, ExpressionWrapper, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.images import PortalImageField, UploadTo
from deputies.models import Community, Deputy

# A deputy may change a session they logged for this long; staff at any time.
DEPUTY_EDIT_WINDOW = datetime.timedelta(days=7)
# No single reception session at a community station receives more voters than
# this; a larger number is a typing error (an extra zero), not a record.
MAX_VOTERS_PER_SESSION = 500

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


class ReceptionSessionQuerySet(models.QuerySet):
    def in_year(self, year: int):
        return self.filter(started_at__year=year)

    def for_deputy(self, deputy):
        """Sessions this deputy took part in; the only ones they may see."""
        return self.filter(deputies=deputy)

    def voters_total(self) -> int:
        return self.aggregate(total=Coalesce(Sum("voters_received"), 0))["total"]

    def for_lists(self):
        """Everything a list of sessions shows, in a constant number of queries."""
        return self.select_related("station").prefetch_related("deputies", "photos")


class ReceptionSession(models.Model):
    """A session where deputies received voters (接待选民)."""

    class Mode(models.TextChoices):
        CENTRALISED = "centralised", _("Centralised reception")
        ROUTINE = "routine", _("Routine reception")
        ONLINE = "online", _("Online reception")

    station = models.ForeignKey(
        Station,
        verbose_name=_("venue"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    started_at = models.DateTimeField(_("date and time"))
    mode = models.CharField(
        _("mode"), max_length=12, choices=Mode.choices, default=Mode.CENTRALISED
    )
    deputies = models.ManyToManyField(
        Deputy,
        verbose_name=_("deputies present"),
        related_name="reception_sessions",
    )
    voters_received = models.PositiveIntegerField(
        _("voters received"),
        validators=[MaxValueValidator(MAX_VOTERS_PER_SESSION)],
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_(
            "Shown on the public station page: never write a voter's name, phone "
            "number or address."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("logged by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("logged at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ReceptionSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("reception session")
        verbose_name_plural = _("reception sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(voters_received__lte=MAX_VOTERS_PER_SESSION),
                name="reception_session_voters_sane",
            )
        ]

    def __str__(self):
        local = timezone.localtime(self.started_at)
        return f"{local:%Y-%m-%d} {self.station}"

    def get_absolute_url(self):
        return reverse("reception:my_session_detail", args=[self.pk])

    def deputy_can_edit(self, now=None) -> bool:
        """A deputy's own edit window (7 days after logging) is still open."""
        now = now or timezone.now()
        return now < self.created_at + DEPUTY_EDIT_WINDOW

    def deputy_may_change(self, user, now=None) -> bool:
        """The deputy who logged the session may change it within the window."""
        return self.created_by_id == user.pk and self.deputy_can_edit(now)

    @property
    def edit_deadline(self):
        return self.created_at + DEPUTY_EDIT_WINDOW


class SessionPhoto(models.Model):
    session = models.ForeignKey(
        ReceptionSession,
        verbose_name=_("reception session"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = PortalImageField(_("photo"), upload_to=UploadTo("reception/sessions"))
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("session photo")
        verbose_name_plural = _("session photos")

    def __str__(self):
        return self.caption or self.image.name


class SessionIssue(models.Model):
    """One issue voters raised at a session, kept as its own line.

    The suggestions app turns each line into a tracked suggestion and refers to
    it by `uid`, which never changes when the session is edited. A line holds no
    contact data of the resident who raised it.
    """

    uid = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True)
    session = models.ForeignKey(
        ReceptionSession,
        verbose_name=_("reception session"),
        on_delete=models.CASCADE,
        related_name="issues",
    )
    text = models.TextField(_("issue raised"), max_length=1000)
    community = models.ForeignKey(
        Community,
        verbose_name=_("community concerned"),
        on_delete=models.PROTECT,
        related_name="session_issues",
        null=True,
        blank=True,
    )
    category = models.CharField(_("category"), max_length=50, blank=True)
    ordering = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["session", "ordering", "pk"]
        verbose_name = _("issue raised")
        verbose_name_plural = _("issues raised")

    def __str__(self):
        return self.text[:40]
