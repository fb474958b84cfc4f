"""The register: communities, constituencies and the deputies serving them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.images import PortalImageField, UploadTo


class Community(models.Model):
    """One of the street's communities (社区); stations and suggestions name one."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    ordering = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["ordering", "name"]
        verbose_name = _("community")
        verbose_name_plural = _("communities")

    def __str__(self):
        return self.name


class Constituency(models.Model):
    """An electoral district (选区) and the communities it covers."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    communities = models.ManyToManyField(
        Community,
        verbose_name=_("communities covered"),
        related_name="constituencies",
        blank=True,
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("constituency")
        verbose_name_plural = _("constituencies")

    def __str__(self):
        return self.name


def mask_phone(phone: str) -> str:
    """138****5678: enough to recognise a number, not to call it."""
    if len(phone) < 8:
        return "*" * len(phone)
    return f"{phone[:3]}****{phone[-4:]}"


class DeputyQuerySet(models.QuerySet):
    def current(self, on=None):
        """Deputies serving on the given day (today by default)."""
        on = on or timezone.localdate()
        return self.filter(
            Q(active_from__isnull=True) | Q(active_from__lte=on),
            Q(active_to__isnull=True) | Q(active_to__gte=on),
        )

    def search(self, text: str):
        text = (text or "").strip()
        return self.filter(name__icontains=text) if text else self


class Deputy(models.Model):
    """A people's congress deputy (人大代表) elected in or serving the street."""

    class Level(models.TextChoices):
        DISTRICT = "district", _("District")
        CITY = "city", _("City")
        PROVINCE = "province", _("Province")
        NATIONAL = "national", _("National")

    class Gender(models.TextChoices):
        MALE = "m", _("Male")
        FEMALE = "f", _("Female")

    name = models.CharField(_("name"), max_length=50)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    ethnicity = models.CharField(_("ethnicity"), max_length=20, default="汉族")
    party = models.CharField(_("party affiliation"), max_length=50, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("birth year"), null=True, blank=True
    )
    level = models.CharField(
        _("level"), max_length=10, choices=Level.choices, default=Level.DISTRICT
    )
    term = models.PositiveSmallIntegerField(
        _("term"), help_text=_("The congress term (届), e.g. 15.")
    )
    constituency = models.ForeignKey(
        Constituency,
        verbose_name=_("constituency"),
        on_delete=models.PROTECT,
        related_name="deputies",
        null=True,
        blank=True,
    )
    community = models.ForeignKey(
        Community,
        verbose_name=_("community"),
        on_delete=models.PROTECT,
        related_name="deputies",
        null=True,
        blank=True,
    )
    occupation = models.CharField(_("occupation"), max_length=100, blank=True)
    employer = models.CharField(_("employer"), max_length=200, blank=True)
    photo = PortalImageField(
        _("photo"), upload_to=UploadTo("deputies/photos"), blank=True
    )
    profile = models.TextField(
        _("public profile"), blank=True, help_text=_("A short public introduction.")
    )
    phone = models.CharField(
        _("private phone"),
        max_length=20,
        blank=True,
        help_text=_("Never shown on public pages."),
    )
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_to = models.DateField(_("active to"), null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.SET_NULL,
        related_name="deputy",
        null=True,
        blank=True,
    )

    objects = DeputyQuerySet.as_manager()

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("deputy")
        verbose_name_plural = _("deputies")
        permissions = [
            ("view_personal_data", _("Can see deputies' private phone numbers")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(active_to__isnull=True)
                | Q(active_from__isnull=True)
                | Q(active_to__gte=F("active_from")),
                name="deputies_deputy_active_to_after_from",
                violation_error_message=_(
                    "The end of service cannot be before its start."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("deputies:detail", args=[self.pk])

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)
