"""The suggestion workflow: every entry point (public form, deputy workspace,
admin, tasks, demo) changes a suggestion through these functions only.

Each function records a timeline entry for what it did and queues the
notifications after the transaction commits, so that a broker outage never loses
a submission: the notification rows stay in the outbox until a task delivers them.
"""

import contextlib
import contextvars
import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ziyang_portal.images import process_image
from ziyang_portal.roles import STAFF_GROUP

from .models import (
    MAX_PHOTOS,
    Escalation,
    EscalationFollowUp,
    Notification,
    PersonalDataReveal,
    Rating,
    Reply,
    Suggestion,
    SuggestionPhoto,
    TimelineEntry,
)

logger = logging.getLogger(__name__)
Status = Suggestion.Status

# Working days are not modelled: calendar days, overridable per kind and per
# (kind, source) in settings.SUGGESTIONS_DUE_DAYS.
DEFAULT_DUE_DAYS = {
    Suggestion.Kind.RESIDENT: 15,
    Suggestion.Kind.SESSION: 90,
    Suggestion.Kind.INTER_SESSION: 60,
    (Suggestion.Kind.RESIDENT, Suggestion.Source.RECEPTION): 10,
    (Suggestion.Kind.RESIDENT, Suggestion.Source.PHONE): 10,
}


def due_days(kind: str, source: str) -> int:
    table = {**DEFAULT_DUE_DAYS, **getattr(settings, "SUGGESTIONS_DUE_DAYS", {})}
    return table.get((kind, source), table.get(kind, 15))


def default_due_date(suggestion: Suggestion, start: datetime.date | None = None):
    start = start or timezone.localdate()
    return start + datetime.timedelta(days=due_days(suggestion.kind, suggestion.source))


def actor_label(user) -> str:
    """How an actor appears on the timeline: an office or a deputy, never a name
    of a resident."""
    if user is None:
        return _("Committee office")
    deputy = getattr(user, "deputy", None)
    if deputy is not None:
        return _("Deputy %(name)s") % {"name": deputy.name}
    return _("Committee office")


def _entry(suggestion, *, kind, actor=None, note="", public=True, at=None, **extra):
    return TimelineEntry.objects.create(
        suggestion=suggestion,
        kind=kind,
        actor=actor,
        actor_label=extra.pop("label", None) or actor_label(actor),
        note=note,
        public=public,
        at=at or timezone.now(),
        **extra,
    )


# Notifications ---------------------------------------------------------------


def staff_recipients():
    User = get_user_model()
    return User.objects.filter(
        is_active=True, is_staff=True, groups__name=STAFF_GROUP
    ).distinct()


def deputy_recipients(suggestion):
    users = []
    for deputy in (suggestion.following_deputy, suggestion.raised_by):
        if deputy is not None and deputy.user_id and deputy.user_id not in users:
            users.append(deputy.user_id)
    return get_user_model().objects.filter(pk__in=users, is_active=True)


_muted = contextvars.ContextVar("suggestions_notifications_muted", default=False)


