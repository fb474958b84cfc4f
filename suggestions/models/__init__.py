"""Suggestions and residents' opinions, followed from receipt to closure.

Every model of the app is imported here, so that Django finds them under the
`suggestions` app label and `from suggestions.models import ...` reaches them all.
"""

from .append_only import AppendOnlyModel, AppendOnlyQuerySet
from .escalations import Escalation, EscalationFollowUp
from .masking import mask_address, mask_email, mask_name, mask_phone
from .notifications import Notification, NotificationQuerySet
from .photos import MAX_PHOTOS, SuggestionPhoto
from .reference import Category, HandlingUnit
from .replies import Rating, Reply
from .resident_notices import ResidentNotice, ResidentNoticeQuerySet
from .reveals import PersonalDataReveal
from .suggestion import PRIVACY_NOTICE_VERSION, Suggestion
from .suggestion_queries import SuggestionQuerySet
from .timeline import TimelineEntry
from .tracking_codes import (
    CODE_ALPHABET,
    CODE_GROUP_SIZE,
    CODE_GROUPS,
    new_tracking_code,
    normalise_tracking_code,
)

__all__ = [
    "CODE_ALPHABET",
    "CODE_GROUPS",
    "CODE_GROUP_SIZE",
    "MAX_PHOTOS",
    "PRIVACY_NOTICE_VERSION",
    "AppendOnlyModel",
    "AppendOnlyQuerySet",
    "Category",
    "Escalation",
    "EscalationFollowUp",
    "HandlingUnit",
    "Notification",
    "NotificationQuerySet",
    "PersonalDataReveal",
    "Rating",
    "Reply",
    "ResidentNotice",
    "ResidentNoticeQuerySet",
    "Suggestion",
    "SuggestionPhoto",
    "SuggestionQuerySet",
    "TimelineEntry",
    "mask_address",
    "mask_email",
    "mask_name",
    "mask_phone",
    "new_tracking_code",
    "normalise_tracking_code",
]
