"""Receiving a suggestion: the public form, staff, the API, a reception session."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.images import process_image

from ..models import (
    MAX_PHOTOS,
    Category,
    Notification,
    Suggestion,
    SuggestionPhoto,
    TimelineEntry,
)
from .notifications import notify, staff_recipients
from .resident_notices import queue_status_notice
from .timeline import add_entry

Status = Suggestion.Status


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
    entry = add_entry(
        suggestion,
        kind=TimelineEntry.Kind.RECEIVED,
        actor=suggestion.created_by,
        to_status=Status.RECEIVED,
        note=note,
        at=suggestion.received_at,
    )
    queue_status_notice(suggestion, entry)
    notify(suggestion, Notification.Kind.NEW, staff_recipients())
    return suggestion


def _is_processed(photo) -> bool:
    # Files already re-encoded by PortalImageFormField are ContentFiles.
    from django.core.files.base import ContentFile

    return isinstance(photo, ContentFile)


def session_issue_defaults(issue) -> dict:
    """What a suggestion made of an issue line starts with: its text, the
    same cut to 60 characters as the title, and the category of that name."""
    return {
        "title": issue.text[:60],
        "text": issue.text,
        "category": Category.objects.filter(name=issue.category).first(),
    }


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
