"""What became of the items received in the year: accepted, answered, closed,
overdue or taken to a city-level deputy at the year's end, and how residents
rated the answers (see year_end for how each is counted)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from suggestions.models import Rating

from ...figures import Figure, Paragraph, changelist, changelist_ids, marker
from ...structure import CHANNELS
from ..registry import Section, filled
from .records import SuggestionRecords

section = Section(__name__)
Score = Rating.Score

# {figure key: (count of year_end.counts, label)}
ITEM_FIGURES = {
    "suggestions.items_accepted": (
        "accepted",
        gettext_lazy("Items of the year accepted"),
    ),
    "suggestions.items_answered": (
        "answered",
        gettext_lazy("Items of the year answered by the year's end"),
    ),
    "suggestions.items_closed": (
        "closed",
        gettext_lazy("Items of the year closed at its end"),
    ),
    "suggestions.items_overdue": (
        "overdue",
        gettext_lazy("Items past their due date and unanswered at the year's end"),
    ),
    "suggestions.items_escalated": (
        "escalated",
        gettext_lazy("Items of the year taken to city-level deputies"),
    ),
    "suggestions.items_reopened": (
        "reopened",
        gettext_lazy("Items reopened after a rating of not satisfied"),
    ),
}
# {rating: figure key}
RATING_KEYS = {
    Score.SATISFIED: "suggestions.rated_satisfied",
    Score.BASICALLY: "suggestions.rated_basically",
    Score.UNSATISFIED: "suggestions.rated_unsatisfied",
}


@section.figure("suggestions.items_received")
def items_received(records: SuggestionRecords) -> Figure:
    return Figure.count(
        "suggestions.items_received",
        records.year_end_counts["received"],
        _("Suggestions and opinions received in the year"),
        records.suggestions_link(),
    )


@section.figure(*ITEM_FIGURES)
def items_at_year_end(records: SuggestionRecords) -> list[Figure]:
    """The items of the year by what became of them, from one aggregate query."""
    counts = records.year_end_counts
    return [
        Figure.count(
            key,
            counts[name],
            label,
            changelist_ids(
                "suggestions.suggestion",
                records.year_end_ids(name),
                received_at__year=records.year,
            )
            if counts[name]
            else "",
        )
        for key, (name, label) in ITEM_FIGURES.items()
    ]


@section.figure("suggestions.ratings")
def ratings(records: SuggestionRecords) -> Figure:
    return Figure.count(
        "suggestions.ratings",
        sum(records.ratings_by_score.values()),
        _("Answers rated by residents"),
        changelist("suggestions.rating", created_at__year=records.year),
    )


@section.figure(*RATING_KEYS.values())
def ratings_by_score(records: SuggestionRecords) -> list[Figure]:
    """The ratings by score, from one count by score."""
    by_score = records.ratings_by_score
    return [
        Figure.count(
            key,
            by_score[score],
            _("Answers rated %(score)s") % {"score": Score(score).label},
            changelist_ids(
                "suggestions.rating",
                records.rating_ids(score),
                created_at__year=records.year,
                score=score,
            ),
        )
        for score, key in RATING_KEYS.items()
    ]


@section.figure("suggestions.satisfaction_rate")
def satisfaction_rate(records: SuggestionRecords) -> Figure:
    by_score = records.ratings_by_score
    rated = sum(by_score.values())
    content = by_score[Score.SATISFIED] + by_score[Score.BASICALLY]
    return Figure.rate(
        "suggestions.satisfaction_rate",
        100 * content / rated if rated else None,
        _("Satisfaction rate (satisfied or basically satisfied, of answers rated)"),
        changelist_ids(
            "suggestions.rating",
            records.rating_ids(Score.SATISFIED, Score.BASICALLY),
            created_at__year=records.year,
        ),
    )


def _value(figures: dict[str, Figure], key: str) -> int:
    return figures[key].value or 0


def _received_clause(figures: dict[str, Figure]) -> str:
    """How many items came in, named by the kinds there were."""
    n = _value(figures, "suggestions.items_received")
    deputies = filled(figures, "suggestions.deputy_suggestions")
    residents = filled(figures, "suggestions.collected")
    if deputies and residents:
        text = ngettext(
            "This year %(n)s deputy suggestion or resident's opinion was registered",
            "This year %(n)s deputy suggestions and residents' opinions were "
            "registered",
            n,
        )
    elif deputies:
        text = ngettext(
            "This year %(n)s deputy suggestion was registered",
            "This year %(n)s deputy suggestions were registered",
            n,
        )
    else:
        text = ngettext(
            "This year %(n)s resident's opinion was registered",
            "This year %(n)s residents' opinions were registered",
            n,
        )
    return text % {"n": marker("suggestions.items_received")}


def _share_clause(figures, key, all_many, all_one, some) -> str | None:
    """A clause for all of the items, some of them, or none (no clause)."""
    n = _value(figures, key)
    received = _value(figures, "suggestions.items_received")
    if not n:
        return None
    if n >= received:
        return all_many if received > 1 else all_one
    return some(n) % {"n": marker(key)}


def _handling_sentence(figures: dict[str, Figure]) -> str:
    clauses = [
        _share_clause(
            figures,
            "suggestions.items_accepted",
            _("all of them were accepted"),
            _("it was accepted"),
            lambda n: ngettext("%(n)s was accepted", "%(n)s were accepted", n),
        ),
        _share_clause(
            figures,
            "suggestions.items_answered",
            _("all were answered"),
            _("it was answered"),
            lambda n: ngettext("%(n)s was answered", "%(n)s were answered", n),
        ),
        _share_clause(
            figures,
            "suggestions.items_closed",
            _("all were closed"),
            _("it was closed"),
            lambda n: ngettext("%(n)s was closed", "%(n)s were closed", n),
        ),
    ]
    escalated = _value(figures, "suggestions.items_escalated")
    if escalated:
        clauses.append(
            ngettext(
                "%(n)s was taken to a city-level deputy",
                "%(n)s were taken to city-level deputies",
                escalated,
            )
            % {"n": marker("suggestions.items_escalated")}
        )
    clauses = [c for c in clauses if c]
    text = _received_clause(figures)
    if clauses:
        text += pgettext("report clauses", ", ") + pgettext(
            "report clauses", ", "
        ).join(clauses)
    return text + pgettext("report sentence end", ".")


def _overdue_sentence(figures: dict[str, Figure]) -> str:
    overdue = _value(figures, "suggestions.items_overdue")
    if overdue:
        return ngettext(
            " At the year's end %(n)s item was past its due date without an answer.",
            " At the year's end %(n)s items were past their due date without an "
            "answer.",
            overdue,
        ) % {"n": marker("suggestions.items_overdue")}
    if _value(figures, "suggestions.items_accepted"):
        return _(" At the year's end no item was past its due date without an answer.")
    return ""


def _scores_clause(figures: dict[str, Figure]) -> str:
    """The ratings given: all of one score, or each score given."""
    rated = _value(figures, "suggestions.ratings")
    given = [(score, key) for score, key in RATING_KEYS.items() if _value(figures, key)]
    if len(given) == 1:
        label = str(Score(given[0][0]).label)
        if rated == 1:
            return _(", rated %(score)s") % {"score": label}
        return _(", all rated %(score)s") % {"score": label}
    return _(", of them %(scores)s") % {
        "scores": pgettext("report list", " and ").join(
            _("%(score)s %(n)s") % {"score": Score(score).label, "n": marker(key)}
            for score, key in given
        )
    }


def _ratings_sentence(figures: dict[str, Figure]) -> str:
    rated = _value(figures, "suggestions.ratings")
    if not rated:
        return ""
    text = ngettext(
        " Residents rated %(n)s answer",
        " Residents rated %(n)s answers",
        rated,
    ) % {"n": marker("suggestions.ratings")}
    text += _scores_clause(figures)
    text += _(", a satisfaction rate of %(rate)s") % {
        "rate": marker("suggestions.satisfaction_rate")
    }
    reopened = _value(figures, "suggestions.items_reopened")
    if reopened:
        text += ngettext(
            "; %(n)s item was taken up again after a rating of not satisfied",
            "; %(n)s items were taken up again after a rating of not satisfied",
            reopened,
        ) % {"n": marker("suggestions.items_reopened")}
    return text + pgettext("report sentence end", ".")


@section.paragraph
def handling_paragraph(year: int, figures: dict[str, Figure]) -> Paragraph | None:
    """What became of the items of the year; nothing when none came in (the
    deputy suggestions' paragraph says so)."""
    if not filled(figures, "suggestions.items_received"):
        return None
    text = (
        _handling_sentence(figures)
        + _overdue_sentence(figures)
        + _ratings_sentence(figures)
    )
    return Paragraph("suggestions.handling", CHANNELS, text, 30)
