"""The years a dashboard can be shown for."""

import datetime

from django.utils import timezone

from core.pagecache import cached_data
from suggestions.models import Suggestion


def available_years(today: datetime.date | None = None) -> list[int]:
    """The years the filter offers: from the first record to this year."""
    today = today or timezone.localdate()
    first = cached_data("first-year", (), _first_year, app_labels=("suggestions",))
    start = first or today.year
    start = min(start, today.year - 1)
    return list(range(today.year, start - 1, -1))


def _first_year() -> int | None:
    first = (
        Suggestion.objects.order_by("received_at")
        .values_list("received_at", flat=True)
        .first()
    )
    return timezone.localtime(first).year if first else None
