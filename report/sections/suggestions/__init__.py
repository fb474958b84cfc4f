"""The suggestions part of the report: the channels residents use, the deputies'
suggestions and their replies, the opinions collected and followed up, what
became of the year's items by its end with the residents' ratings, and the
requests to city-level deputies with their outcome."""

from ...figures import Figure, Paragraph
from ..registry import Provider
from . import channels, escalations, handling, outcomes
from .records import SuggestionRecords

HEADLINE_FIGURES = (
    "suggestions.deputy_suggestions",
    "suggestions.collected",
    "suggestions.followed_up",
)

# The standard set of every year's report, in the comparison with last year:
# the items received and what became of them by the year's end, the ratings.
STANDARD_FIGURES = (
    "suggestions.items_received",
    "suggestions.items_accepted",
    "suggestions.items_answered",
    "suggestions.items_closed",
    "suggestions.items_overdue",
    "suggestions.items_escalated",
    "suggestions.rated_satisfied",
    "suggestions.rated_basically",
    "suggestions.rated_unsatisfied",
    "suggestions.satisfaction_rate",
    "suggestions.items_reopened",
)

# The requests to city-level deputies are a special activity, a part that comes
# before the channels and the handling of suggestions in the outline.
PROVIDER = Provider(
    SuggestionRecords,
    [channels.section, handling.section, outcomes.section, escalations.section],
    paragraph_sections=[
        escalations.section,
        channels.section,
        handling.section,
        outcomes.section,
    ],
)


def figures(year: int) -> dict[str, Figure]:
    return PROVIDER.figures(year)


def paragraphs(year: int, figures: dict[str, Figure]) -> list[Paragraph]:
    return PROVIDER.paragraphs(year, figures)
