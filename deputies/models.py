import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Count, F, Q, Sum
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


class Rate:
    """A part of a whole, such as 12 deputies attending out of 12 invited."""

    def __init__(self, part: int, whole: int):
        self.part = part
        self.whole = whole

    def __eq__(self, other):
        return isinstance(other, Rate) and (self.part, self.whole) == (
            other.part,
            other.whole,
        )

    def __repr__(self):
        return f"Rate({self.part}, {self.whole})"

    @property
    def percent(self) -> float | None:
        """0-100, or None when nothing was due (a rate of nothing is no rate)."""
        return None if not self.whole else round(100 * self.part / self.whole, 1)


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


MAX_REPORT_BYTES = 20 * 1024 * 1024


def report_upload_to(instance, filename: str) -> str:
    """A server-made name: the uploaded one may carry a person's name."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "pdf"
    return f"deputies/reports/{uuid.uuid4().hex}.{ext}"


def validate_report_size(file) -> None:
    if file.size > MAX_REPORT_BYTES:
        raise ValidationError(_("The document is larger than 20 MB."))


OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc)


def report_document_kind(file) -> str | None:
    """ "pdf", "docx" or "doc" from the file's bytes, whatever its name says."""
    import zipfile

    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head == OLE_SIGNATURE:
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            file.seek(0)
        if {"[Content_Types].xml", "word/document.xml"} <= names:
            return "docx"
    return None


def validate_report_content(file) -> None:
    """The bytes are a PDF or Word document, of the kind the name says."""
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    kind = report_document_kind(file)
    if kind is None:
        raise ValidationError(
            _(
                "The file is not a PDF or Word document. Please attach the report "
                "as PDF, .docx or .doc."
            )
        )
    if kind != extension:
        raise ValidationError(
            _("The file's name ends in .%(extension)s but it is a %(kind)s document.")
            % {"extension": extension, "kind": kind.upper()}
        )


class DutyReportQuerySet(models.QuerySet):
    def in_year(self, year: int | None):
        return self if year is None else self.filter(date__year=year)

    def in_month(self, year: int, month: int):
        return self.filter(date__year=year, date__month=month)


class DutyReport(models.Model):
    """A deputy reporting on their duties to the voters of a constituency (述职)."""

    deputy = models.ForeignKey(
        Deputy,
        verbose_name=_("deputy"),
        on_delete=models.PROTECT,
        related_name="duty_reports",
    )
    date = models.DateField(_("date"))
    constituency = models.ForeignKey(
        Constituency,
        verbose_name=_("constituency"),
        on_delete=models.PROTECT,
        related_name="duty_reports",
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    audience = models.PositiveIntegerField(_("voters present"), default=0)
    text = models.TextField(_("report text"), blank=True)
    document = models.FileField(
        _("report document"),
        upload_to=report_upload_to,
        blank=True,
        validators=[
            FileExtensionValidator(["pdf", "docx", "doc"]),
            validate_report_size,
        ],
        help_text=_("PDF or Word, when the report is not typed in."),
    )
    satisfied = models.PositiveIntegerField(_("satisfied"), default=0)
    fairly_satisfied = models.PositiveIntegerField(_("fairly satisfied"), default=0)
    dissatisfied = models.PositiveIntegerField(_("dissatisfied"), default=0)

    objects = DutyReportQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "deputy__name"]
        verbose_name = _("duty report")
        verbose_name_plural = _("duty reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    audience__gte=F("satisfied")
                    + F("fairly_satisfied")
                    + F("dissatisfied")
                ),
                name="deputies_dutyreport_votes_within_audience",
                violation_error_message=_(
                    "More evaluations than voters present: please check the figures."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.deputy} · {self.date:%Y-%m-%d}"

    def clean(self):
        if not self.text.strip() and not self.document:
            raise ValidationError(
                _("Type in the report text or attach the report document.")
            )
        # A new upload is checked through its bytes; a stored one already was.
        if self.document and not getattr(self.document, "_committed", True):
            try:
                validate_report_content(self.document)
            except ValidationError as error:
                raise ValidationError({"document": error.messages}) from None
        votes = self.satisfied + self.fairly_satisfied + self.dissatisfied
        if votes > self.audience:
            raise ValidationError(
                _("More evaluations than voters present: please check the figures.")
            )

    @property
    def evaluations(self) -> int:
        return self.satisfied + self.fairly_satisfied + self.dissatisfied

    @property
    def satisfaction(self) -> Rate:
        """Satisfied or fairly satisfied out of all evaluations."""
        return Rate(self.satisfied + self.fairly_satisfied, self.evaluations)


class ByElectionQuerySet(models.QuerySet):
    def in_year(self, year: int | None):
        return self if year is None else self.filter(date__year=year)


class ByElection(models.Model):
    """A by-election (补选) that filled seats of a constituency."""

    constituency = models.ForeignKey(
        Constituency,
        verbose_name=_("constituency"),
        on_delete=models.PROTECT,
        related_name="by_elections",
    )
    date = models.DateField(_("date"))
    seats = models.PositiveSmallIntegerField(_("seats to fill"), default=1)
    elected = models.ManyToManyField(
        Deputy,
        verbose_name=_("deputies elected"),
        related_name="by_elections",
        blank=True,
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = ByElectionQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("by-election")
        verbose_name_plural = _("by-elections")
        constraints = [
            models.CheckConstraint(
                condition=Q(seats__gte=1), name="deputies_byelection_seats_positive"
            ),
        ]

    def __str__(self):
        return f"{self.constituency} · {self.date:%Y-%m-%d}"


def year_figures(year: int) -> dict:
    """The deputies' figures of one year's work report, from the records.

    A bounded number of aggregate queries, whatever the number of rows.
    """
    activities = DutyActivity.objects.in_year(year)
    return {
        "activities_by_kind": activities.counts_by_kind(),
        "briefings_by_publication": activities.briefings_by_publication(),
        "briefings_by_publication_kind": activities.briefings_by_publication_kind(),
        "trainings_with_reflections": activities.of_kind(DutyActivity.Kind.TRAINING)
        .filter(attendances__attended=True)
        .exclude(attendances__reflection="")
        .distinct()
        .count(),
        "symposium_topics": [
            topic
            for activity in activities.of_kind(DutyActivity.Kind.SYMPOSIUM).order_by(
                "date"
            )
            for topic in activity.topic_list()
        ],
        "poverty_participation": activities.of_kind(
            DutyActivity.Kind.POVERTY_VISIT
        ).participation(),
        "poverty_households": activities.household_visits(),
        "duty_reports": DutyReport.objects.in_year(year).count(),
        "duty_reports_by_month": dict(
            DutyReport.objects.in_year(year)
            .order_by()
            .values_list("date__month")
            .annotate(n=Count("id"))
        ),
        "by_elections": list(
            ByElection.objects.in_year(year)
            .select_related("constituency")
            .values_list("constituency__number", flat=True)
        ),
    }
