"""Duty activities, who was invited and attended, reflections and photos."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext_lazy as _

from core.images import PortalImageField, UploadTo

from .rates import Rate
from .register import Deputy


class DutyActivityQuerySet(models.QuerySet):
    def in_year(self, year: int | None):
        """Activities of a calendar year; None leaves the queryset whole."""
        return self if year is None else self.filter(date__year=year)

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def public(self):
        return self.filter(is_public=True)

    def attended_by(self, deputy):
        return self.filter(attendances__deputy=deputy, attendances__attended=True)

    def for_deputy(self, deputy):
        """Activities the deputy was invited to or attended, once each."""
        return self.filter(attendances__deputy=deputy).distinct()

    def counts_by_kind(self) -> dict[str, int]:
        """{kind: number of activities}, with every kind present, in one query."""
        counts = dict.fromkeys(DutyActivity.Kind.values, 0)
        rows = self.order_by().values("kind").annotate(n=Count("id"))
        counts.update({row["kind"]: row["n"] for row in rows})
        return counts

    def briefings_by_publication(self) -> dict[str, int]:
        """{publication: number of distributions} for briefing distributions."""
        rows = (
            self.of_kind(DutyActivity.Kind.BRIEFING)
            .order_by()
            .values("publication")
            .annotate(n=Count("id"))
            .order_by("-n", "publication")
        )
        return {row["publication"]: row["n"] for row in rows}

    def briefings_by_publication_kind(self) -> dict[str, int]:
        """{government briefing / internal periodical: distributions}, one query."""
        counts = dict.fromkeys(DutyActivity.PublicationKind.values, 0)
        rows = (
            self.of_kind(DutyActivity.Kind.BRIEFING)
            .order_by()
            .values("publication_kind")
            .annotate(n=Count("id"))
        )
        counts.update({row["publication_kind"]: row["n"] for row in rows})
        return counts

    def participation(self) -> "Rate":
        """Deputies who attended out of deputies invited, over these activities."""
        totals = Attendance.objects.filter(activity__in=self.order_by()).aggregate(
            invited=Count("id", filter=Q(invited=True)),
            attended=Count("id", filter=Q(attended=True)),
        )
        return Rate(totals["attended"], totals["invited"])

    def household_visits(self) -> "Rate":
        """Households visited out of households due, over poverty visits."""
        totals = self.of_kind(DutyActivity.Kind.POVERTY_VISIT).aggregate(
            due=Sum("households_due"), visited=Sum("households_visited")
        )
        return Rate(totals["visited"] or 0, totals["due"] or 0)

    def with_attendance_counts(self):
        return self.annotate(
            invited_count=Count("attendances", filter=Q(attendances__invited=True)),
            attended_count=Count("attendances", filter=Q(attendances__attended=True)),
            reflection_count=Count(
                "attendances", filter=~Q(attendances__reflection="")
            ),
        )


class DutyActivity(models.Model):
    """A duty activity (履职活动) the committee organised or joined.

    One model for every kind: the few fields that belong to one kind only are
    blank elsewhere, which `clean()` and the database constraints both enforce.
    """

    class Kind(models.TextChoices):
        STUDY = "study", _("Study session")
        TRAINING = "training", _("Training or study trip")
        INSPECTION = "inspection", _("Inspection and research")
        SYMPOSIUM = "symposium", _("Symposium on a key work")
        POVERTY_VISIT = "poverty_visit", _("Poverty-alleviation household visits")
        LAW_INSPECTION = "law_inspection", _("Law-enforcement inspection")
        ACTIVITY_DAY = "activity_day", _("Unified activity day")
        BRIEFING = "briefing", _("Briefing distribution")

    class Organiser(models.TextChoices):
        STREET = "street", _("Street working committee")
        DISTRICT = "district", _("District people's congress")
        CITY = "city", _("City people's congress")

    class PublicationKind(models.TextChoices):
        GOVERNMENT = "government", _("Government briefing")
        INTERNAL = "internal", _("Internal periodical")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("topic"), max_length=200)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    organiser = models.CharField(
        _("organiser"),
        max_length=10,
        choices=Organiser.choices,
        default=Organiser.STREET,
    )
    description = models.TextField(_("description"), blank=True)
    is_public = models.BooleanField(
        _("shown on public pages"),
        default=True,
        help_text=_("Shown on the public profiles of the deputies who attended."),
    )
    topics = models.TextField(
        _("topics discussed"),
        blank=True,
        help_text=_("Symposiums only: one key work per line."),
    )
    households_due = models.PositiveSmallIntegerField(
        _("households due"),
        null=True,
        blank=True,
        help_text=_("Poverty-alleviation visits only."),
    )
    households_visited = models.PositiveSmallIntegerField(
        _("households visited"),
        null=True,
        blank=True,
        help_text=_("Poverty-alleviation visits only."),
    )
    law_inspected = models.CharField(
        _("law inspected"),
        max_length=200,
        blank=True,
        help_text=_("Law-enforcement inspections only."),
    )
    publication = models.CharField(
        _("publication"),
        max_length=100,
        blank=True,
        help_text=_("Briefing distributions only, e.g. 《武昌政务简报》."),
    )
    publication_kind = models.CharField(
        _("kind of publication"),
        max_length=10,
        choices=PublicationKind.choices,
        blank=True,
    )
    copies = models.PositiveSmallIntegerField(_("copies"), null=True, blank=True)
    recipients = models.CharField(
        _("distributed to"),
        max_length=200,
        blank=True,
        help_text=_("Briefing distributions only, e.g. all district deputies."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = DutyActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("duty activity")
        verbose_name_plural = _("duty activities")
        indexes = [models.Index(fields=["kind", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="symposium") | Q(topics=""),
                name="deputies_activity_topics_only_symposium",
            ),
            models.CheckConstraint(
                condition=Q(kind="poverty_visit")
                | Q(households_due__isnull=True, households_visited__isnull=True),
                name="deputies_activity_households_only_poverty_visit",
            ),
            models.CheckConstraint(
                condition=Q(households_visited__isnull=True)
                | Q(households_visited__lte=F("households_due")),
                name="deputies_activity_visited_at_most_due",
                violation_error_message=_(
                    "More households visited than were due: please check both figures."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind="law_inspection") | Q(law_inspected=""),
                name="deputies_activity_law_only_law_inspection",
            ),
            models.CheckConstraint(
                condition=Q(kind="briefing")
                | Q(publication="", publication_kind="", copies__isnull=True)
                & Q(recipients=""),
                name="deputies_activity_publication_only_briefing",
            ),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title}"

    # Fields that belong to one kind, and whether that kind must fill them in.
    KIND_FIELDS = {
        "topics": (Kind.SYMPOSIUM, True),
        "households_due": (Kind.POVERTY_VISIT, True),
        "households_visited": (Kind.POVERTY_VISIT, True),
        "law_inspected": (Kind.LAW_INSPECTION, True),
        "publication": (Kind.BRIEFING, True),
        "publication_kind": (Kind.BRIEFING, True),
        "copies": (Kind.BRIEFING, False),
        "recipients": (Kind.BRIEFING, False),
    }

    def clean(self):
        errors = {}
        for field, (kind, required) in self.KIND_FIELDS.items():
            value = getattr(self, field)
            empty = value in (None, "")
            if self.kind == kind and required and empty:
                errors[field] = _("Required for a %(kind)s.") % {
                    "kind": self.Kind(kind).label
                }
            elif self.kind != kind and not empty:
                errors[field] = _("Only for a %(kind)s: leave it empty.") % {
                    "kind": self.Kind(kind).label
                }
        if (
            "households_visited" not in errors
            and self.households_visited is not None
            and self.households_due is not None
            and self.households_visited > self.households_due
        ):
            errors["households_visited"] = _(
                "More households visited than were due: please check both figures."
            )
        if errors:
            raise ValidationError(errors)

    def topic_list(self) -> list[str]:
        return [line.strip() for line in self.topics.splitlines() if line.strip()]

    @property
    def household_rate(self) -> Rate | None:
        if self.households_due is None:
            return None
        return Rate(self.households_visited or 0, self.households_due)


class AttendanceQuerySet(models.QuerySet):
    def in_year(self, year: int | None):
        return self if year is None else self.filter(activity__date__year=year)


class Attendance(models.Model):
    """A deputy invited to an activity, whether they came, and their reflection."""

    activity = models.ForeignKey(
        DutyActivity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    deputy = models.ForeignKey(
        Deputy,
        verbose_name=_("deputy"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    invited = models.BooleanField(_("invited"), default=True)
    attended = models.BooleanField(_("attended"), default=False)
    reflection = models.TextField(
        _("written reflection"),
        blank=True,
        help_text=_("Training and study trips: the deputy's reflection (心得体会)."),
    )

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["activity", "deputy__name"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "deputy"],
                name="deputies_attendance_once_per_deputy",
                violation_error_message=_("This deputy is already on the list."),
            ),
            models.CheckConstraint(
                condition=Q(attended=False) | Q(invited=True),
                name="deputies_attendance_attended_only_if_invited",
                violation_error_message=_(
                    "A deputy who attended must also be marked as invited."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.deputy} · {self.activity}"

    def clean(self):
        if self.attended and not self.invited:
            raise ValidationError(
                {"attended": _("A deputy who attended must also be marked as invited.")}
            )
        if self.reflection.strip():
            if not self.attended:
                raise ValidationError(
                    {"reflection": _("Only a deputy who attended writes a reflection.")}
                )
            activity = getattr(self, "activity", None)
            if activity and activity.kind != DutyActivity.Kind.TRAINING:
                raise ValidationError(
                    {
                        "reflection": _(
                            "Written reflections belong to training and study trips."
                        )
                    }
                )


class ActivityPhoto(models.Model):
    activity = models.ForeignKey(
        DutyActivity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = PortalImageField(_("photo"), upload_to=UploadTo("deputies/activities"))
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    ordering = models.PositiveSmallIntegerField(_("display order"), default=0)

    class Meta:
        ordering = ["ordering", "id"]
        verbose_name = _("activity photo")
        verbose_name_plural = _("activity photos")

    def __str__(self):
        return self.caption or str(self.activity)
