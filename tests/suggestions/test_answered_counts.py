"""One definition of answered and closed: the duty archive, the deputy's
dashboard, the home page and the year-end report count the same records alike."""

import datetime
import zoneinfo

import pytest

from core.sections import archive_sections
from dashboard.deputy import deputy_dashboard
from report.sections.suggestions.year_end import counts
from suggestions import archive, home
from suggestions.models import Rating, Suggestion
from suggestions.services import lifecycle, ratings
from tests.factories import DeputyFactory
from tests.suggestions.factories import SuggestionFactory, accepted, replied

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
YEAR = 2016


def moment(month, d=10):
    return datetime.datetime(YEAR, month, d, 10, tzinfo=SHANGHAI)


@pytest.fixture
def items():
    """A deputy's four items of the year: answered then reopened after 不满意,
    answered and closed, accepted without an answer, just received."""
    deputy = DeputyFactory(name="王示例")
    reopened, closed, waiting, fresh = (
        SuggestionFactory(following_deputy=deputy, received_at=moment(m))
        for m in (2, 3, 4, 5)
    )
    for item, month in ((reopened, 2), (closed, 3), (waiting, 4)):
        accepted(item, at=moment(month, 12))
    replied(reopened, answered_on=datetime.date(YEAR, 2, 20), at=moment(2, 20))
    ratings.suggestion_rate(
        suggestion=reopened,
        score=Rating.Score.UNSATISFIED,
        comment="还没修好。",
        at=moment(2, 25),
    )
    replied(closed, answered_on=datetime.date(YEAR, 3, 20), at=moment(3, 20))
    lifecycle.suggestion_close(suggestion=closed, actor=None, at=moment(3, 25))
    return deputy


def test_answered_is_having_a_reply_whatever_the_status_since(items):
    year = Suggestion.objects.in_year(YEAR)
    assert year.answered().count() == 2
    assert year.closed().count() == 1
    assert set(year.answered().values_list("status", flat=True)) == {
        Suggestion.Status.REOPENED,
        Suggestion.Status.CLOSED,
    }


def test_archive_dashboard_and_report_give_the_same_numbers(items):
    section = archive.section(items, YEAR)
    dashboard = deputy_dashboard(items, YEAR)
    replied_metric = next(m for m in dashboard.metrics if m.key == "replied")
    report = counts(Suggestion.objects.in_year(YEAR), YEAR)
    assert section["total"] == report["received"] == 4
    assert section["answered"] == replied_metric.value == report["answered"] == 2
    assert Suggestion.objects.in_year(YEAR).closed().count() == report["closed"]


def test_the_archive_page_says_two_answered(items):
    [section] = [
        s
        for s in archive_sections(items, YEAR)
        if s["template"] == "suggestions/_archive.html"
    ]
    assert section["context"]["answered"] == 2


def test_the_home_page_counts_answered_items_alike(items, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(YEAR, 6, 1))
    assert home.section(None)["answered"] == 2


def test_answered_by_a_date_leaves_out_later_replies(items):
    year = Suggestion.objects.in_year(YEAR)
    assert year.answered(by=datetime.date(YEAR, 2, 28)).count() == 1
    assert year.answered(by=datetime.date(YEAR, 2, 1)).count() == 0
