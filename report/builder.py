"""Building a report for a year: its figures and the text of a fresh draft."""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.db_routers import reads_from_replica

from .figures import Figure, Paragraph, figures_from_json
from .sections import providers
from .structure import FREE_TEXT_PARTS, PART_ORDER

# The report is a Chinese official document whatever language the page is in.
REPORT_LANGUAGE = "zh-hans"

ENUMERATION = [
    gettext_lazy("First, "),
    gettext_lazy("Second, "),
    gettext_lazy("Third, "),
    gettext_lazy("Fourth, "),
    gettext_lazy("Fifth, "),
    gettext_lazy("Sixth, "),
    gettext_lazy("Seventh, "),
    gettext_lazy("Eighth, "),
    gettext_lazy("Ninth, "),
    gettext_lazy("Tenth, "),
]


def collect_figures(year: int) -> dict[str, Figure]:
    """Every figure of the year from every provider, labels in Chinese."""
    figures: dict[str, Figure] = {}
    # Whole years of committed records: read from the replica when there is one.
    with translation.override(REPORT_LANGUAGE), reads_from_replica():
        for provider in providers():
            figures.update(provider.figures(year))
    return figures


def previous_year_figures(year: int) -> dict[str, Figure]:
    """Last year's figures: frozen in its final report if there is one."""
    from .models import WorkReport

    report = WorkReport.objects.filter(
        year=year - 1, status=WorkReport.Status.FINAL
    ).first()
    if report is not None:
        return figures_from_json(report.figures)
    return collect_figures(year - 1)


def default_title(year: int) -> str:
    with translation.override(REPORT_LANGUAGE):
        return _(
            "Work report of the Ziyang Street working committee of the district "
            "people's congress for %(year)s"
        ) % {"year": year}


def generate_paragraphs(year: int, figures: dict[str, Figure]) -> list[dict]:
    """The paragraphs of a fresh draft in report order, as stored in a version."""
    with translation.override(REPORT_LANGUAGE):
        paragraphs: list[Paragraph] = []
        for provider in providers():
            paragraphs.extend(provider.paragraphs(year, figures))
        present = {p.part for p in paragraphs}
        paragraphs.extend(
            Paragraph(part, part, "") for part in FREE_TEXT_PARTS if part not in present
        )
        paragraphs.sort(key=lambda p: (PART_ORDER.index(p.part), p.order))
        _enumerate(paragraphs)
    return [p.to_json() for p in paragraphs]


def _enumerate(paragraphs: list[Paragraph]) -> None:
    counters: dict[str, int] = {}
    for paragraph in paragraphs:
        if paragraph.numbered:
            n = counters.get(paragraph.part, 0)
            counters[paragraph.part] = n + 1
            if n < len(ENUMERATION):
                paragraph.text = str(ENUMERATION[n]) + paragraph.text
