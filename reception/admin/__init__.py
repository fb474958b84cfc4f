"""The reception admin: stations and their eight-haves checks, delegation
visits, and reception sessions."""

from .sessions import (
    MonthFilter,
    ReceptionSessionAdmin,
    SessionIssueInline,
    SessionPhotoInline,
)
from .stations import (
    DelegationVisitAdmin,
    StandardCheckAdmin,
    StandardCheckInline,
    StandardItemAdmin,
    StationAdmin,
)

__all__ = [
    "DelegationVisitAdmin",
    "MonthFilter",
    "ReceptionSessionAdmin",
    "SessionIssueInline",
    "SessionPhotoInline",
    "StandardCheckAdmin",
    "StandardCheckInline",
    "StandardItemAdmin",
    "StationAdmin",
]
