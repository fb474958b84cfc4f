"""Suggestions and residents' opinions, followed from receipt to closure.

The lifecycle (DESIGN.md) is held here, in the model, so that no entry point can
skip it: `Suggestion.save()` refuses a status change that `TRANSITIONS` does not
allow and a reply-needing status without a reply record. The workflow around it
(timeline entries, notifications) lives in `services.py`.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from deputies.models import Community, Deputy
from ziyang_portal.images import PortalImageField, UploadTo

# No 0/O, 1/I/L: a code read aloud over the phone or copied by hand stays right.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_GROUPS = 3
CODE_GROUP_SIZE = 4  # 12 characters of 31 symbols: about 59 bits
MAX_PHOTOS = 9
PRIVACY_NOTICE_VERSION = "2018-01"


def new_tracking_code() -> str:
    length = CODE_GROUPS * CODE_GROUP_SIZE
    chars = [secrets.choice(CODE_ALPHABET) for _ in range(length)]
    groups = [
        "".join(chars[i : i + CODE_GROUP_SIZE])
        for i in range(0, len(chars), CODE_GROUP_SIZE)
    ]
    return "-".join(groups)


def normalise_tracking_code(raw: str) -> str:
    """Upper-case, drop spaces and dashes, regroup; look-alikes read as digits."""
    cleaned = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    return "-".join(
        cleaned[i : i + CODE_GROUP_SIZE]
        for i in range(0, len(cleaned), CODE_GROUP_SIZE)
    )


def mask_phone(phone: str) -> str:
    """138****5678; short numbers keep only their last two digits."""
    if not phone:
        return ""
    if len(phone) >= 11:
        return f"{phone[:3]}****{phone[-4:]}"
    return "*" * max(len(phone) - 2, 0) + phone[-2:]


def mask_name(name: str) -> str:
    if not name:
        return ""
    return name[0] + "*" * max(len(name) - 1, 1)


def mask_address(address: str) -> str:
    if not address:
        return ""
    return address[:3] + "****"


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


class SuggestionQuerySet(models.QuerySet):
    def in_year(self, year: int):
        return self.filter(received_at__year=year)

    def resident_opinions(self):
        return self.filter(kind=Suggestion.Kind.RESIDENT)

    def deputy_suggestions(self):
        return self.exclude(kind=Suggestion.Kind.RESIDENT)

    def with_reply(self):
        return self.filter(Exists(Reply.objects.filter(suggestion=OuterRef("pk"))))

    def followed_up(self):
        """Items that a deputy or staff member followed up (督办).

        Followed up means at least one follow-up entry (TimelineEntry of kind
        FOLLOW_UP) recorded by a deputy or staff after receipt: a status change
        alone does not count, a visit, call or chase note does.
        """
        return self.filter(
            Exists(
                TimelineEntry.objects.filter(
                    suggestion=OuterRef("pk"), kind=TimelineEntry.Kind.FOLLOW_UP
                )
            )
        )

    def open(self):
        return self.exclude(status__in=Suggestion.FINISHED)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(
            status__in=Suggestion.ACTIVE, due_date__isnull=False, due_date__lt=today
        )

    def new(self):
        return self.filter(status=Suggestion.Status.RECEIVED)

    def awaiting_reply(self):
        return self.filter(status__in=Suggestion.ACTIVE)

    def reopened(self):
        return self.filter(status=Suggestion.Status.REOPENED)

    def for_deputy(self, deputy):
        return self.filter(Q(raised_by=deputy) | Q(following_deputy=deputy))

    def personal_data_expired(self, now=None):
        now = now or timezone.now()
        days = getattr(settings, "SUGGESTIONS_PERSONAL_DATA_RETENTION_DAYS", 365)
        return self.filter(
            status__in=(Suggestion.Status.CLOSED, Suggestion.Status.REJECTED),
            finished_at__lt=now - timezone.timedelta(days=days),
            personal_data_erased_at__isnull=True,
        )

    def figures(self, year: int) -> dict:
        """The numbers of the year-end report, 一(四), for one year."""
        year_qs = self.in_year(year)
        deputy = year_qs.deputy_suggestions()
        resident = year_qs.resident_opinions()
        deputy_total = deputy.count()
        deputy_replied = deputy.with_reply().count()
        return {
            "session": deputy.filter(kind=Suggestion.Kind.SESSION).count(),
            "inter_session": deputy.filter(kind=Suggestion.Kind.INTER_SESSION).count(),
            "deputy_total": deputy_total,
            "deputy_replied": deputy_replied,
            "deputy_replied_percent": (
                round(100 * deputy_replied / deputy_total) if deputy_total else None
            ),
            "resident_collected": resident.count(),
            "resident_followed_up": resident.followed_up().count(),
            "escalations": Escalation.objects.filter(escalated_on__year=year).count(),
        }


class Suggestion(models.Model):
    """A resident's opinion or a deputy's suggestion, with its public tracking code."""

    class Kind(models.TextChoices):
        RESIDENT = "resident", _("Resident opinion")
        SESSION = "session", _("Deputy suggestion (during the congress session)")
        INTER_SESSION = (
            "inter_session",
            _("Deputy suggestion (between congress sessions)"),
        )

    class Source(models.TextChoices):
        WEB_FORM = "web_form", _("Public web form")
        RECEPTION = "reception", _("Reception session")
        WECHAT_EXPRESS = (
            "wechat_express",
            _("Ziyang Weilinli WeChat: Deputies' Express"),
        )
        COMMUNITY_GROUP = "community_group", _("Community QQ/WeChat group")
        PHONE = "phone", _("Phone call")
        VISIT = "visit", _("Visit")
        DEPUTY = "deputy", _("Raised by a deputy")
        STAFF = "staff", _("Entered by staff")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACCEPTED = "accepted", _("Accepted")
        IN_PROGRESS = "in_progress", _("In progress")
        REPLIED = "replied", _("Replied")
        CLOSED = "closed", _("Closed")
        REJECTED = "rejected", _("Not accepted")
        REOPENED = "reopened", _("Reopened")

    class Outcome(models.TextChoices):
        A = "A", _("A: solved")
        B = "B", _("B: being solved")
        C = "C", _("C: planned")
        D = "D", _("D: kept for reference")

    tracking_code = models.CharField(
        _("tracking code"), max_length=20, unique=True, editable=False
    )
    submission_token = models.UUIDField(
        _("submission token"), unique=True, null=True, blank=True, editable=False
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.RESIDENT
    )
    congress_session = models.CharField(
        _("congress session"),
        max_length=100,
        blank=True,
        help_text=_("For deputy suggestions, e.g. 区十五届人大二次会议."),
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.STAFF
    )
    community = models.ForeignKey(
        Community,
        verbose_name=_("community"),
        on_delete=models.PROTECT,
        related_name="suggestions",
        null=True,
        blank=True,
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="suggestions",
        null=True,
        blank=True,
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    submitter_name = models.CharField(_("submitter's name"), max_length=50, blank=True)
    submitter_phone = models.CharField(
        _("submitter's phone"), max_length=20, blank=True
    )
    submitter_address = models.CharField(
        _("submitter's address"), max_length=200, blank=True
    )
    phone_last4 = models.CharField(
        _("last four digits of the phone"),
        max_length=4,
        blank=True,
        editable=False,
        help_text=_("Kept for tracking until the personal data is erased."),
    )
    consent = models.BooleanField(_("consent to the privacy notice"), default=False)
    privacy_notice_version = models.CharField(
        _("privacy notice version"), max_length=20, blank=True
    )
    reception_session = models.ForeignKey(
        "reception.ReceptionSession",
        verbose_name=_("reception session"),
        on_delete=models.SET_NULL,
        related_name="suggestions",
        null=True,
        blank=True,
    )
    # The issue line of the session, by its stable reference: issue lines may be
    # rewritten when a deputy edits the session, the reference stays.
    session_issue_uid = models.UUIDField(
        _("issue raised at the session"),
        unique=True,
        null=True,
        blank=True,
        editable=False,
    )
    raised_by = models.ForeignKey(
        Deputy,
        verbose_name=_("raised by deputy"),
        on_delete=models.PROTECT,
        related_name="suggestions_raised",
        null=True,
        blank=True,
    )
    following_deputy = models.ForeignKey(
        Deputy,
        verbose_name=_("following deputy"),
        on_delete=models.PROTECT,
        related_name="suggestions_followed",
        null=True,
        blank=True,
    )
    handling_unit = models.ForeignKey(
        HandlingUnit,
        verbose_name=_("handling unit"),
        on_delete=models.PROTECT,
        related_name="suggestions",
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.RECEIVED,
        editable=False,
        db_index=True,
    )
    outcome = models.CharField(
        _("outcome class"), max_length=1, choices=Outcome.choices, blank=True
    )
    due_date = models.DateField(_("due date"), null=True, blank=True, db_index=True)
    # Indexed: every list of suggestions is ordered by it, newest first.
    received_at = models.DateTimeField(
        _("received at"), default=timezone.now, db_index=True
    )
    finished_at = models.DateTimeField(
        _("closed or rejected at"), null=True, blank=True, editable=False
    )
    personal_data_erased_at = models.DateTimeField(
        _("personal data erased at"), null=True, blank=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    # Personal data stays out of the history tables so that erasure is complete.
    history = HistoricalRecords(
        excluded_fields=[
            "submitter_name",
            "submitter_phone",
            "submitter_address",
            "phone_last4",
        ]
    )
    objects = SuggestionQuerySet.as_manager()

    # received -> accepted -> in_progress -> replied -> closed; rejected; reopened.
    TRANSITIONS = {
        Status.RECEIVED: {Status.ACCEPTED, Status.REJECTED},
        Status.ACCEPTED: {Status.IN_PROGRESS, Status.REPLIED, Status.REJECTED},
        Status.IN_PROGRESS: {Status.REPLIED},
        Status.REPLIED: {Status.CLOSED, Status.REOPENED},
        Status.CLOSED: {Status.REOPENED},
        Status.REJECTED: {Status.REOPENED},
        Status.REOPENED: {Status.ACCEPTED, Status.IN_PROGRESS, Status.REPLIED},
    }
    NEEDS_REPLY = {Status.REPLIED, Status.REJECTED, Status.CLOSED}
    ACTIVE = (Status.ACCEPTED, Status.IN_PROGRESS, Status.REOPENED)
    FINISHED = (Status.CLOSED, Status.REJECTED)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        permissions = [
            ("reveal_personal_data", _("Can reveal residents' personal data")),
            ("export_personal_data", _("Can export residents' personal data")),
        ]
        indexes = [models.Index(fields=["kind", "received_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=[
                        "received",
                        "accepted",
                        "in_progress",
                        "replied",
                        "closed",
                        "rejected",
                        "reopened",
                    ]
                ),
                name="suggestion_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["accepted", "in_progress"])
                | Q(due_date__isnull=False),
                name="suggestion_accepted_has_due_date",
            ),
            models.CheckConstraint(
                condition=Q(personal_data_erased_at__isnull=True)
                | (Q(submitter_name="") & Q(submitter_phone="")),
                name="suggestion_erased_has_no_contact",
            ),
        ]

    def __str__(self):
        return f"{self.tracking_code} {self.title}"

    def save(self, *args, **kwargs):
        self.check_lifecycle()
        if not self.tracking_code:
            self.tracking_code = self._unused_tracking_code()
        self.phone_last4 = self.submitter_phone[-4:] if self.submitter_phone else ""
        super().save(*args, **kwargs)
        self._loaded_status = self.status

    def get_absolute_url(self):
        return reverse("suggestions:my_suggestion", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_status = instance.__dict__.get("status")
        return instance

    def check_lifecycle(self) -> None:
        """Refuse a status the lifecycle does not allow from the stored one."""
        if self._state.adding:
            if self.status != self.Status.RECEIVED:
                raise ValidationError(
                    _("A new suggestion starts as received."), code="bad_transition"
                )
            return
        before = getattr(self, "_loaded_status", None)
        if before is None:  # loaded without its status (.only(), .defer())
            before = (
                type(self)
                .objects.filter(pk=self.pk)
                .values_list("status", flat=True)
                .first()
            )
        if before != self.status and not self.can_move(before, self.status):
            raise ValidationError(
                _("A suggestion cannot go from %(before)s to %(after)s.")
                % {
                    "before": self.Status(before).label,
                    "after": self.Status(self.status).label,
                },
                code="bad_transition",
            )
        changed = before != self.status
        if changed and self.status in self.NEEDS_REPLY and not self.replies.exists():
            raise ValidationError(
                _("A reply must be recorded first."), code="needs_reply"
            )

    @classmethod
    def can_move(cls, before: str, after: str) -> bool:
        return after in cls.TRANSITIONS.get(before, set())

    def allowed_statuses(self) -> list:
        return sorted(self.TRANSITIONS.get(self.status, set()))

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        active = self.status in self.ACTIVE
        return bool(active and self.due_date and self.due_date < today)

    @property
    def is_active(self) -> bool:
        """Accepted and not yet answered: its due date still matters."""
        return self.status in self.ACTIVE

    def _unused_tracking_code(self) -> str:
        while True:
            code = new_tracking_code()
            if not Suggestion.objects.filter(tracking_code=code).exists():
                return code

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.submitter_phone)

    @property
    def masked_name(self) -> str:
        return mask_name(self.submitter_name)

    @property
    def masked_address(self) -> str:
        return mask_address(self.submitter_address)


class SuggestionPhoto(models.Model):
    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = PortalImageField(_("photo"), upload_to=UploadTo("suggestions/photos"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.image.name


class Reply(models.Model):
    """An answer to the suggestion: who answered, when, how and what."""

    class Channel(models.TextChoices):
        WRITTEN = "written", _("Written reply")
        PHONE = "phone", _("Phone")
        VISIT = "visit", _("Visit in person")
        MEETING = "meeting", _("Meeting")
        ONLINE = "online", _("Online")

    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.PROTECT,
        related_name="replies",
    )
    responder = models.CharField(
        _("answered by"),
        max_length=100,
        help_text=_("The unit or office that answered."),
    )
    answered_on = models.DateField(_("answered on"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    text = models.TextField(_("reply"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["answered_on", "pk"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self):
        return f"{self.responder} {self.answered_on}"


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError(_("This record is append-only."), code="append_only")

    def delete(self):
        raise ValidationError(_("This record is append-only."), code="append_only")


class AppendOnlyModel(models.Model):
    """Rows are added, never changed nor removed (a database trigger agrees)."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("This record is append-only."), code="append_only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("This record is append-only."), code="append_only")


