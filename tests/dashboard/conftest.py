"""A small year built from factories, with what the dashboard must say of it."""

import datetime
import zoneinfo

import pytest

from suggestions.models import Rating, Suggestion
from suggestions.services import ratings
from tests.deputies.factories import AttendanceFactory, DutyActivityFactory
from tests.factories import CommunityFactory, DeputyFactory
from tests.publicity.factories import ArticleFactory, OutletFactory, SubmissionFactory
from tests.reception.factories import ReceptionSessionFactory, StationFactory
from tests.suggestions.factories import SuggestionFactory, accepted, replied

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
YEAR = 2016


def moment(month, d=10, year=YEAR):
    return datetime.datetime(year, month, d, 10, tzinfo=SHANGHAI)


def day(month, d=10, year=YEAR):
    return datetime.date(year, month, d)


def build_year(year=YEAR, community=None):
    """Four opinions of one community: two answered (one on time, then rated
    不满意 and reopened; one late, rated 基本满意), one overdue, one just
    received; two sessions
    with 30 voters; one activity; one accepted article."""
    community = community or CommunityFactory()
    on_time, late, overdue, fresh = (
        SuggestionFactory(community=community, received_at=moment(m, year=year))
        for m in (2, 3, 4, 5)
    )
    accepted(on_time, due_date=day(3, year=year))
    replied(on_time, answered_on=day(2, 20, year=year))
    # 不满意 reopens the item (with a new due date): still replied on time.
    ratings.suggestion_rate(
        suggestion=on_time, score=Rating.Score.UNSATISFIED, comment="还没修好。"
    )
    accepted(late, due_date=day(3, 20, year=year))
    replied(late, answered_on=day(4, 9, year=year))
    ratings.suggestion_rate(suggestion=late, score=Rating.Score.BASICALLY)
    accepted(overdue, due_date=day(4, 30, year=year))
    station = StationFactory(community=community)
    deputy = DeputyFactory(community=community)
    for month, voters in ((3, 10), (9, 20)):
        ReceptionSessionFactory(
            station=station,
            started_at=moment(month, year=year),
            voters_received=voters,
            deputies=[deputy],
        )
    activity = DutyActivityFactory(date=day(6, year=year))
    AttendanceFactory(activity=activity, deputy=deputy, attended=True)
    outlet = OutletFactory(name="示例区人大网站")
    SubmissionFactory(
        article=ArticleFactory(date=day(3, year=year)), outlet=outlet, accepted=True
    )
    return {
        "community": community,
        "station": station,
        "deputy": deputy,
        "outlet": outlet,
        "suggestions": [on_time, late, overdue, fresh],
    }


@pytest.fixture
def factory_year(db):
    return build_year()


@pytest.fixture
def today():
    return datetime.date(YEAR, 12, 31)


def statuses(items):
    return [Suggestion.objects.get(pk=s.pk).status for s in items]
