"""The reception part of the report: the stations and their eight-haves, the
delegations that came to see them, and the sessions where deputies met voters."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from reception.models import DelegationVisit, ReceptionSession, StandardItem, Station

from ..figures import Figure, Paragraph, changelist, changelist_ids, marker
from ..structure import PLATFORM, SPECIAL

HEADLINE_FIGURES = (
    "reception.stations_upgraded",
    "reception.delegation_visits",
    "reception.sessions",
)


def figures(year: int) -> dict[str, Figure]:
    stations = Station.objects.community_stations().filter(active=True)
    upgraded = list(
        stations.upgraded_in(year).order_by("ordering").values_list("pk", flat=True)
    )
    standard = list(stations.with_standard().values_list("pk", "meets_standard"))
    meeting = [pk for pk, meets in standard if meets]
    items = list(StandardItem.objects.active().values_list("name", flat=True))
    visits = list(
        DelegationVisit.objects.in_year(year)
        .order_by("date", "pk")
        .values_list("visiting_body", flat=True)
    )
    sessions = ReceptionSession.objects.in_year(year)
    totals = sessions.aggregate(
        n=Count("pk"),
        voters=Sum("voters_received"),
        centralised=Count("pk", filter=Q(mode=ReceptionSession.Mode.CENTRALISED)),
    )
    visits_link = changelist("reception.delegationvisit", date__year=year)
    sessions_link = changelist("reception.receptionsession", started_at__year=year)
    return {
        f.key: f
        for f in (
            Figure.count(
                "reception.stations",
                len(standard),
                _("Community reception stations in service"),
                changelist("reception.station", kind=Station.Kind.COMMUNITY, active=1),
            ),
            Figure.count(
                "reception.stations_upgraded",
                len(upgraded),
                _("Stations upgraded in the year"),
                changelist(
                    "reception.station",
                    kind=Station.Kind.COMMUNITY,
                    upgraded_on__year=year,
                ),
            ),
            Figure.count(
                "reception.stations_meeting_standard",
                len(meeting),
                _("Stations meeting every item of the eight-haves"),
                changelist_ids("reception.station", meeting),
            ),
            Figure.count(
                "reception.standard_items",
                len(items),
                _("Items of the station standard"),
                changelist("reception.standarditem", active=1),
            ),
            Figure.names(
                "reception.standard_item_names",
                items,
                _("The items of the station standard"),
                changelist("reception.standarditem", active=1),
            ),
            Figure.count(
                "reception.delegation_visits",
                len(visits),
                _("Delegation visits received"),
                visits_link,
            ),
            Figure.names(
                "reception.delegation_bodies",
                visits,
                _("Delegations received"),
                visits_link,
            ),
            Figure.count(
                "reception.sessions",
                totals["n"],
                _("Sessions receiving voters"),
                sessions_link,
            ),
            Figure.count(
                "reception.sessions_centralised",
                totals["centralised"],
                _("Centralised reception sessions"),
                changelist(
                    "reception.receptionsession",
                    started_at__year=year,
                    mode=ReceptionSession.Mode.CENTRALISED,
                ),
            ),
            Figure.count(
                "reception.voters",
                totals["voters"] or 0,
                _("Voters received"),
                sessions_link,
            ),
        )
    }


def paragraphs(year: int, figures: dict[str, Figure]) -> list[Paragraph]:
    return [_stations(figures), _visits(figures), _sessions(figures)]


def _has(figures, key) -> bool:
    return not figures[key].is_empty


def _stations(figures) -> Paragraph:
    key = "reception.stations"
    upgraded = figures["reception.stations_upgraded"].value
    total = figures["reception.stations"].value
    meeting = figures["reception.stations_meeting_standard"].value
    if not (upgraded or meeting):
        return Paragraph(
            key,
            PLATFORM,
            _("No upgrade of a reception station is recorded this year."),
            10,
        )
    text = _(
        "The working committee built up the deputies' positions for receiving "
        "voters and opened up the “last kilometre” of contact with the people."
    )
    if upgraded:
        if upgraded >= total:
            text += _(
                " With the support of the standing committee of the district "
                "people's congress, all %(n)s community reception stations were "
                "upgraded."
            ) % {"n": marker("reception.stations_upgraded")}
        else:
            text += _(
                " With the support of the standing committee of the district "
                "people's congress, %(n)s of the %(total)s community reception "
                "stations were upgraded."
            ) % {
                "n": marker("reception.stations_upgraded"),
                "total": marker("reception.stations"),
            }
    if meeting:
        if meeting >= total:
            text += _(
                " Every station is built to the eight-haves standard (%(items)s), "
                "and all %(n)s meet every item: complete facilities, sound rules "
                "and people in charge."
            )
        else:
            text += _(
                " Built to the eight-haves standard (%(items)s), %(n)s stations "
                "meet every item."
            )
        text %= {
            "items": marker("reception.standard_item_names"),
            "n": marker("reception.stations_meeting_standard"),
        }
    return Paragraph(key, PLATFORM, text, 10)


def _visits(figures) -> Paragraph:
    key = "reception.delegation_visits"
    if not _has(figures, "reception.delegation_visits"):
        return Paragraph(
            key, PLATFORM, _("No delegation visit is recorded this year."), 20
        )
    return Paragraph(
        key,
        PLATFORM,
        _(
            "The building of Ziyang Street's community reception stations has long "
            "been among the best of the district. This year the stations received "
            "%(n)s delegations, from %(bodies)s, who came to see their work."
        )
        % {
            "n": marker("reception.delegation_visits"),
            "bodies": marker("reception.delegation_bodies"),
        },
        20,
    )


def _sessions(figures) -> Paragraph:
    key = "reception.sessions"
    if not _has(figures, "reception.sessions"):
        return Paragraph(
            key, SPECIAL, _("No session receiving voters is recorded this year."), 30
        )
    return Paragraph(
        key,
        SPECIAL,
        _(
            "receiving voters. Deputies took part in %(n)s sessions receiving the "
            "public at the street deputy office and the community reception "
            "stations and received %(voters)s voters, gathering the people's "
            "problems and learning their wishes in time."
        )
        % {"n": marker("reception.sessions"), "voters": marker("reception.voters")},
        30,
        numbered=True,
    )
