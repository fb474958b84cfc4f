"""The opening and closing paragraphs, which every year's report has."""

from django.utils.translation import gettext as _

from ..figures import Figure, Paragraph
from ..structure import CLOSING, OPENING
from .registry import Provider, Section, YearRecords

section = Section(__name__)


@section.paragraph
def opening(year: int, figures: dict[str, Figure]) -> Paragraph:
    return Paragraph(
        "general.opening",
        OPENING,
        _(
            "In %(year)s, under the leadership of the district people's congress "
            "and the street's Party working committee, the Ziyang Street working "
            "committee of the district people's congress centred its work on the "
            "priorities of the district and the street, performed the duties "
            "given to it by the Constitution and the law, combined supervision "
            "with service, kept in close contact with the deputies and let them "
            "play their full part. The year's work is reported as follows."
        )
        % {"year": year},
    )


@section.paragraph
def closing(year: int, figures: dict[str, Figure]) -> Paragraph:
    return Paragraph(
        "general.closing",
        CLOSING,
        _(
            "In %(next_year)s, the Ziyang Street working committee will keep to "
            "the goals and requirements of the district people's congress, work "
            "actively and keep exploring, give the deputies the best service in "
            "their duties and contribute to the all-round development of "
            "Wuchang."
        )
        % {"next_year": year + 1},
    )


# The opening and closing need no records: no figure of their own.
PROVIDER = Provider(YearRecords, [section])


def figures(year: int) -> dict[str, Figure]:
    return PROVIDER.figures(year)


def paragraphs(year: int, figures: dict[str, Figure]) -> list[Paragraph]:
    return PROVIDER.paragraphs(year, figures)
