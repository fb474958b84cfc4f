"""Reception sessions, the voters received and the issues they raised."""

import datetime
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.fields.files import ImageFieldFile
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.images import PortalImageField, UploadTo
from deputies.models import Community, Deputy

from .stations import Station

# A deputy may change a session they logged for this long; staff at any time.
DEPUTY_EDIT_WINDOW = datetime.timedelta(days=7)
# No single reception session at a community station receives more voters than
# this; a larger number is a typing error (an extra zero), not a record.
MAX_VOTERS_PER_SESSION = 500
# Session photos may show voters' faces, which are residents' personal data:
# they are kept outside the public picture folders (PUBLIC_MEDIA_PREFIXES) and
# reach only staff and the session's deputies through reception:session_photo.
SESSION_PHOTOS_FOLDER = "private/reception/sessions"


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


class SessionPhotoFile(ImageFieldFile):
    """A session photo's address is the authorised view, never under MEDIA_URL.

    Every page that shows the photo (workspace, archive, admin, key works)
    links it there, whatever the storage.
    """

    @property
    def url(self):
        self._require_file()
        if self.instance.pk is None:
            raise ValueError("A session photo has no address before it is saved.")
        return reverse("reception:session_photo", args=[self.instance.pk])


class SessionPhotoField(PortalImageField):
    """The upload pipeline, with the address of the authorised view."""

    attr_class = SessionPhotoFile


class SessionPhoto(models.Model):
    session = models.ForeignKey(
        ReceptionSession,
        verbose_name=_("reception session"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = SessionPhotoField(_("photo"), upload_to=UploadTo(SESSION_PHOTOS_FOLDER))
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
