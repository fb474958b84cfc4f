"""The suggestions figures of a year as its items stood on 31 December, counted
from their records (never typed), and the paragraph that states them."""

import datetime

import pytest
from django.utils import timezone, translation

from report.builder import REPORT_LANGUAGE, collect_figures
from report.document import ReportDocument
from report.figures import Figure, plain_text
from suggestions.models import Rating, Suggestion
from tests.suggestions.factories import accepted

from .suggestion_stories import Plan, make_item, ratings_counts, year_end_counts

YEAR = 2016
Score = Rating.Score

KEYS = {
    "received": "suggestions.items_received",
    "accepted": "suggestions.items_accepted",
    "answered": "suggestions.items_answered",
    "closed": "suggestions.items_closed",
    "overdue": "suggestions.items_overdue",
    "escalated": "suggestions.items_escalated",
    "reopened": "suggestions.items_reopened",
}
RATING_KEYS = {
    Score.SATISFIED: "suggestions.rated_satisfied",
    Score.BASICALLY: "suggestions.rated_basically",
    Score.UNSATISFIED: "suggestions.rated_unsatisfied",
}


@pytest.fixture
def handled_year(db):
    """Nine items of 2016 with every ending, and one of 2015 that must not count."""
    plans = [
        Plan(accept=False),  # received only
        Plan(month=3),  # accepted, never answered: overdue at the year's end
        Plan(month=12, due_days=60),  # due after the year's end
        Plan(answer="year", close="year"),
        Plan(answer="year", rating=Score.SATISFIED, close="year"),
        Plan(answer="year", rating=Score.BASICALLY),
        Plan(month=6, answer="year", rating=Score.UNSATISFIED),  # reopened
        Plan(month=5, answer="year", close="later"),  # closed only in 2017
        Plan(month=4, answer="later", escalate=True),  # answered only in 2017
    ]
    for plan in plans:
        make_item(YEAR, plan)
    make_item(YEAR - 1, Plan(answer="year", rating=Score.SATISFIED, close="year"))


def test_the_year_end_figures_come_from_the_records(handled_year):
    figures = collect_figures(YEAR)
    values = {name: figures[key].value for name, key in KEYS.items()}
    assert values == {
        "received": 9,
        "accepted": 8,
        "answered": 5,
        "closed": 2,
        # March, the reopened one of June and the one answered only in 2017.
        "overdue": 3,
        "escalated": 1,
        "reopened": 1,
    }
    assert values == year_end_counts(YEAR)
    assert {s: figures[k].value for s, k in RATING_KEYS.items()} == {
        Score.SATISFIED: 1,
        Score.BASICALLY: 1,
        Score.UNSATISFIED: 1,
    }
    assert ratings_counts(YEAR) == {"satisfied": 1, "basically": 1, "unsatisfied": 1}
    assert figures["suggestions.ratings"].value == 3
    assert figures["suggestions.satisfaction_rate"].display() == "66.7%"


def test_today_s_status_does_not_change_last_year_s_figures(handled_year):
    """The item closed in 2017 is open at the end of 2016 whatever it is now."""
    assert Suggestion.objects.filter(status="closed").count() == 4
    assert collect_figures(YEAR)["suggestions.items_closed"].value == 2


def test_the_report_states_the_year_end_figures(handled_year):
    text = ReportDocument.from_records(YEAR).plain_text()
    assert (
        "全年登记群众意见9条，受理8条，已答复5条，办结2条，提请市代表协调1条。" in text
    )
    assert "截至年底，有3条超过办理期限尚未答复。" in text
    assert (
        "居民对3次答复作出评价，其中满意1次、基本满意1次、不满意1次，满意率66.7%；"
        "因居民评价不满意重新办理1条。"
    ) in text


def test_the_figures_are_in_the_csv_appendix(handled_year):
    from report.render import render_csv

    csv_text = render_csv(ReportDocument.from_records(YEAR)).decode("utf-8-sig")
    for key in [*KEYS.values(), *RATING_KEYS.values(), "suggestions.ratings"]:
        assert key in csv_text, key
    assert "suggestions.satisfaction_rate" in csv_text


