"""The reception part of the report: the stations and their eight-haves, the
delegations that came to see them, and the sessions where deputies met voters."""

import datetime
from functools import cached_property

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reception.models import (
    DelegationVisit,
    ReceptionSession,
    StandardCheck,
    StandardItem,
    Station,
)
from reception.models.standard import checked_between

from ..figures import Figure, Paragraph, changelist, changelist_ids, marker
from ..structure import PLATFORM, SPECIAL
from . import reception_roster
from .reception_roster import roster_sentence
from .registry import Provider, Section, filled
from .station_wording import KEY, standard_sentence, upgrade_sentence

HEADLINE_FIGURES = (
    "reception.stations_upgraded",
    "reception.delegation_visits",
    "reception.sessions",
)


class ReceptionRecords:
    """Stations, delegation visits and reception sessions of a year; each
    aggregate query runs once, when a figure first needs it.

    The stations are those in service on 31 December of the year, and their
    eight-haves state is that of the checks in force on that day: a check dated
    later never counts, and a check of an earlier year stands until a later
    one."""

    def __init__(self, year: int):
        self.year = year
        self.year_end = datetime.date(year, 12, 31)

    def visits_link(self) -> str:
        return changelist("reception.delegationvisit", date__year=self.year)

    def sessions_link(self, **filters) -> str:
        return changelist(
            "reception.receptionsession", started_at__year=self.year, **filters
        )

    @cached_property
    def stations(self):
        return Station.objects.community_stations().in_service_on(self.year_end)

    @cached_property
    def standard(self) -> list[tuple[int, bool, bool, bool]]:
        """(station, upgraded in the year, meets every item at the year's end,
        checked in the year) of the stations in service at the year's end."""
        start = datetime.date(self.year, 1, 1)
        return list(
            self.stations.with_standard(self.year_end)
            .annotate(checked=checked_between(start, self.year_end))
            .order_by("ordering", "pk")
            .values_list("pk", "upgraded_on", "meets_standard", "checked")
        )

    @property
    def in_service(self) -> list[int]:
        return [pk for pk, *_rest in self.standard]

    @property
    def upgraded(self) -> list[int]:
        return [
            pk
            for pk, upgraded, *_rest in self.standard
            if upgraded and upgraded.year == self.year
        ]

    @property
    def meeting(self) -> list[int]:
        return [pk for pk, _up, meets, _checked in self.standard if meets]

    @property
    def checked(self) -> list[int]:
        return [pk for pk, _up, _meets, checked in self.standard if checked]

    @cached_property
    def check_years(self) -> list[str]:
        """The years of the checks in force at the year's end (of items in
        force, at the stations counted), earliest first."""
        checks = StandardCheck.objects.as_of(self.year_end).filter(
            item__active=True, station__in=self.stations
        )
        return [str(day.year) for day in checks.dates("checked_on", "year")]

    @cached_property
    def items(self) -> list[str]:
        return list(StandardItem.objects.active().values_list("name", flat=True))

    @cached_property
    def visits(self) -> list[str]:
        return list(
            DelegationVisit.objects.in_year(self.year)
            .order_by("date", "pk")
            .values_list("visiting_body", flat=True)
        )

    @cached_property
    def session_totals(self) -> dict[str, int | None]:
        return ReceptionSession.objects.in_year(self.year).aggregate(
            n=Count("pk"),
            voters=Sum("voters_received"),
            centralised=Count("pk", filter=Q(mode=ReceptionSession.Mode.CENTRALISED)),
        )


section = Section(__name__)


@section.figure("reception.stations")
def stations(records: ReceptionRecords) -> Figure:
    return Figure.count(
        "reception.stations",
        len(records.in_service),
        _("Community reception stations in service at the year's end"),
        changelist_ids("reception.station", records.in_service),
    )


@section.figure("reception.stations_upgraded")
def stations_upgraded(records: ReceptionRecords) -> Figure:
    return Figure.count(
        "reception.stations_upgraded",
        len(records.upgraded),
        _("Stations upgraded in the year"),
        changelist_ids("reception.station", records.upgraded),
    )


@section.figure("reception.stations_meeting_standard")
def stations_meeting_standard(records: ReceptionRecords) -> Figure:
    return Figure.count(
        "reception.stations_meeting_standard",
        len(records.meeting),
        _("Stations meeting every item of the eight-haves at the year's end"),
        changelist_ids("reception.station", records.meeting),
    )


@section.figure("reception.stations_checked")
def stations_checked(records: ReceptionRecords) -> Figure:
    return Figure.count(
        "reception.stations_checked",
        len(records.checked),
        _("Stations checked against the eight-haves in the year"),
        changelist_ids("reception.station", records.checked),
    )


@section.figure("reception.standard_check_years")
def standard_check_years(records: ReceptionRecords) -> Figure:
    return Figure.names(
        "reception.standard_check_years",
        records.check_years,
        _("Years of the eight-haves checks in force at the year's end"),
        changelist(
            "reception.standardcheck", checked_on__lte=records.year_end.isoformat()
        ),
    )


@section.figure("reception.standard_items")
def standard_items(records: ReceptionRecords) -> Figure:
    return Figure.count(
        "reception.standard_items",
        len(records.items),
        _("Items of the station standard"),
        changelist("reception.standarditem", active=1),
    )


