"""Study and training of deputies: the briefings and periodicals given to them,
the study trips with their written reflections, and the study sessions."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ...figures import Figure, Paragraph, marker
from ...structure import TRAINING
from ..registry import Section, has
from .records import DeputyRecords, K, P

section = Section(__name__)


@section.figure("deputies.briefings_government")
def briefings_government(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.briefings_government",
        records.briefings.get(P.GOVERNMENT, 0),
        _("Government briefings given to deputies"),
        records.activities_link(kind=K.BRIEFING, publication_kind=P.GOVERNMENT),
    )


@section.figure("deputies.briefing_government_titles")
def briefing_government_titles(records: DeputyRecords) -> Figure:
    return Figure.names(
        "deputies.briefing_government_titles",
        records.briefing_titles[P.GOVERNMENT],
        _("Government briefings given"),
        records.activities_link(kind=K.BRIEFING, publication_kind=P.GOVERNMENT),
    )


@section.figure("deputies.briefings_internal")
def briefings_internal(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.briefings_internal",
        records.briefings.get(P.INTERNAL, 0),
        _("Internal periodicals given to deputies"),
        records.activities_link(kind=K.BRIEFING, publication_kind=P.INTERNAL),
    )


@section.figure("deputies.briefing_internal_titles")
def briefing_internal_titles(records: DeputyRecords) -> Figure:
    return Figure.names(
        "deputies.briefing_internal_titles",
        records.briefing_titles[P.INTERNAL],
        _("Internal periodicals given"),
        records.activities_link(kind=K.BRIEFING, publication_kind=P.INTERNAL),
    )


@section.figure("deputies.study_trips")
def study_trips(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.study_trips",
        records.by_kind[K.TRAINING],
        _("Study trips"),
        records.activities_link(kind=K.TRAINING),
    )


@section.figure("deputies.study_trip_titles")
def study_trip_titles(records: DeputyRecords) -> Figure:
    return Figure.names(
        "deputies.study_trip_titles",
        records.trips,
        _("Study trips made"),
        records.activities_link(kind=K.TRAINING),
    )


@section.figure("deputies.study_trips_with_reflections")
def study_trips_with_reflections(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.study_trips_with_reflections",
        records.reflections["trips"],
        _("Study trips with written reflections"),
        records.activities_link(kind=K.TRAINING),
    )


@section.figure("deputies.reflections")
def reflections(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.reflections",
        records.reflections["written"],
        _("Written reflections of study trips"),
        records.activities_link(kind=K.TRAINING),
    )


@section.figure("deputies.study_sessions")
def study_sessions(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.study_sessions",
        records.by_kind[K.STUDY],
        _("Study sessions"),
        records.activities_link(kind=K.STUDY),
    )


@section.figure("deputies.study_topics")
def study_topics(records: DeputyRecords) -> Figure:
    return Figure.names(
        "deputies.study_topics",
        records.study_topics,
        _("What the study sessions studied"),
        records.activities_link(kind=K.STUDY),
    )


@section.paragraph
def study_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph | None:
    """The political and legal study of the deputies (集中学习), from the study
    sessions of the year: none recorded, no paragraph."""
    if not has(figures, "deputies.study_sessions"):
        return None
    sessions = figures["deputies.study_sessions"].value
    names = {
        "n": marker("deputies.study_sessions"),
        "topics": marker("deputies.study_topics"),
    }
    if sessions == 1:
        text = _(
            "This year the working committee gathered the deputies to study "
            "%(topics)s, guiding them to grasp its spirit and essence and to "
            "stand firm politically."
        )
    else:
        text = _(
            "This year the working committee gathered the deputies for %(n)s "
            "study sessions, in which they studied %(topics)s in depth, guiding "
            "them to grasp the spirit and essence of what they studied and to "
            "stand firm politically."
        )
    return Paragraph("deputies.study_sessions", TRAINING, text % names, 5)


@section.paragraph
def briefings_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    key = "deputies.briefings"
    gov = has(figures, "deputies.briefings_government")
    internal = has(figures, "deputies.briefings_internal")
    if not (gov or internal):
        return Paragraph(
            key,
            TRAINING,
            _("No briefing or periodical given to deputies is recorded this year."),
            10,
        )
    clauses = []
    if gov:
        clauses.append(
            _("gave deputies %(titles)s %(n)s times")
            % {
                "titles": marker("deputies.briefing_government_titles"),
                "n": marker("deputies.briefings_government"),
            }
        )
    if internal:
        clauses.append(
            _("gave them %(titles)s and other internal periodicals %(n)s times")
            % {
                "titles": marker("deputies.briefing_internal_titles"),
                "n": marker("deputies.briefings_internal"),
            }
        )
    return Paragraph(
        key,
        TRAINING,
        _(
            "To keep deputies informed of government affairs and able to supervise, "
            "the working committee over the year %(clauses)s."
        )
        % {"clauses": pgettext("report clauses", ", and ").join(clauses)},
        10,
    )


@section.paragraph
def trips_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    key = "deputies.study_trips"
    if not has(figures, "deputies.study_trips"):
        return Paragraph(
            key, TRAINING, _("No study trip of deputies is recorded this year."), 20
        )
    text = _(
        "Deputies took part in %(n)s study trips organised by the district "
        "people's congress (%(titles)s); they kept to the discipline of the "
        "training and met the organisers' requirements."
    ) % {
        "n": marker("deputies.study_trips"),
        "titles": marker("deputies.study_trip_titles"),
    }
    if has(figures, "deputies.reflections"):
        text += _reflections_sentence(figures)
    if has(figures, "deputies.study_sessions"):
        # Study at home (一静) and study away (一动), both held this year.
        text += _(
            " Studying at home and learning on the road widened the deputies' "
            "horizons and strengthened their ability to perform their duties."
        )
    return Paragraph(key, TRAINING, text, 20)


def _reflections_sentence(figures: dict[str, Figure]) -> str:
    """The reflections written, and whether every trip, one or some have any."""
    trips = figures["deputies.study_trips"].value
    covered = figures["deputies.study_trips_with_reflections"].value
    if covered >= trips > 1:
        template = _(
            " The participants wrote %(reflections)s reflections on what they "
            "learned, covering all %(trips)s trips, and completed the training "
            "well."
        )
    elif covered >= trips:
        template = _(
            " The participants wrote %(reflections)s reflections on what they "
            "learned and completed the training well."
        )
    else:
        template = _(
            " The participants wrote %(reflections)s reflections on what they "
            "learned, on %(trips)s of the trips."
        )
    return template % {
        "reflections": marker("deputies.reflections"),
        "trips": marker("deputies.study_trips_with_reflections"),
    }
