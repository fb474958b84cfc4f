"""The residents' problems taken to city-level deputies, and their outcome."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from suggestions.models import Escalation

from ...figures import Figure, Paragraph, marker
from ...structure import SPECIAL
from ..registry import Section, filled
from .records import SuggestionRecords

section = Section(__name__)


@section.figure("suggestions.escalations")
def escalations(records: SuggestionRecords) -> Figure:
    return Figure.count(
        "suggestions.escalations",
        len(records.escalations),
        _("Requests to city-level deputies"),
        records.escalations_link(),
    )


@section.figure("suggestions.escalation_titles")
def escalation_titles(records: SuggestionRecords) -> Figure:
    return Figure.names(
        "suggestions.escalation_titles",
        [title for _pk, _status, title, _community in records.escalations],
        _("Problems taken to city-level deputies"),
        records.escalations_link(),
    )


@section.figure("suggestions.escalation_communities")
def escalation_communities(records: SuggestionRecords) -> Figure:
    return Figure.names(
        "suggestions.escalation_communities",
        records.communities,
        _("Communities of the requests to city-level deputies"),
        records.escalations_link(),
    )


@section.figure("suggestions.escalation_progress")
def escalation_progress(records: SuggestionRecords) -> Figure:
    latest_note = records.latest_note
    return Figure.names(
        "suggestions.escalation_progress",
        [latest_note[e[0]] for e in records.escalations if e[0] in latest_note],
        _("Latest progress of the requests"),
        records.escalations_link(),
    )


@section.figure(
    "suggestions.escalations_resolved",
    "suggestions.escalations_partly",
    "suggestions.escalations_open",
)
def escalation_outcomes(records: SuggestionRecords) -> list[Figure]:
    """The requests by outcome, from one count by status."""
    by_status = records.by_status
    return [
        Figure.count(
            f"suggestions.escalations_{status}",
            by_status[status],
            label,
            records.escalations_link(status=status),
        )
        for status, label in (
            (
                Escalation.Status.RESOLVED,
                _("Requests to city-level deputies resolved"),
            ),
            (
                Escalation.Status.PARTLY,
                _("Requests to city-level deputies partly resolved"),
            ),
            (
                Escalation.Status.OPEN,
                _("Requests to city-level deputies under way"),
            ),
        )
    ]


@section.paragraph
def escalations_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    key = "suggestions.escalations"
    if not filled(figures, "suggestions.escalations"):
        return Paragraph(
            key,
            SPECIAL,
            _("No request to a city-level deputy is recorded this year."),
            40,
        )
    text = _(
        "drawing on city-level deputies for what residents hope for. On receiving "
        "the requests of %(communities)s about %(titles)s, the working committee "
        "checked them on the spot and asked city-level deputies to help "
        "coordinate: %(n)s requests in the year"
    ) % {
        "communities": marker("suggestions.escalation_communities"),
        "titles": marker("suggestions.escalation_titles"),
        "n": marker("suggestions.escalations"),
    }
    outcomes = [
        template % {"n": marker(f"suggestions.escalations_{status}")}
        for status, template in (
            ("resolved", _("%(n)s resolved")),
            ("partly", _("%(n)s partly resolved")),
            ("open", _("%(n)s under way")),
        )
        if filled(figures, f"suggestions.escalations_{status}")
    ]
    if outcomes:
        text += _(", of which %(outcomes)s") % {
            "outcomes": pgettext("report clauses", ", ").join(outcomes)
        }
    text += pgettext("report sentence end", ".")
    if filled(figures, "suggestions.escalation_progress"):
        text += _(" So far: %(progress)s.") % {
            "progress": marker("suggestions.escalation_progress")
        }
    return Paragraph(key, SPECIAL, text, 40, numbered=True)