@section.figure("reception.standard_item_names")
def standard_item_names(records: ReceptionRecords) -> Figure:
    return Figure.names(
        "reception.standard_item_names",
        records.items,
        _("The items of the station standard"),
        changelist("reception.standarditem", active=1),
    )


@section.figure("reception.delegation_visits")
def delegation_visits(records: ReceptionRecords) -> Figure:
    return Figure.count(
        "reception.delegation_visits",
        len(records.visits),
        _("Delegation visits received"),
        records.visits_link(),
    )


@section.figure("reception.delegation_bodies")
def delegation_bodies(records: ReceptionRecords) -> Figure:
    return Figure.names(
        "reception.delegation_bodies",
        records.visits,
        _("Delegations received"),
        records.visits_link(),
    )


@section.figure("reception.sessions")
def sessions(records: ReceptionRecords) -> Figure:
    return Figure.count(
        "reception.sessions",
        records.session_totals["n"],
        _("Sessions receiving voters"),
        records.sessions_link(),
    )


@section.figure("reception.sessions_centralised")
def sessions_centralised(records: ReceptionRecords) -> Figure:
    return Figure.count(
        "reception.sessions_centralised",
        records.session_totals["centralised"],
        _("Centralised reception sessions"),
        records.sessions_link(mode=ReceptionSession.Mode.CENTRALISED),
    )


@section.figure("reception.voters")
def voters(records: ReceptionRecords) -> Figure:
    return Figure.count(
        "reception.voters",
        records.session_totals["voters"] or 0,
        _("Voters received"),
        records.sessions_link(),
    )


@section.paragraph
def stations_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    """The stations in service at the year's end: those upgraded in the year,
    and those meeting every item of the standard by the checks in force."""
    upgraded = figures["reception.stations_upgraded"].value
    total = figures[KEY].value
    meeting = figures["reception.stations_meeting_standard"].value
    if not total:
        return Paragraph(
            KEY,
            PLATFORM,
            _("No community reception station was in service at the year's end."),
            10,
        )
    if not (upgraded or meeting):
        return Paragraph(
            KEY,
            PLATFORM,
            _("No upgrade of a reception station is recorded this year."),
            10,
        )
    text = ""
    if upgraded or figures["reception.stations_checked"].value:
        # Work on the stations in the year: upgrades or checks.
        text = _(
            "The working committee built up the deputies' positions for receiving "
            "voters and opened up the “last kilometre” of contact with the people."
        )
    if upgraded:
        text += upgrade_sentence(upgraded, total)
    if meeting:
        text += standard_sentence(figures)
    return Paragraph(KEY, PLATFORM, text.strip(), 10)


@section.paragraph
def visits_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    key = "reception.delegation_visits"
    if not filled(figures, "reception.delegation_visits"):
        return Paragraph(
            key, PLATFORM, _("No delegation visit is recorded this year."), 20
        )
    if figures["reception.delegation_visits"].value == 1:
        text = _(
            "The building of Ziyang Street's community reception stations has "
            "long been among the best of the district. This year the stations "
            "received a delegation from %(bodies)s, who came to see their work."
        )
    else:
        text = _(
            "The building of Ziyang Street's community reception stations has long "
            "been among the best of the district. This year the stations received "
            "%(n)s delegations, from %(bodies)s, who came to see their work."
        )
    text %= {
        "n": marker("reception.delegation_visits"),
        "bodies": marker("reception.delegation_bodies"),
    }
    return Paragraph(key, PLATFORM, text, 20)


def _modes_clause(figures: dict[str, Figure]) -> str:
    """How the sessions were held: all, some or none of them centralised."""
    n = figures["reception.sessions"].value
    centralised = figures["reception.sessions_centralised"].value
    if centralised and centralised >= n:
        return _(
            ", receiving them together at centralised sessions, gathering the "
            "people's problems and pooling resources, and learning their wishes "
            "in time."
        )
    if centralised:
        return ngettext(
            ", %(centralised)s of them a centralised session, gathering the "
            "people's problems and pooling resources, and learning their wishes "
            "in time.",
            ", %(centralised)s of them centralised sessions, gathering the "
            "people's problems and pooling resources, and learning their wishes "
            "in time.",
            centralised,
        ) % {"centralised": marker("reception.sessions_centralised")}
    return _(", learning the people's problems and wishes in time.")


@section.paragraph
def sessions_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    key = "reception.sessions"
    if not filled(figures, "reception.sessions"):
        text = _("No session receiving voters is recorded this year.")
        return Paragraph(key, SPECIAL, text + roster_sentence(figures), 30)
    text = ngettext(
        "receiving voters. Deputies took part in %(n)s session receiving the "
        "public at the street deputy office and the community reception stations "
        "and received %(voters)s voters",
        "receiving voters. Deputies took part in %(n)s sessions receiving the "
        "public at the street deputy office and the community reception stations "
        "and received %(voters)s voters",
        figures["reception.sessions"].value,
    ) % {"n": marker("reception.sessions"), "voters": marker("reception.voters")}
    text += _modes_clause(figures) + roster_sentence(figures)
    return Paragraph(key, SPECIAL, text, 30, numbered=True)


PROVIDER = Provider(ReceptionRecords, [section, reception_roster.section])


def figures(year: int) -> dict[str, Figure]:
    return PROVIDER.figures(year)


def paragraphs(year: int, figures: dict[str, Figure]) -> list[Paragraph]:
    return PROVIDER.paragraphs(year, figures)
