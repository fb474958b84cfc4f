"""Deputies' duties to their constituencies: duty reports, by-elections, and
the duty archives of the deputies serving in the year."""

from django.utils.translation import gettext as _

from ...figures import Figure, Paragraph, changelist, changelist_ids, marker
from ...structure import PUBLICITY, SPECIAL
from ..registry import Section, has
from .records import DeputyRecords

section = Section(__name__)


@section.figure("deputies.duty_reports")
def duty_reports(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.duty_reports",
        records.report_totals["n"],
        _("Duty reports to constituencies"),
        records.reports_link(),
    )


@section.figure("deputies.duty_report_deputies")
def duty_report_deputies(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.duty_report_deputies",
        records.report_totals["deputies"],
        _("Deputies who reported on their duties"),
        records.reports_link(),
    )


@section.figure("deputies.duty_report_months")
def duty_report_months(records: DeputyRecords) -> Figure:
    return Figure.names(
        "deputies.duty_report_months",
        records.report_months,
        _("Months of the duty reports"),
        records.reports_link(),
    )


@section.figure("deputies.by_elections")
def by_elections(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.by_elections",
        len(records.elections),
        _("By-elections held"),
        records.elections_link(),
    )


@section.figure("deputies.by_election_constituencies")
def by_election_constituencies(records: DeputyRecords) -> Figure:
    return Figure.names(
        "deputies.by_election_constituencies",
        [name for name, _seats in records.elections],
        _("Constituencies of the by-elections"),
        records.elections_link(),
    )


@section.figure("deputies.by_election_seats")
def by_election_seats(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.by_election_seats",
        sum(seats for _name, seats in records.elections),
        _("Seats filled at by-elections"),
        records.elections_link(),
    )


@section.figure("deputies.serving")
def serving(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.serving",
        records.serving,
        _("Deputies serving in the year"),
        changelist("deputies.deputy"),
    )


@section.figure("deputies.archives")
def archives(records: DeputyRecords) -> Figure:
    return Figure.count(
        "deputies.archives",
        len(records.archive_deputies),
        _("Deputies with duty records in their archive"),
        changelist_ids("deputies.deputy", records.archive_deputies),
    )


@section.figure("deputies.archives_with_photos")
def archives_with_photos(records: DeputyRecords) -> Figure:
    with_photos = records.with_photos & records.archive_deputies
    return Figure.count(
        "deputies.archives_with_photos",
        len(with_photos),
        _("Deputies whose archive has activity photos"),
        changelist_ids("deputies.deputy", with_photos),
    )


@section.paragraph
def duty_reports_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    key = "deputies.duty_reports"
    sentences = []
    if has(figures, "deputies.duty_reports"):
        sentences.append(
            _(
                "As the district people's congress requires, in %(months)s the "
                "working committee organised the deputies' duty reports: "
                "%(deputies)s deputies reported to the voters of their "
                "constituencies (%(n)s reports), which brought deputies and voters "
                "closer and spurred the deputies on."
            )
            % {
                "months": marker("deputies.duty_report_months"),
                "deputies": marker("deputies.duty_report_deputies"),
                "n": marker("deputies.duty_reports"),
            }
        )
    else:
        sentences.append(_("No duty report of a deputy is recorded this year."))
    if has(figures, "deputies.by_elections"):
        sentences.append(
            _(
                " The working committee also completed, strictly by the procedure, "
                "the by-election of deputies in %(constituencies)s, filling "
                "%(seats)s seats."
            )
            % {
                "constituencies": marker("deputies.by_election_constituencies"),
                "seats": marker("deputies.by_election_seats"),
            }
        )
    return Paragraph(key, SPECIAL, "".join(sentences), 50)


@section.paragraph
def archives_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    key = "deputies.archives"
    if not has(figures, "deputies.archives"):
        return Paragraph(
            key,
            PUBLICITY,
            _("No duty of a deputy is recorded in the archives this year."),
            90,
        )
    serving = figures["deputies.serving"].value
    archives = figures["deputies.archives"].value
    photos = figures["deputies.archives_with_photos"].value
    if archives > 1 and archives >= serving and photos >= archives:
        text = _(
            "The working committee also kept the deputies' duty archives in "
            "order: the archives of all %(n)s deputies record their duties of the "
            "year, each with photos of the activities, “pictures as proof”"
        ) % {"n": marker("deputies.serving")}
        text += _(
            ", which encourages deputies to perform their duties according to law."
        )
        return Paragraph(key, PUBLICITY, text, 90)
    text = _(
        "The working committee also kept the deputies' duty archives in order: "
        "the archives of %(n)s deputies record their duties of the year"
    ) % {"n": marker("deputies.archives")}
    text += _photos_clause(archives, photos)
    text += _(", which encourages deputies to perform their duties according to law.")
    return Paragraph(key, PUBLICITY, text, 90)


def _photos_clause(archives: int, photos: int) -> str:
    """Whose archives have photos: every one, some or none of them."""
    photos = min(photos or 0, archives)
    if not photos:
        return ""
    if photos < archives:
        return _(
            ", %(photos)s of them with photos of the activities, “pictures as proof”"
        ) % {"photos": marker("deputies.archives_with_photos")}
    if archives == 1:
        return _(", with photos of the activities, “pictures as proof”")
    return _(", each with photos of the activities, “pictures as proof”")