def test_the_due_date_of_the_year_s_end_is_the_one_kept_then(db):
    """An item entered as it happened: the history keeps its due date of then,
    even if the stored one changed afterwards without a trace."""
    year = timezone.localdate().year
    item = make_item(year, Plan(month=1, accept=False))
    accepted(item, due_date=timezone.localdate() - datetime.timedelta(days=1))
    Suggestion.objects.filter(pk=item.pk).update(due_date=datetime.date(year + 1, 6, 1))
    assert collect_figures(year)["suggestions.items_overdue"].value == 1


# -- the paragraph, sentence by sentence ---------------------------------------------


def handling_text(**values) -> str:
    from report.sections.suggestions import outcomes

    defaults = dict.fromkeys(
        [*KEYS.values(), *RATING_KEYS.values(), "suggestions.ratings"], 0
    )
    defaults |= {"suggestions.deputy_suggestions": 0, "suggestions.collected": 1}
    figures = {
        key: Figure.count(key, value, key)
        for key, value in (
            defaults | {k.replace("__", "."): v for k, v in values.items()}
        ).items()
    }
    rated = figures["suggestions.ratings"].value
    content = sum(
        figures[RATING_KEYS[s]].value for s in (Score.SATISFIED, Score.BASICALLY)
    )
    figures["suggestions.satisfaction_rate"] = Figure.rate(
        "suggestions.satisfaction_rate", 100 * content / rated if rated else None, "率"
    )
    with translation.override(REPORT_LANGUAGE):
        paragraph = outcomes.handling_paragraph(YEAR, figures)
    return plain_text(paragraph.text, figures) if paragraph else ""


def test_nothing_received_nothing_said():
    assert handling_text() == ""


def test_all_accepted_answered_and_closed():
    text = handling_text(
        suggestions__items_received=4,
        suggestions__items_accepted=4,
        suggestions__items_answered=4,
        suggestions__items_closed=4,
    )
    assert "全年登记群众意见4条，均已受理，均已答复，均已办结。" in text
    assert "截至年底，没有超过办理期限尚未答复的事项。" in text


def test_the_only_item_is_not_all_of_them():
    text = handling_text(
        suggestions__items_received=1,
        suggestions__items_accepted=1,
        suggestions__items_answered=1,
    )
    assert "全年登记群众意见1条，已受理，已答复。" in text
    assert "均" not in text


def test_none_accepted_is_not_stated_as_zero():
    text = handling_text(suggestions__items_received=3)
    assert text == "全年登记群众意见3条。"


def test_the_kinds_received_name_the_items():
    both = handling_text(
        suggestions__items_received=2, suggestions__deputy_suggestions=1
    )
    assert both.startswith("全年登记代表建议和群众意见2条")
    deputies = handling_text(
        suggestions__items_received=2,
        suggestions__deputy_suggestions=2,
        suggestions__collected=0,
    )
    assert deputies.startswith("全年登记代表建议2条")


def test_one_rating_all_of_one_score_or_mixed():
    base = {"suggestions__items_received": 3, "suggestions__items_answered": 3}
    one = handling_text(**base, suggestions__ratings=1, suggestions__rated_satisfied=1)
    assert "居民对1次答复作出评价，评价为满意，满意率100%。" in one
    same = handling_text(
        **base,
        suggestions__ratings=2,
        suggestions__rated_unsatisfied=2,
        suggestions__items_reopened=2,
    )
    assert (
        "居民对2次答复作出评价，均评价为不满意，满意率0%；因居民评价不满意重新办理2条。"
        in same
    )
    mixed = handling_text(
        **base,
        suggestions__ratings=3,
        suggestions__rated_satisfied=2,
        suggestions__rated_basically=1,
    )
    assert "其中满意2次、基本满意1次，满意率100%。" in mixed
    assert "不满意" not in mixed
    assert "评价" not in handling_text(**base)
