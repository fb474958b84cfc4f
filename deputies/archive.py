"""This app's section of a deputy's duty archive (see core/sections.py)."""

from django.db.models import Prefetch

from .models import (
    ActivityPhoto,
    Attendance,
    ByElection,
    DutyActivity,
    DutyReport,
    Rate,
)


def section(deputy, year):
    """Context for deputies/_archive.html: activities, duty reports, by-elections.

    Always a context, even an empty one: the register is the archive's spine.
    """
    attendances = list(
        Attendance.objects.in_year(year)
        .filter(deputy=deputy)
        .select_related("activity")
        .prefetch_related(
            Prefetch("activity__photos", queryset=ActivityPhoto.objects.all())
        )
        .order_by("activity__date", "activity__id")
    )
    briefings = [
        a for a in attendances if a.activity.kind == DutyActivity.Kind.BRIEFING
    ]
    activities = [a for a in attendances if a not in briefings]
    by_kind = []
    for kind, label in DutyActivity.Kind.choices:
        rows = [a for a in attendances if a.activity.kind == kind]
        if rows:
            by_kind.append(
                {
                    "label": label,
                    "invited": sum(a.invited for a in rows),
                    "attended": sum(a.attended for a in rows),
                }
            )
    reports = list(
        DutyReport.objects.in_year(year)
        .filter(deputy=deputy)
        .select_related("constituency")
        .order_by("date")
    )
    by_elections = list(
        ByElection.objects.in_year(year)
        .filter(elected=deputy)
        .select_related("constituency")
    )
    return {
        "year": year,
        "participation": Rate(
            sum(a.attended for a in activities), sum(a.invited for a in activities)
        ),
        "by_kind": by_kind,
        "activities": activities,
        "photo_count": sum(len(a.activity.photos.all()) for a in activities),
        "briefings": briefings,
        "reports": reports,
        "by_elections": by_elections,
    }