@contextlib.contextmanager
def notifications_muted():
    """Record past events (the demo year, an import) without notifying anyone."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def notify(suggestion, kind: str, recipients) -> list[Notification]:
    """In-app notices for each recipient, and their emails queued after commit.

    Messages carry the tracking code and status only: never a resident's name,
    phone, address or words.
    """
    if _muted.get():
        return []
    message = str(NOTIFICATION_TEXT[kind]) % {"code": suggestion.tracking_code}
    rows = [
        Notification.objects.create(
            recipient=user, suggestion=suggestion, kind=kind, message=message
        )
        for user in recipients
    ]
    ids = [n.pk for n in rows]
    if ids:
        transaction.on_commit(lambda: queue_delivery(ids), robust=True)
    return rows


NOTIFICATION_TEXT = {
    Notification.Kind.NEW: gettext_lazy("New item %(code)s is waiting to be accepted."),
    Notification.Kind.ASSIGNED: gettext_lazy("Item %(code)s has been assigned to you."),
    Notification.Kind.OVERDUE: gettext_lazy("Item %(code)s is past its due date."),
    Notification.Kind.REOPENED: gettext_lazy(
        "Item %(code)s was reopened and needs attention."
    ),
    Notification.Kind.ESCALATION: gettext_lazy(
        "The escalation of item %(code)s has news."
    ),
}


def queue_delivery(ids) -> None:
    """Hand notices to the worker; when the broker is down they wait in the
    outbox for `sweep_outbox`."""
    from ziyang_portal.queueing import send_many_quickly

    from .tasks import deliver_notification

    ids = list(ids)
    sent = send_many_quickly(deliver_notification, [(pk,) for pk in ids])
    for pk in ids[sent:]:
        logger.warning("Notification %s left in the outbox: broker unreachable", pk)


def notification_deliver(notification_id: int) -> bool:
    """Email one notice unless already sent; True when it is now delivered."""
    from django.core.mail import send_mail

    with transaction.atomic():
        notice = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id, sent_at__isnull=True)
            .first()
        )
        if notice is None:
            return False
        notice.attempts += 1
        if notice.recipient.email:
            send_mail(
                subject=_("[Ziyang portal] %(message)s") % {"message": notice.message},
                message=notice.message,
                from_email=None,
                recipient_list=[notice.recipient.email],
            )
        notice.sent_at = timezone.now()
        notice.save(update_fields=["attempts", "sent_at"])
    return True


# Receipt ---------------------------------------------------------------------


def suggestion_create(
    *,
    suggestion: Suggestion,
    photos=(),
    actor=None,
    at=None,
    note: str = "",
) -> Suggestion:
    """Record a new suggestion (status received) with its photos.

    `photos` are uploaded files, each run through the image pipeline; a
    submission token already used returns the suggestion it created, so a form
    sent twice makes one row and one code.
    """
    if len(photos) > MAX_PHOTOS:
        raise ValidationError(
            _("At most %(max)d photos.") % {"max": MAX_PHOTOS}, code="too_many_photos"
        )
    if suggestion.submission_token:
        existing = Suggestion.objects.filter(
            submission_token=suggestion.submission_token
        ).first()
        if existing:
            return existing
    cleaned = [p if _is_processed(p) else process_image(p) for p in photos]
    suggestion.status = Status.RECEIVED
    suggestion.created_by = actor if actor and actor.is_authenticated else None
    if at:
        suggestion.received_at = at
    try:
        with transaction.atomic():
            suggestion.save()
    except IntegrityError:
        existing = Suggestion.objects.filter(
            submission_token=suggestion.submission_token
        ).first()
        if suggestion.submission_token and existing:
            return existing
        raise
    for image in cleaned:
        SuggestionPhoto.objects.create(suggestion=suggestion, image=image)
    _entry(
        suggestion,
        kind=TimelineEntry.Kind.RECEIVED,
        actor=suggestion.created_by,
        to_status=Status.RECEIVED,
        note=note,
        at=suggestion.received_at,
    )
    notify(suggestion, Notification.Kind.NEW, staff_recipients())
    return suggestion


def _is_processed(photo) -> bool:
    # Files already re-encoded by PortalImageFormField are ContentFiles.
    from django.core.files.base import ContentFile

    return isinstance(photo, ContentFile)


def suggestion_from_session_issue(
    *, session, issue, deputy, user, title, text, category=None
) -> tuple[Suggestion, bool]:
    """Turn an issue raised at a reception session into a tracked suggestion.

    One issue line makes one suggestion: asking again returns the existing one
    (and False). The deputy who raised it follows it.
    """
    existing = Suggestion.objects.filter(session_issue_uid=issue.uid).first()
    if existing:
        return existing, False
    suggestion = Suggestion(
        kind=Suggestion.Kind.RESIDENT,
        source=Suggestion.Source.RECEPTION,
        reception_session=session,
        session_issue_uid=issue.uid,
        community=issue.community,
        category=category,
        title=title,
        text=text,
        raised_by=deputy,
        following_deputy=deputy,
        received_at=session.started_at,
    )
    created = suggestion_create(
        suggestion=suggestion,
        actor=user,
        note=_("Raised at the reception session of %(date)s.")
        % {"date": timezone.localtime(session.started_at).strftime("%Y-%m-%d")},
    )
    return created, created.pk == suggestion.pk


# Transitions -----------------------------------------------------------------


def _move(suggestion, to_status, *, actor, note="", public=True, at=None):
    before = suggestion.status
    if not Suggestion.can_move(before, to_status):
        raise ValidationError(
            _("A suggestion cannot go from %(before)s to %(after)s.")
            % {"before": Status(before).label, "after": Status(to_status).label},
            code="bad_transition",
        )
    suggestion.status = to_status
    if to_status in Suggestion.FINISHED:
        suggestion.finished_at = at or timezone.now()
    elif before in Suggestion.FINISHED:
        suggestion.finished_at = None
    suggestion.save()
    _entry(
        suggestion,
        kind=TimelineEntry.Kind.TRANSITION,
        actor=actor,
        from_status=before,
        to_status=to_status,
        note=note,
        public=public,
        at=at,
    )
    return suggestion


def _locked(suggestion) -> Suggestion:
    """Re-read the row under a lock so that two clerks cannot move it at once."""
    fresh = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    suggestion.__dict__.update(
        {k: v for k, v in fresh.__dict__.items() if not k.startswith("_")}
    )
    suggestion._loaded_status = fresh.status
    return suggestion


@transaction.atomic
def suggestion_accept(
    *,
    suggestion,
    actor,
    handling_unit,
    due_date=None,
    following_deputy=None,
    note="",
    at=None,
):
    _locked(suggestion)
    start = timezone.localdate(at) if at else None
    suggestion.handling_unit = handling_unit
    suggestion.due_date = due_date or default_due_date(suggestion, start)
    deputy_changed = (
        following_deputy is not None
        and following_deputy.pk != suggestion.following_deputy_id
    )
    if following_deputy is not None:
        suggestion.following_deputy = following_deputy
    _move(
        suggestion,
        Status.ACCEPTED,
        actor=actor,
        at=at,
        note=note
        or _("Accepted; handled by %(unit)s, due %(due)s.")
        % {"unit": handling_unit, "due": suggestion.due_date},
    )
    if deputy_changed:
        notify(suggestion, Notification.Kind.ASSIGNED, deputy_recipients(suggestion))
    return suggestion


@transaction.atomic
def suggestion_start(*, suggestion, actor, note="", at=None):
    _locked(suggestion)
    return _move(
        suggestion,
        Status.IN_PROGRESS,
        actor=actor,
        at=at,
        note=note or _("Handling has started."),
    )


@transaction.atomic
def suggestion_reply(
    *,
    suggestion,
    actor,
    responder,
    answered_on,
    channel,
    text,
    outcome="",
    at=None,
):
    """Record the answer and move the item to replied (or rejected, see below)."""
    _locked(suggestion)
    if not Suggestion.can_move(suggestion.status, Status.REPLIED):
        raise ValidationError(
            _("A suggestion cannot go from %(before)s to %(after)s.")
            % {
                "before": Status(suggestion.status).label,
                "after": Status.REPLIED.label,
            },
            code="bad_transition",
        )
    _record_reply(suggestion, actor, responder, answered_on, channel, text, at)
    if outcome:
        suggestion.outcome = outcome
    return _move(
        suggestion,
        Status.REPLIED,
        actor=actor,
        at=at,
        note=_("Answered by %(who)s on %(date)s.")
        % {"who": responder, "date": answered_on},
    )


def _record_reply(suggestion, actor, responder, answered_on, channel, text, at):
    if not (responder and answered_on and channel and text):
        raise ValidationError(
            _("A reply needs who answered, the date, the channel and the text."),
            code="needs_reply",
        )
    return Reply.objects.create(
        suggestion=suggestion,
        responder=responder,
        answered_on=answered_on,
        channel=channel,
        text=text,
        recorded_by=actor,
        created_at=at or timezone.now(),
    )


@transaction.atomic
def suggestion_reject(
    *, suggestion, actor, responder, answered_on, channel, text, at=None
):
    """Not accepted: the reason is a reply to the resident like any other."""
    _locked(suggestion)
    if not Suggestion.can_move(suggestion.status, Status.REJECTED):
        raise ValidationError(
            _("A suggestion cannot go from %(before)s to %(after)s.")
            % {
                "before": Status(suggestion.status).label,
                "after": Status.REJECTED.label,
            },
            code="bad_transition",
        )
    _record_reply(suggestion, actor, responder, answered_on, channel, text, at)
    return _move(suggestion, Status.REJECTED, actor=actor, at=at, note=text)


@transaction.atomic
def suggestion_close(*, suggestion, actor, note="", outcome="", at=None):
    _locked(suggestion)
    if outcome:
        suggestion.outcome = outcome
    return _move(
        suggestion, Status.CLOSED, actor=actor, at=at, note=note or _("Closed.")
    )


@transaction.atomic
def suggestion_reopen(*, suggestion, actor, note, public=True, at=None):
    _locked(suggestion)
    _move(suggestion, Status.REOPENED, actor=actor, note=note, public=public, at=at)
    suggestion.due_date = default_due_date(
        suggestion, timezone.localdate(at) if at else None
    )
    suggestion.save(update_fields=["due_date"])
    notify(
        suggestion,
        Notification.Kind.REOPENED,
        [*staff_recipients(), *deputy_recipients(suggestion)],
    )
    return suggestion


@transaction.atomic
def suggestion_follow_up(
    *, suggestion, actor, note, public=False, on_behalf_of=None, at=None
):
    """A follow-up (督办) note by a deputy or staff: a call, a visit, a chase.

    `on_behalf_of` names the deputy when staff record what a deputy did.
    """
    if not note.strip():
        raise ValidationError(_("Write what was done."), code="empty_note")
    label = _("Deputy %(name)s") % {"name": on_behalf_of.name} if on_behalf_of else None
    return _entry(
        suggestion,
        kind=TimelineEntry.Kind.FOLLOW_UP,
        actor=actor,
        note=note.strip(),
        public=public,
        at=at,
        label=label,
    )


@transaction.atomic
def suggestion_assign(
    *, suggestion, actor, following_deputy=None, handling_unit=None, at=None
):
    """Set the following deputy and/or the handling unit; notify the deputy."""
    _locked(suggestion)
    changed = []
    notes = []
    if following_deputy is not None and following_deputy.pk != (
        suggestion.following_deputy_id
    ):
        suggestion.following_deputy = following_deputy
        changed.append("following_deputy")
        notes.append(_("Following deputy: %(name)s.") % {"name": following_deputy})
    if handling_unit is not None and handling_unit.pk != suggestion.handling_unit_id:
        suggestion.handling_unit = handling_unit
        changed.append("handling_unit")
        notes.append(_("Handling unit: %(name)s.") % {"name": handling_unit})
    if not changed:
        return suggestion
    suggestion.save(update_fields=changed)
    _entry(
        suggestion,
        kind=TimelineEntry.Kind.ASSIGNMENT,
        actor=actor,
        note=" ".join(notes),
        public=False,
        at=at,
    )
    if "following_deputy" in changed:
        notify(suggestion, Notification.Kind.ASSIGNED, deputy_recipients(suggestion))
    return suggestion


# Escalation ------------------------------------------------------------------


@transaction.atomic
def escalation_create(
    *, suggestion, actor, city_deputy, escalated_on, request, at=None
) -> Escalation:
    escalation = Escalation.objects.create(
        suggestion=suggestion,
        city_deputy=city_deputy,
        escalated_on=escalated_on,
        request=request,
        created_by=actor,
    )
    _entry(
        suggestion,
        kind=TimelineEntry.Kind.ESCALATION,
        actor=actor,
        note=_("Referred to city-level deputy %(name)s for help.")
        % {"name": city_deputy},
        at=at,
    )
    notify(
        suggestion,
        Notification.Kind.ESCALATION,
        [*staff_recipients(), *deputy_recipients(suggestion)],
    )
    return escalation


@transaction.atomic
def escalation_follow_up(
    *, escalation, actor, on, text, status=None, public=True, at=None
) -> EscalationFollowUp:
    follow_up = EscalationFollowUp.objects.create(
        escalation=escalation, on=on, text=text, public=public, recorded_by=actor
    )
    if status and status != escalation.status:
        escalation.status = status
        escalation.save(update_fields=["status"])
    _entry(
        escalation.suggestion,
        kind=TimelineEntry.Kind.FOLLOW_UP,
        actor=actor,
        note=text,
        public=public,
        at=at,
    )
    notify(
        escalation.suggestion,
        Notification.Kind.ESCALATION,
        [*staff_recipients(), *deputy_recipients(escalation.suggestion)],
    )
    return follow_up


# Rating ----------------------------------------------------------------------


@transaction.atomic
def suggestion_rate(*, suggestion, score, comment="", at=None) -> Rating:
    """The resident rates the latest reply; 不满意 reopens the item."""
    _locked(suggestion)
    if suggestion.status != Status.REPLIED:
        raise ValidationError(
            _("This item can be rated once it has been answered."), code="not_replied"
        )
    reply = suggestion.replies.order_by("-answered_on", "-pk").first()
    if reply is None or Rating.objects.filter(reply=reply).exists():
        raise ValidationError(
            _("This answer has already been rated."), code="already_rated"
        )
    rating = Rating.objects.create(
        suggestion=suggestion,
        reply=reply,
        score=score,
        comment=comment,
        created_at=at or timezone.now(),
    )
    _entry(
        suggestion,
        kind=TimelineEntry.Kind.RATING,
        label=_("Resident"),
        note=_("Rated: %(score)s.") % {"score": rating.get_score_display()},
        at=at,
    )
    if score == Rating.Score.UNSATISFIED:
        suggestion_reopen(
            suggestion=suggestion,
            actor=None,
            note=_("The resident is not satisfied: %(comment)s")
            % {"comment": comment or "-"},
            public=False,
            at=at,
        )
    return rating


# Overdue and personal data -----------------------------------------------------


def notify_overdue(today=None) -> int:
    """One overdue notice per item and day, to staff and the following deputy."""
    today = today or timezone.localdate()
    count = 0
    items = Suggestion.objects.overdue(today).select_related(
        "following_deputy", "raised_by"
    )
    for suggestion in items:
        already = suggestion.notifications.filter(
            kind=Notification.Kind.OVERDUE, created_at__date=today
        ).exists()
        if already:
            continue
        with transaction.atomic():
            notify(
                suggestion,
                Notification.Kind.OVERDUE,
                [*staff_recipients(), *deputy_recipients(suggestion)],
            )
        count += 1
    return count


def personal_data_reveal(*, suggestion, user, purpose="view") -> dict:
    """The full contact details, for a user with the permission; recorded."""
    if not user.has_perm("suggestions.reveal_personal_data"):
        raise PermissionDenied
    PersonalDataReveal.objects.create(user=user, suggestion=suggestion, purpose=purpose)
    return {
        "name": suggestion.submitter_name,
        "phone": suggestion.submitter_phone,
        "address": suggestion.submitter_address,
    }


def personal_data_erase(*, suggestion, at=None) -> None:
    """Blank the resident's contact details and delete the photos; counts stay."""
    for photo in suggestion.photos.all():
        photo.image.delete(save=False)
        photo.delete()
    suggestion.submitter_name = ""
    suggestion.submitter_phone = ""
    suggestion.submitter_address = ""
    suggestion.personal_data_erased_at = at or timezone.now()
    suggestion.save(
        update_fields=[
            "submitter_name",
            "submitter_phone",
            "submitter_address",
            "phone_last4",
            "personal_data_erased_at",
        ]
    )


def erase_expired_personal_data(now=None) -> int:
    count = 0
    for suggestion in Suggestion.objects.personal_data_expired(now):
        with transaction.atomic():
            personal_data_erase(suggestion=suggestion, at=now)
        count += 1
    return count
