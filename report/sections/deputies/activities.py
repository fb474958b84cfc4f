"""Special activities of deputies: symposiums on key work, the
poverty-alleviation “look back” visits and the inspections."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ...figures import Figure, Paragraph, changelist, marker
from ...structure import SPECIAL
from ..registry import Section, has
from .records import DeputyRecords, K, percent

section = Section(__name__)


@section.figure("deputies.symposiums")
def symposiums(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.symposiums",
        records.by_kind[K.SYMPOSIUM],
        _("Symposiums on key work"),
        records.activities_link(kind=K.SYMPOSIUM),
    )


@section.figure("deputies.symposium_topics")
def symposium_topics(records: DeputyRecords) -> Figure:
    return Figure.names(
        "deputies.symposium_topics",
        records.topics,
        _("Key work discussed at symposiums"),
        records.activities_link(kind=K.SYMPOSIUM),
    )


@section.figure("deputies.poverty_visits")
def poverty_visits(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.poverty_visits",
        records.by_kind[K.POVERTY_VISIT],
        _("Poverty-alleviation “look back” visits"),
        records.activities_link(kind=K.POVERTY_VISIT),
    )


@section.figure("deputies.poverty_participation")
def poverty_participation(records: DeputyRecords) -> Figure:
    attendance = records.poverty_attendance
    return Figure.rate(
        "deputies.poverty_participation",
        percent(attendance["attended"], attendance["invited"]),
        _("Deputies' participation rate in poverty-alleviation visits"),
        records.activities_link(kind=K.POVERTY_VISIT),
    )


@section.figure("deputies.poverty_households")
def poverty_households(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.poverty_households",
        records.households["visited"] or 0,
        _("Households visited in poverty-alleviation visits"),
        records.activities_link(kind=K.POVERTY_VISIT),
    )


@section.figure("deputies.poverty_household_rate")
def poverty_household_rate(records: DeputyRecords) -> Figure:
    households = records.households
    return Figure.rate(
        "deputies.poverty_household_rate",
        percent(households["visited"] or 0, households["due"] or 0),
        _("Household visit rate"),
        records.activities_link(kind=K.POVERTY_VISIT),
    )


@section.figure("deputies.inspections")
def inspections(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.inspections",
        records.by_kind[K.INSPECTION] + records.by_kind[K.LAW_INSPECTION],
        _("Inspections and law-enforcement inspections"),
        changelist(
            "deputies.dutyactivity",
            date__year=records.year,
            kind__in=[K.INSPECTION, K.LAW_INSPECTION],
        ),
    )


@section.paragraph
def group_activities_paragraph(year: int, figures: dict[str, Figure]):
    """The sentence that opens the special activities, when the deputies held
    symposiums or poverty-alleviation visits in the year."""
    if not (
        has(figures, "deputies.symposiums") or has(figures, "deputies.poverty_visits")
    ):
        return None
    return Paragraph(
        "deputies.group_activities",
        SPECIAL,
        _(
            "Following the district people's congress's plan and the street's "
            "circumstances, we carried out the deputy group activities in earnest, "
            "each with a direction, steps and results."
        ),
        1,
    )


@section.paragraph
def symposiums_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    key = "deputies.symposiums"
    if not has(figures, "deputies.symposiums"):
        return Paragraph(
            key, SPECIAL, _("No symposium on key work is recorded this year."), 10
        )
    if has(figures, "deputies.symposium_topics"):
        text = _(
            "supervising work around the priorities of the district people's "
            "congress. Deputies held %(n)s symposiums on %(topics)s and other key "
            "work, exchanged views fully and offered advice, and became a think "
            "tank for the development of the area."
        ) % {
            "n": marker("deputies.symposiums"),
            "topics": marker("deputies.symposium_topics"),
        }
    else:
        text = _(
            "supervising work around the priorities of the district people's "
            "congress. Deputies held %(n)s symposiums on key work, exchanged views "
            "fully and offered advice."
        ) % {"n": marker("deputies.symposiums")}
    return Paragraph(key, SPECIAL, text, 10, numbered=True)


def _poverty_rates(figures: dict[str, Figure]) -> list[str]:
    rates = []
    if figures["deputies.poverty_participation"].value is not None:
        rates.append(
            _("a participation rate of deputies of %(rate)s")
            % {"rate": marker("deputies.poverty_participation")}
        )
    if figures["deputies.poverty_household_rate"].value is not None:
        rates.append(
            _("a household visit rate of %(rate)s")
            % {"rate": marker("deputies.poverty_household_rate")}
        )
    return rates


@section.paragraph
def poverty_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    key = "deputies.poverty"
    if not has(figures, "deputies.poverty_visits"):
        return Paragraph(
            key,
            SPECIAL,
            _("No poverty-alleviation “look back” visit is recorded this year."),
            20,
        )
    text = _(
        "joining forces against poverty with the “look back” activity. Over the "
        "year deputies took part in %(n)s poverty-alleviation “look back” visits "
        "and visited %(households)s households"
    ) % {
        "n": marker("deputies.poverty_visits"),
        "households": marker("deputies.poverty_households"),
    }
    rates = _poverty_rates(figures)
    if rates:
        text += _(", with %(rates)s") % {
            "rates": pgettext("report list", " and ").join(rates)
        }
    text += _(
        ", and followed up the deputies' opinions so that the policies against "
        "poverty take effect."
    )
    return Paragraph(key, SPECIAL, text, 20, numbered=True)
