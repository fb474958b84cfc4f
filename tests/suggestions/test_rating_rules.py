"""Rating an answer: the comment's rule as its label says it, closed items
rated for a while after closing, and what the tracking page says then."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from suggestions.models import Rating, Suggestion
from suggestions.services import lifecycle
from tests.suggestions.factories import SuggestionFactory, replied

pytestmark = pytest.mark.django_db
TRACK = reverse("suggestions:track")
RESULT = reverse("suggestions:track_result")
RATE = reverse("suggestions:track_rate")


@pytest.fixture
def item(db):
    suggestion = SuggestionFactory(submitter_phone="13812345678")
    replied(suggestion)
    return suggestion


@pytest.fixture
def tracked(client, item):
    client.post(TRACK, {"code": item.tracking_code, "phone_last4": "5678"})
    return client


def close(item, days_ago=0):
    at = timezone.now() - datetime.timedelta(days=days_ago)
    lifecycle.suggestion_close(
        suggestion=item, actor=None, outcome=Suggestion.Outcome.A, at=at
    )


def test_the_comment_label_says_it_is_needed_only_when_not_satisfied(tracked):
    html = tracked.get(RESULT).content.decode()
    assert "不满意时请说明原因" in html
    assert "可不填" in html
    assert "意见(可不填)" not in html


@pytest.mark.parametrize("score", ["satisfied", "basically"])
def test_satisfied_and_basically_satisfied_need_no_comment(tracked, item, score):
    response = tracked.post(RATE, {"score": score, "comment": ""})
    assert response.status_code == 302
    assert Rating.objects.get(suggestion=item).score == score


@pytest.mark.parametrize("comment", ["", "   "])
def test_not_satisfied_without_a_reason_is_refused_in_chinese(tracked, item, comment):
    response = tracked.post(RATE, {"score": "unsatisfied", "comment": comment})
    assert response.status_code == 400
    assert "请说明原因" in response.content.decode()
    assert not Rating.objects.exists()
    item.refresh_from_db()
    assert item.status == Suggestion.Status.REPLIED
    assert not item.timeline.filter(kind="rating").exists()


def test_an_unknown_score_is_refused_and_nothing_saved(tracked):
    response = tracked.post(RATE, {"score": "great", "comment": "好"})
    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode()
    assert not Rating.objects.exists()


def test_a_closed_item_can_still_be_rated_within_the_period(tracked, item):
    close(item, days_ago=29)
    html = tracked.get(RESULT).content.decode()
    assert f'action="{RATE}"' in html
    assert "仍可评价" in html
    response = tracked.post(RATE, {"score": "satisfied"})
    assert response.status_code == 302
    assert Rating.objects.get(suggestion=item).score == "satisfied"
    item.refresh_from_db()
    assert item.status == Suggestion.Status.CLOSED


def test_not_satisfied_with_a_closed_item_reopens_it(tracked, item):
    close(item, days_ago=3)
    tracked.post(RATE, {"score": "unsatisfied", "comment": "路灯又坏了"})
    item.refresh_from_db()
    assert item.status == Suggestion.Status.REOPENED
    assert item.finished_at is None


def test_after_the_period_the_page_says_rating_has_closed(tracked, item):
    close(item, days_ago=31)
    html = tracked.get(RESULT).content.decode()
    assert "评价已截止" in html
    assert f'action="{RATE}"' not in html
    response = tracked.post(RATE, {"score": "satisfied"})
    assert response.status_code == 400
    assert "评价已截止" in response.content.decode()
    assert not Rating.objects.exists()


def test_the_period_is_a_setting(tracked, item, settings):
    settings.SUGGESTIONS_RATING_DAYS_AFTER_CLOSING = 5
    close(item, days_ago=6)
    assert tracked.post(RATE, {"score": "satisfied"}).status_code == 400
    assert not Rating.objects.exists()


def test_a_rated_closed_item_says_nothing_of_closing(tracked, item):
    tracked.post(RATE, {"score": "satisfied"})
    close(item, days_ago=40)
    html = tracked.get(RESULT).content.decode()
    assert "评价已截止" not in html
    assert "您的评价" in html


def test_the_outcome_is_in_words_without_its_letter(tracked, item):
    close(item)
    html = tracked.get(RESULT).content.decode()
    assert "已解决" in html
    assert "A 已解决" not in html and "A: solved" not in html


def test_status_badges_never_wrap(tracked):
    from django.contrib.staticfiles import finders

    html = tracked.get(RESULT).content.decode()
    assert 'class="badge status-badge' in html
    with open(finders.find("suggestions/suggestions.css"), encoding="utf-8") as f:
        css = f.read()
    rule = next(line for line in css.splitlines() if line.startswith(".status-badge"))
    assert "white-space: nowrap" in rule
