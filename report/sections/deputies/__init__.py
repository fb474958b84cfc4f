"""The deputies' part of the report: study and training, special activities,
duty reports, by-elections and the duty archives."""

from ...figures import Figure, Paragraph
from ..registry import Provider
from . import activities, duties, training
from .records import DeputyRecords

# Counts shown in the year-over-year chart.
HEADLINE_FIGURES = (
    "deputies.symposiums",
    "deputies.poverty_visits",
    "deputies.study_trips",
    "deputies.duty_reports",
)

PROVIDER = Provider(
    DeputyRecords, [training.section, activities.section, duties.section]
)


def figures(year: int) -> dict[str, Figure]:
    return PROVIDER.figures(year)


def paragraphs(year: int, figures: dict[str, Figure]) -> list[Paragraph]:
    return PROVIDER.paragraphs(year, figures)
