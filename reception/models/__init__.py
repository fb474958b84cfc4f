"""Reception stations, the sessions where deputies receive voters, and visits.

Every model of the app is imported here, so that Django finds them under the
`reception` app label and `from reception.models import ...` reaches them all.
"""

from .sessions import (
    DEPUTY_EDIT_WINDOW,
    MAX_VOTERS_PER_SESSION,
    SESSION_PHOTOS_FOLDER,
    ReceptionSession,
    ReceptionSessionQuerySet,
    SessionIssue,
    SessionPhoto,
)
from .standard import (
    DEFAULT_STANDARD_ITEMS,
    StandardCheck,
    StandardCheckQuerySet,
    StandardItem,
    StandardItemQuerySet,
)
from .stations import Station, StationPhoto, StationQuerySet
from .visits import DelegationVisit, DelegationVisitPhoto, DelegationVisitQuerySet

__all__ = [
    "DEFAULT_STANDARD_ITEMS",
    "DEPUTY_EDIT_WINDOW",
    "MAX_VOTERS_PER_SESSION",
    "SESSION_PHOTOS_FOLDER",
    "DelegationVisit",
    "DelegationVisitPhoto",
    "DelegationVisitQuerySet",
    "ReceptionSession",
    "ReceptionSessionQuerySet",
    "SessionIssue",
    "SessionPhoto",
    "StandardCheck",
    "StandardCheckQuerySet",
    "StandardItem",
    "StandardItemQuerySet",
    "Station",
    "StationPhoto",
    "StationQuerySet",
]