class TimelineEntry(AppendOnlyModel):
    """One step in the life of a suggestion; the public ones show on /track/."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Received")
        TRANSITION = "transition", _("Status change")
        FOLLOW_UP = "follow_up", _("Follow-up")
        ASSIGNMENT = "assignment", _("Assignment")
        ESCALATION = "escalation", _("Escalation")
        RATING = "rating", _("Rating")

    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.PROTECT,
        related_name="timeline",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    # PROTECT: an account that acted is deactivated, never deleted, so that the
    # append-only row is not rewritten (the database refuses any UPDATE).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(
        _("who (as shown)"),
        max_length=100,
        blank=True,
        help_text=_("A role or office, never a resident's name."),
    )
    from_status = models.CharField(
        _("from status"), max_length=20, choices=Suggestion.Status.choices, blank=True
    )
    to_status = models.CharField(
        _("to status"), max_length=20, choices=Suggestion.Status.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    public = models.BooleanField(
        _("public"), default=True, help_text=_("Shown on the tracking page.")
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        # "Followed up" and the report's counts look entries up by kind.
        indexes = [models.Index(fields=["suggestion", "kind"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d}"


class Escalation(models.Model):
    """A request to a city-level deputy for help (向市代表借力)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Under way")
        PARTLY = "partly", _("Partly resolved")
        RESOLVED = "resolved", _("Resolved")

    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.PROTECT,
        related_name="escalations",
    )
    city_deputy = models.ForeignKey(
        Deputy,
        verbose_name=_("city-level deputy"),
        on_delete=models.PROTECT,
        related_name="escalations",
        limit_choices_to={"level__in": ["city", "province", "national"]},
    )
    escalated_on = models.DateField(_("escalated on"))
    request = models.TextField(_("what was asked"))
    status = models.CharField(
        _("progress"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["escalated_on", "pk"]
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")

    def __str__(self):
        return f"{self.city_deputy} {self.escalated_on}"


class EscalationFollowUp(AppendOnlyModel):
    escalation = models.ForeignKey(
        Escalation,
        verbose_name=_("escalation"),
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )
    on = models.DateField(_("date"))
    text = models.TextField(_("what happened"))
    public = models.BooleanField(_("public"), default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("escalation follow-up")
        verbose_name_plural = _("escalation follow-ups")

    def __str__(self):
        return f"{self.on}"


class Rating(models.Model):
    """The resident's satisfaction with one reply."""

    class Score(models.TextChoices):
        SATISFIED = "satisfied", _("Satisfied")
        BASICALLY = "basically", _("Basically satisfied")
        UNSATISFIED = "unsatisfied", _("Not satisfied")

    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.PROTECT,
        related_name="ratings",
    )
    reply = models.OneToOneField(
        Reply,
        verbose_name=_("reply"),
        on_delete=models.PROTECT,
        related_name="rating",
    )
    score = models.CharField(_("rating"), max_length=20, choices=Score.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("rated at"), default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")

    def __str__(self):
        return self.get_score_display()


class NotificationQuerySet(models.QuerySet):
    def undelivered(self):
        return self.filter(sent_at__isnull=True)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An in-app notice; `sent_at` empty means its email is still in the outbox."""

    class Kind(models.TextChoices):
        NEW = "new", _("New item")
        ASSIGNED = "assigned", _("Assignment")
        OVERDUE = "overdue", _("Overdue")
        REOPENED = "reopened", _("Reopened")
        ESCALATION = "escalation", _("Escalation update")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="suggestion_notifications",
    )
    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    message = models.CharField(_("message"), max_length=300)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("email sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["sent_at"])]

    def __str__(self):
        return self.message


class PersonalDataReveal(AppendOnlyModel):
    """Who saw a resident's full contact details, and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    suggestion = models.ForeignKey(
        Suggestion,
        verbose_name=_("suggestion"),
        on_delete=models.PROTECT,
        related_name="reveals",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    purpose = models.CharField(_("purpose"), max_length=20)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("personal data reveal")
        verbose_name_plural = _("personal data reveals")

    def __str__(self):
        return f"{self.user} {self.at:%Y-%m-%d %H:%M}"
