"""Residents' contact details: revealing them on record, erasing them in time."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from ..models import PersonalDataReveal, Suggestion


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
    suggestion.notice_channel = Suggestion.NoticeChannel.NONE
    suggestion.notice_email = ""
    suggestion.resident_notices.pending().update(
        given_up_at=timezone.now(), last_error="personal data erased"
    )
    suggestion.personal_data_erased_at = at or timezone.now()
    suggestion.save(
        update_fields=[
            "submitter_name",
            "submitter_phone",
            "submitter_address",
            "phone_last4",
            "notice_channel",
            "notice_email",
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
