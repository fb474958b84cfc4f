"""A deputy's duty archive (履职档案), assembled from every app's records.

Nothing here is typed in: each app contributes a section about its own records
(see sections.py), for one year or, with year None, the whole term.
"""

from django.utils import timezone

from core.sections import archive_sections

EARLIEST_YEAR = 2000


def archive_years(deputy) -> list[int]:
    """Years that can be asked for, newest first: from the start of service on."""
    from deputies.models import Attendance, DutyReport

    this_year = timezone.localdate().year
    first = deputy.active_from.year if deputy.active_from else this_year
    recorded = [
        d.year
        for d in (
            Attendance.objects.filter(deputy=deputy)
            .order_by("activity__date")
            .values_list("activity__date", flat=True)[:1]
        )
    ] + [
        d.year
        for d in DutyReport.objects.filter(deputy=deputy)
        .order_by("date")
        .values_list("date", flat=True)[:1]
    ]
    first = max(EARLIEST_YEAR, min([first, *recorded]))
    last = this_year
    if deputy.active_to:
        last = max(first, min(last, deputy.active_to.year))
    return list(range(last, first - 1, -1))


def default_year(deputy) -> int:
    """The latest year in which the deputy took part in anything recorded."""
    from deputies.models import Attendance

    latest = (
        Attendance.objects.filter(deputy=deputy, attended=True)
        .order_by("-activity__date")
        .values_list("activity__date", flat=True)
        .first()
    )
    return latest.year if latest else timezone.localdate().year


def parse_year(value, deputy) -> int | None:
    """The year asked for: a year, "all" (None, the whole term) or the default.

    Raises ValueError for anything else.
    """
    if value in (None, ""):
        return default_year(deputy)
    if value == "all":
        return None
    year = int(value)
    if not EARLIEST_YEAR <= year <= timezone.localdate().year + 1:
        raise ValueError(value)
    return year


def build_archive(deputy, year: int | None) -> dict:
    return {
        "deputy": deputy,
        "year": year,
        "sections": archive_sections(deputy, year),
        "generated": timezone.localtime(),
    }
