"""Building a report for a year: its figures and the text of a fresh draft."""

from django.utils import translation
from django.utils.translation import gettext as _

from core.db_routers import reads_from_replica

# ENUMERATION (the words 一是、二是…) stays importable from here.
from .enumeration import ENUMERATION, prefixes  # noqa: F401
from .figures import Figure, Paragraph, figures_from_json
from .sections import providers
from .sections.problems import free_text_draft
from .structure import FREE_TEXT_PARTS, PART_ORDER

# The report is a Chinese official document whatever language the page is in.
REPORT_LANGUAGE = "zh-hans"


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
        # A free-text part no provider wrote (三 when the work plan has nothing
        # to draw on) is drafted from the year's figures: a draft is never
        # empty, and staff edit it before finalising.
        paragraphs.extend(
            Paragraph(part, part, free_text_draft(part, year, figures))
            for part in FREE_TEXT_PARTS
            if part not in present
        )
        paragraphs.sort(key=lambda p: (PART_ORDER.index(p.part), p.order))
        _enumerate(paragraphs)
    return [p.to_json() for p in paragraphs]


def _enumerate(paragraphs: list[Paragraph]) -> None:
    """Number the numbered paragraphs of each part 一是、二是… when a part has
    two or more of them; a part's single one is written as it is."""
    by_part: dict[str, list[Paragraph]] = {}
    for paragraph in paragraphs:
        if paragraph.numbered:
            by_part.setdefault(paragraph.part, []).append(paragraph)
    for numbered in by_part.values():
        for prefix, paragraph in zip(prefixes(len(numbered)), numbered, strict=True):
            paragraph.text = prefix + paragraph.text
