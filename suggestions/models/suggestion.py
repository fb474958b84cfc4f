"""The suggestion itself, with its tracking code and its lifecycle.

The lifecycle (DESIGN.md) is held here, in the model, so that no entry point can
skip it: `Suggestion.save()` refuses a status change that `TRANSITIONS` does not
allow and a reply-needing status without a reply record. The workflow around it
(timeline entries, notifications) lives in the `suggestions.services` modules.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from deputies.models import Community, Deputy

from .masking import mask_address, mask_email, mask_name, mask_phone
from .reference import Category, HandlingUnit
from .suggestion_queries import SuggestionQuerySet
from .tracking_codes import new_tracking_code

PRIVACY_NOTICE_VERSION = "2018-01"


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
        QR_POSTER = "qr_poster", _("Public web form, from a QR code poster")

    class NoticeChannel(models.TextChoices):
        NONE = "", _("No notice")
        SMS = "sms", _("By SMS to my phone")
        EMAIL = "email", _("By e-mail")

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
    # The resident's choice of a notice at each public status change; the
    # address is personal data, erased with the rest (personal_data.py).
    notice_channel = models.CharField(
        _("notices of status changes"),
        max_length=10,
        choices=NoticeChannel.choices,
        blank=True,
        default=NoticeChannel.NONE,
    )
    notice_email = models.EmailField(_("e-mail for notices"), blank=True)
    # The QR code poster the form was reached from (a station's or a deputy's).
    station = models.ForeignKey(
        "reception.Station",
        verbose_name=_("reception station (QR code)"),
        on_delete=models.SET_NULL,
        related_name="suggestions",
        null=True,
        blank=True,
    )
    addressed_deputy = models.ForeignKey(
        Deputy,
        verbose_name=_("deputy addressed (QR code)"),
        on_delete=models.SET_NULL,
        related_name="suggestions_addressed",
        null=True,
        blank=True,
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
            "notice_email",
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
            models.CheckConstraint(
                condition=Q(personal_data_erased_at__isnull=True)
                | (Q(notice_email="") & Q(notice_channel="")),
                name="suggestion_erased_has_no_notice_address",
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
    def masked_notice_email(self) -> str:
        return mask_email(self.notice_email)

    @property
    def masked_address(self) -> str:
        return mask_address(self.submitter_address)
