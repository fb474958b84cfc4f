"""Read-only figures about reception, for the admin statistics and the reports."""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from deputies.models import Deputy

from .models import ReceptionSession, Station


@dataclass
class StationYear:
    station: Station
    sessions: int
    voters: int
    attendances: int
    deputies_present: int
    deputies_assigned: int
    assigned_present: int

    @property
    def attendance_rate(self) -> int | None:
        """Share (in %) of the assigned deputies who came at least once."""
        if not self.deputies_assigned:
            return None
        return round(100 * self.assigned_present / self.deputies_assigned)


def station_year_statistics(year: int) -> list[StationYear]:
    """Sessions, voters and deputies' attendance per station in a year.

    A fixed number of queries whatever the number of stations or sessions.
    """
    in_year = Q(sessions__started_at__year=year)
    stations = Station.objects.annotate(
        n_sessions=Count("sessions", filter=in_year, distinct=True),
        n_assigned=Count("deputies", distinct=True),
    ).order_by("ordering", "name")
    voters = dict(
        ReceptionSession.objects.in_year(year)
        .values("station")
        .annotate(total=Coalesce(Sum("voters_received"), 0))
        .values_list("station", "total")
    )
    Through = ReceptionSession.deputies.through
    pairs = list(
        Through.objects.filter(receptionsession__started_at__year=year).values_list(
            "receptionsession__station_id", "deputy_id"
        )
    )
    assigned = set(
        Station.deputies.through.objects.values_list("station_id", "deputy_id")
    )
    rows = []
    for station in stations:
        present = [d for s, d in pairs if s == station.pk]
        distinct = set(present)
        rows.append(
            StationYear(
                station=station,
                sessions=station.n_sessions,
                voters=voters.get(station.pk, 0),
                attendances=len(present),
                deputies_present=len(distinct),
                deputies_assigned=station.n_assigned,
                assigned_present=len(
                    {d for d in distinct if (station.pk, d) in assigned}
                ),
            )
        )
    return rows


def deputy_year_attendance(year: int):
    """Deputies with the number of sessions they attended and voters met there."""
    in_year = Q(reception_sessions__started_at__year=year)
    return (
        Deputy.objects.annotate(
            n_sessions=Count("reception_sessions", filter=in_year, distinct=True),
            n_voters=Coalesce(
                Sum("reception_sessions__voters_received", filter=in_year), 0
            ),
        )
        .filter(n_sessions__gt=0)
        .order_by("-n_sessions", "name")
    )


def years_with_sessions() -> list[int]:
    return sorted(
        {d.year for d in ReceptionSession.objects.dates("started_at", "year")},
        reverse=True,
    )
