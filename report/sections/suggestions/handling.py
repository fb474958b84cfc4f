"""The deputies' suggestions and their replies, and the residents' opinions
collected and followed up."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ...figures import Figure, Paragraph, changelist_ids, marker
from ...structure import CHANNELS
from ..registry import Section, filled
from .records import Kind, SuggestionRecords

section = Section(__name__)


@section.figure("suggestions.session_suggestions")
def session_suggestions(records: SuggestionRecords) -> Figure:
    return Figure.count(
        "suggestions.session_suggestions",
        records.total(Kind.SESSION),
        _("Deputy suggestions at the congress session"),
        records.suggestions_link(kind=Kind.SESSION),
    )


@section.figure("suggestions.congress_sessions")
def congress_sessions(records: SuggestionRecords) -> Figure:
    return Figure.names(
        "suggestions.congress_sessions",
        records.congress_sessions,
        _("Congress sessions of the suggestions"),
        records.suggestions_link(kind=Kind.SESSION),
    )


@section.figure("suggestions.inter_session_suggestions")
def inter_session_suggestions(records: SuggestionRecords) -> Figure:
    return Figure.count(
        "suggestions.inter_session_suggestions",
        records.total(Kind.INTER_SESSION),
        _("Deputy suggestions between sessions"),
        records.suggestions_link(kind=Kind.INTER_SESSION),
    )


@section.figure("suggestions.deputy_suggestions")
def deputy_suggestions(records: SuggestionRecords) -> Figure:
    return Figure.count(
        "suggestions.deputy_suggestions",
        records.deputy_total,
        _("Deputy suggestions"),
        changelist_ids(
            "suggestions.suggestion",
            records.deputy_ids,
            received_at__year=records.year,
        ),
    )


@section.figure("suggestions.deputy_replied")
def deputy_replied(records: SuggestionRecords) -> Figure:
    return Figure.count(
        "suggestions.deputy_replied",
        records.deputy_replied,
        _("Deputy suggestions replied to"),
        changelist_ids(
            "suggestions.suggestion",
            records.replied_ids,
            received_at__year=records.year,
        ),
    )


@section.figure("suggestions.deputy_reply_rate")
def deputy_reply_rate(records: SuggestionRecords) -> Figure:
    total = records.deputy_total
    return Figure.rate(
        "suggestions.deputy_reply_rate",
        100 * records.deputy_replied / total if total else None,
        _("Reply rate of deputy suggestions"),
        changelist_ids(
            "suggestions.suggestion",
            records.replied_ids,
            received_at__year=records.year,
        ),
    )


@section.figure("suggestions.collected")
def collected(records: SuggestionRecords) -> Figure:
    return Figure.count(
        "suggestions.collected",
        records.total(Kind.RESIDENT),
        _("Residents' opinions collected"),
        records.suggestions_link(kind=Kind.RESIDENT),
    )


@section.figure("suggestions.followed_up")
def followed_up(records: SuggestionRecords) -> Figure:
    return Figure.count(
        "suggestions.followed_up",
        records.followed.count(),
        _("Residents' opinions followed up"),
        changelist_ids(
            "suggestions.suggestion",
            records.followed,
            kind=Kind.RESIDENT,
            received_at__year=records.year,
        ),
    )


def _kinds(figures: dict[str, Figure]) -> list[str]:
    """The deputy suggestions by kind, as the report names them."""
    kinds = []
    if filled(figures, "suggestions.session_suggestions"):
        if filled(figures, "suggestions.congress_sessions"):
            kinds.append(
                _("%(n)s deputy suggestions of the %(session)s")
                % {
                    "n": marker("suggestions.session_suggestions"),
                    "session": marker("suggestions.congress_sessions"),
                }
            )
        else:
            kinds.append(
                _("%(n)s deputy suggestions of the congress session")
                % {"n": marker("suggestions.session_suggestions")}
            )
    if filled(figures, "suggestions.inter_session_suggestions"):
        kinds.append(
            _("%(n)s suggestions between sessions")
            % {"n": marker("suggestions.inter_session_suggestions")}
        )
    return kinds


def _replies_sentence(figures: dict[str, Figure]) -> str:
    done = figures["suggestions.deputy_replied"].value
    total = figures["suggestions.deputy_suggestions"].value
    if done >= total > 1:
        template = _(
            "Working with the district people's congress on the handling of "
            "suggestions, %(kinds)s were all answered: every suggestion has "
            "an answer and every matter is followed through."
        )
    elif done >= total:
        template = _(
            "Working with the district people's congress on the handling of "
            "suggestions, %(kinds)s was answered."
        )
    elif not done:
        template = _(
            "Working with the district people's congress on the handling of "
            "suggestions, %(kinds)s are being followed up and have not been "
            "answered yet."
        )
    else:
        template = _(
            "Working with the district people's congress on the handling of "
            "suggestions, of %(kinds)s, %(replied)s have been answered "
            "(%(rate)s) and the rest are being followed up."
        )
    return template % {
        "kinds": pgettext("report pair", " and ").join(_kinds(figures)),
        "replied": marker("suggestions.deputy_replied"),
        "rate": marker("suggestions.deputy_reply_rate"),
    }


def _opinions_sentence(figures: dict[str, Figure]) -> str:
    text = _(
        " This year the deputies collected %(n)s opinions of residents online "
        "and offline"
    ) % {"n": marker("suggestions.collected")}
    if filled(figures, "suggestions.followed_up"):
        text += _(" and have so far followed up %(n)s of them") % {
            "n": marker("suggestions.followed_up")
        }
    text += _(", working on what the residents of the area think about and hope for.")
    return text


@section.paragraph
def deputy_suggestions_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph:
    key = "suggestions.deputy_suggestions"
    sentences = []
    if filled(figures, "suggestions.deputy_suggestions"):
        sentences.append(_replies_sentence(figures))
    if filled(figures, "suggestions.collected"):
        sentences.append(_opinions_sentence(figures))
    if not sentences:
        return Paragraph(
            key,
            CHANNELS,
            _("No deputy suggestion or resident's opinion is recorded this year."),
            20,
        )
    return Paragraph(key, CHANNELS, "".join(sentences).strip(), 20)
