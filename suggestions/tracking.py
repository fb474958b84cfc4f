"""Looking an item up by its tracking code and the phone's last four digits.

Four digits are ten thousand guesses: the per-address limit alone lets many
addresses share the work. So wrong digits are also counted per code; after
TRACK_CODE_FAILURES in a day the code answers, for everyone and whatever the
digits, that its look-up is locked and whom to ask. An unknown code is counted
and locked the same way, so the answers never tell a real code from a made-up
one. A code locking is an event of the audit trail.
"""

import enum

from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from security import audit

from . import ratelimit
from .models import Suggestion, normalise_tracking_code

SCOPE = "track-code"


class Outcome(enum.Enum):
    FOUND = "found"
    NO_MATCH = "no_match"
    LOCKED = "locked"


def no_match_message() -> str:
    # One answer for an unknown code and a wrong phone suffix alike.
    return _("No item matches this code and these digits. Please check both.")


def locked_message() -> str:
    return _(
        "This code can no longer be looked up today: too many wrong digits were "
        "tried with it. Please ask the committee office or a community reception "
        "station, who will check your item with you."
    )


def look_up(code: str, phone_last4: str, *, request=None, queryset=None):
    """(Outcome, the suggestion or None) for this code and these digits."""
    normalised = normalise_tracking_code(code)
    if ratelimit.reached(SCOPE, normalised):
        return Outcome.LOCKED, None
    queryset = Suggestion.objects.all() if queryset is None else queryset
    suggestion = queryset.filter(tracking_code=normalised).first()
    stored = suggestion.phone_last4 if suggestion else ""
    if stored and constant_time_compare(stored, phone_last4):
        return Outcome.FOUND, suggestion
    ratelimit.hit(SCOPE, normalised)
    if ratelimit.reached(SCOPE, normalised):
        audit.record(
            audit.Action.TRACKING_LOCKED,
            request=request,
            target=f"tracking code {normalised}"[:200],
            detail="locked after too many wrong digits",
        )
        return Outcome.LOCKED, None
    return Outcome.NO_MATCH, None
