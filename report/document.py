"""A report ready to render: its outline as blocks, its figures and comparison.

Every output (web page, Word, PDF, CSV) renders the same `ReportDocument`, so
they cannot disagree on a figure or a sentence.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .builder import (
    REPORT_LANGUAGE,
    collect_figures,
    default_title,
    generate_paragraphs,
    previous_year_figures,
)
from .figures import Figure, plain_text, split_segments
from .structure import CHAPTERS, FREE_TEXT_PARTS, is_subheading


@dataclass
class Block:
    """One line of the document: a heading, or a paragraph made of segments."""

    kind: str  # title, subtitle, salutation, chapter, part, subheading, paragraph
    text: str = ""
    segments: list = field(default_factory=list)
    placeholder: bool = False  # a free-text part staff emptied in the editor


@dataclass
class ComparisonRow:
    key: str
    label: str
    figure: Figure
    previous: Figure | None

    @property
    def change(self) -> str:
        """The difference from last year, signed, or "—" when not comparable."""
        if not self.figure.comparable or self.previous is None:
            return "—"
        if self.figure.value is None or self.previous.value is None:
            return "—"
        diff = self.figure.value - self.previous.value
        if isinstance(diff, Decimal):
            diff = diff.normalize()
            text = f"{diff:f}"
        else:
            text = str(diff)
        return f"+{text}" if diff > 0 else text


@dataclass
class ReportDocument:
    year: int
    title: str
    subtitle: str
    paragraphs: list[dict]
    figures: dict[str, Figure]
    previous: dict[str, Figure] = field(default_factory=dict)
    status: str = "draft"
    version_number: int | None = None

    @classmethod
    def for_version(cls, version) -> "ReportDocument":
        """The version's text with the report's snapshot: frozen once final."""
        report = version.report
        return cls(
            year=report.year,
            title=version.title,
            subtitle=version.subtitle,
            paragraphs=version.paragraphs,
            figures=report.figure_map(),
            previous=report.previous_figure_map(),
            status=report.status,
            version_number=version.number,
        )

    @classmethod
    def from_records(cls, year: int) -> "ReportDocument":
        """A report straight from today's records, saved nowhere."""
        from .models import WorkReport

        figures = collect_figures(year)
        report = WorkReport.objects.filter(year=year).first()
        with translation.override(REPORT_LANGUAGE):
            subtitle = report.meeting_line() if report else ""
        return cls(
            year=year,
            title=default_title(year),
            subtitle=subtitle,
            paragraphs=generate_paragraphs(year, figures),
            figures=figures,
            previous=previous_year_figures(year),
        )

    @property
    def is_final(self) -> bool:
        return self.status == "final"

    def blocks(self) -> list[Block]:
        with translation.override(REPORT_LANGUAGE):
            return list(self._blocks())

    def _blocks(self):
        yield Block("title", self.title)
        if self.subtitle:
            yield Block("subtitle", self.subtitle)
        # Who gives the report, on a line of its own before the salutation.
        yield Block(
            "speaker",
            pgettext("report speaker", "The Ziyang Street working committee"),
        )
        yield Block("salutation", _("Director, deputy directors and members:"))
        by_part: dict[str, list[str]] = {}
        for paragraph in self.paragraphs:
            by_part.setdefault(paragraph["part"], []).append(paragraph["text"])
        for chapter in CHAPTERS:
            if chapter.heading:
                yield Block("chapter", str(chapter.heading) % self._names())
            for part in chapter.parts:
                if part.heading:
                    yield Block("part", str(part.heading))
                lines = [
                    line.strip()
                    for text in by_part.get(part.key, [])
                    for line in text.splitlines()
                    if line.strip()
                ]
                if not lines and part.key in FREE_TEXT_PARTS:
                    # A generated draft always has text here (the problems and
                    # the plans are drafted from the records): only a part
                    # staff emptied in the editor is marked as still to write.
                    yield Block(
                        "paragraph",
                        _("(To be written by the committee.)"),
                        [("text", _("(To be written by the committee.)"))],
                        placeholder=True,
                    )
                for line in lines:
                    if part.key in FREE_TEXT_PARTS and is_subheading(line):
                        yield Block("subheading", line)
                    else:
                        yield Block(
                            "paragraph",
                            plain_text(line, self.figures),
                            split_segments(line),
                        )

    def _names(self) -> dict:
        return {"year": self.year, "next_year": self.year + 1}

    def plain_text(self) -> str:
        return "\n".join(block.text for block in self.blocks())

    def comparison(self) -> list[ComparisonRow]:
        return [
            ComparisonRow(key, figure.label, figure, self.previous.get(key))
            for key, figure in self.figures.items()
            if figure.comparable
        ]

    def figure_rows(self) -> list[Figure]:
        return list(self.figures.values())

    def figure_table(self) -> list[ComparisonRow]:
        """Every figure, lists of names included, beside last year's."""
        return [
            ComparisonRow(key, figure.label, figure, self.previous.get(key))
            for key, figure in self.figures.items()
        ]
