"""A small year built from factories, and the staff who write its report."""

import datetime
import zoneinfo

import pytest

from deputies.models import DutyActivity
from tests.deputies.factories import (
    ActivityPhotoFactory,
    AttendanceFactory,
    ByElectionFactory,
    DutyActivityFactory,
    DutyReportFactory,
)
from tests.factories import ConstituencyFactory, DeputyFactory

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
K = DutyActivity.Kind
P = DutyActivity.PublicationKind
YEAR = 2016


def day(month, d=10, year=YEAR):
    return datetime.date(year, month, d)


def build_deputies_year(year=YEAR):
    """The deputies' records of a year, with what the report must say of them."""
    a, b, c = DeputyFactory.create_batch(3)
    first = DutyActivityFactory(
        kind=K.SYMPOSIUM, date=day(3, year=year), topics="示例议题甲\n示例议题乙"
    )
    DutyActivityFactory(kind=K.SYMPOSIUM, date=day(9, year=year), topics="示例议题丙")
    ActivityPhotoFactory(activity=first)
    AttendanceFactory(activity=first, deputy=a)
    poverty = DutyActivityFactory(
        kind=K.POVERTY_VISIT,
        date=day(4, year=year),
        households_due=10,
        households_visited=8,
    )
    AttendanceFactory(activity=poverty, deputy=a, attended=True)
    AttendanceFactory(activity=poverty, deputy=b, attended=False)
    for month in (2, 6):
        DutyActivityFactory(
            kind=K.BRIEFING,
            date=day(month, year=year),
            publication="《示例政务简报》",
            publication_kind=P.GOVERNMENT,
        )
    DutyActivityFactory(
        kind=K.BRIEFING,
        date=day(7, year=year),
        publication="《示例内刊》",
        publication_kind=P.INTERNAL,
    )
    trip = DutyActivityFactory(
        kind=K.TRAINING, date=day(5, year=year), title="赴示例市考察学习"
    )
    AttendanceFactory(activity=trip, deputy=c, reflection="示例心得体会")
    for deputy in (a, b, c):
        DutyReportFactory(deputy=deputy, date=day(3, 15, year=year))
    ByElectionFactory(
        constituency=ConstituencyFactory(number=70 + year % 10, name="第示例选区"),
        date=day(6, year=year),
        seats=2,
    )
    return {
        "deputies.symposiums": 2,
        "deputies.symposium_topics": ["示例议题甲", "示例议题乙", "示例议题丙"],
        "deputies.poverty_visits": 1,
        "deputies.poverty_households": 8,
        "deputies.briefings_government": 2,
        "deputies.briefings_internal": 1,
        "deputies.briefing_government_titles": ["《示例政务简报》"],
        "deputies.study_trips": 1,
        "deputies.reflections": 1,
        "deputies.study_trips_with_reflections": 1,
        "deputies.duty_reports": 3,
        "deputies.duty_report_deputies": 3,
        "deputies.by_elections": 1,
        "deputies.by_election_constituencies": ["第示例选区"],
        "deputies.by_election_seats": 2,
        "deputies.archives": 3,
        "deputies.archives_with_photos": 1,
    }


def moment(month, d=10, year=YEAR):
    return datetime.datetime(year, month, d, 10, tzinfo=SHANGHAI)


def build_reception_year(year=YEAR):
    """Two stations (one upgraded this year, one meeting the eight-haves), two
    delegation visits and two sessions with 25 voters."""
    from reception.models import StandardItem
    from tests.reception.factories import (
        DelegationVisitFactory,
        ReceptionSessionFactory,
        StandardCheckFactory,
        StationFactory,
    )

    items = list(StandardItem.objects.active())
    upgraded = StationFactory(upgraded_on=day(4, year=year))
    older = StationFactory(upgraded_on=day(4, year=year - 1))
    for item in items:
        StandardCheckFactory(station=upgraded, item=item, met=True)
        StandardCheckFactory(station=older, item=item, met=item != items[-1])
    DelegationVisitFactory(date=day(5, year=year), visiting_body="示例考察团甲")
    DelegationVisitFactory(date=day(6, year=year), visiting_body="示例考察团乙")
    DelegationVisitFactory(date=day(6, year=year - 1), visiting_body="往年考察团")
    ReceptionSessionFactory(station=upgraded, started_at=moment(3), voters_received=10)
    ReceptionSessionFactory(station=older, started_at=moment(9), voters_received=15)
    ReceptionSessionFactory(
        station=older, started_at=moment(9, year=year - 1), voters_received=99
    )
    return {
        "reception.stations": 2,
        "reception.stations_upgraded": 1,
        "reception.stations_meeting_standard": 1,
        "reception.standard_items": len(items),
        "reception.delegation_visits": 2,
        "reception.delegation_bodies": ["示例考察团甲", "示例考察团乙"],
        "reception.sessions": 2,
        "reception.voters": 25,
    }


def _residents_opinions(year):
    """Three opinions of the year and one of the year before; the escalated one."""
    from suggestions.models import Suggestion
    from suggestions.services import escalations, following
    from tests.suggestions.factories import SuggestionFactory

    S = Suggestion.Source
    wechat, group, _web = (
        SuggestionFactory(source=source, received_at=moment(m, year=year))
        for m, source in (
            (3, S.WECHAT_EXPRESS),
            (4, S.COMMUNITY_GROUP),
            (5, S.WEB_FORM),
        )
    )
    SuggestionFactory(source=S.PHONE, received_at=moment(5, year=year - 1))
    following.suggestion_follow_up(
        suggestion=group, actor=None, note="代表到现场查看。", public=True
    )
    city = DeputyFactory(name="示例市代表", level="city")
    escalation = escalations.escalation_create(
        suggestion=wechat,
        actor=None,
        city_deputy=city,
        escalated_on=day(3, 20, year=year),
        request="请市代表协调。",
    )
    escalations.escalation_follow_up(
        escalation=escalation,
        actor=None,
        on=day(6, year=year),
        text="问题已经解决。",
        status="resolved",
    )
    return wechat


def _deputy_suggestions(year):
    """Two session suggestions and one between sessions, the last two answered."""
    from suggestions.models import Suggestion
    from tests.suggestions.factories import SuggestionFactory, replied

    deputy = DeputyFactory()
    kinds = [
        Suggestion.Kind.SESSION,
        Suggestion.Kind.SESSION,
        Suggestion.Kind.INTER_SESSION,
    ]
    for i, kind in enumerate(kinds):
        suggestion = SuggestionFactory(
            kind=kind,
            source=Suggestion.Source.DEPUTY,
            raised_by=deputy,
            congress_session="区示例届人大一次会议" if kind == "session" else "",
            received_at=moment(2 + i, year=year),
            submitter_name="",
            submitter_phone="",
            submitter_address="",
        )
        if i:
            replied(suggestion)


def build_suggestions_year(year=YEAR):
    """Three residents' opinions (two followed up, one taken to a city deputy and
    resolved) and three deputy suggestions, two of them answered."""
    wechat = _residents_opinions(year)
    _deputy_suggestions(year)
    return {
        "suggestions.collected": 3,
        "suggestions.followed_up": 2,
        "suggestions.channel_count": 3,
        "suggestions.wechat_express": 1,
        "suggestions.community_groups": 1,
        "suggestions.session_suggestions": 2,
        "suggestions.inter_session_suggestions": 1,
        "suggestions.deputy_suggestions": 3,
        "suggestions.deputy_replied": 2,
        "suggestions.congress_sessions": ["区示例届人大一次会议"],
        "suggestions.escalations": 1,
        "suggestions.escalations_resolved": 1,
        "suggestions.escalations_partly": 0,
        "suggestions.escalation_titles": [wechat.title],
        "suggestions.escalation_progress": ["问题已经解决"],
    }


def build_publicity_year(year=YEAR):
    """Two articles submitted, two acceptances by two outlets, one profile post."""
    from publicity.models import Outlet
    from tests.publicity.factories import (
        ArticleFactory,
        OutletFactory,
        SubmissionFactory,
    )

    website = OutletFactory(name="示例区人大网站", ordering=1)
    paper = OutletFactory(name="《示例日报》", kind=Outlet.Kind.NEWSPAPER, ordering=2)
    own = OutletFactory(
        name="示例微信号",
        level=Outlet.Level.STREET,
        kind=Outlet.Kind.WECHAT,
        is_own_channel=True,
    )
    first = ArticleFactory(date=day(3, year=year))
    second = ArticleFactory(date=day(4, year=year))
    SubmissionFactory(article=first, outlet=website, accepted=True)
    SubmissionFactory(article=first, outlet=paper, accepted=True)
    SubmissionFactory(article=second, outlet=website, accepted=False)
    profile = ArticleFactory(date=day(5, year=year), is_profile_post=True)
    SubmissionFactory(article=profile, outlet=own, accepted=True)
    SubmissionFactory(
        article=ArticleFactory(date=day(5, year=year - 1)),
        outlet=website,
        accepted=True,
    )
    return {
        "publicity.articles_submitted": 2,
        "publicity.acceptances": 2,
        f"publicity.accepted.outlet_{website.pk}": 1,
        f"publicity.accepted.outlet_{paper.pk}": 1,
        "publicity.profile_posts": 1,
        "publicity.own_channels": ["示例微信号"],
    }


@pytest.fixture
def factory_year(db):
    """Records of 2016, and of the years either side which must not count."""
    expected = build_deputies_year(YEAR)
    expected.update(build_reception_year(YEAR))
    expected.update(build_suggestions_year(YEAR))
    expected.update(build_publicity_year(YEAR))
    # The deputy who raised the deputy suggestions has them in the archive too.
    expected["deputies.archives"] += 1
    DutyActivityFactory(
        kind=K.SYMPOSIUM, date=day(12, 31, year=YEAR - 1), topics="旧议题"
    )
    DutyActivityFactory(
        kind=K.SYMPOSIUM, date=day(1, 1, year=YEAR + 1), topics="新议题"
    )
    return expected


@pytest.fixture
def draft(factory_year, staff_user):
    from report.services import report_generate

    return report_generate(year=YEAR, user=staff_user)


def complete(report, user, **texts):
    """Save a version with the problems and plans written, as staff would."""
    from report.services import report_save_version

    version = report.latest_version()
    return report_save_version(
        report=report,
        user=user,
        title=version.title,
        texts={
            "problems": "（一）代表履职能力有待提高\n部分代表知情知政情况有限。",
            "plans": "（一）抓政治理论学习\n组织代表开展专题学习。",
            **texts,
        },
        note="写完存在的问题和工作思路",
    )


@pytest.fixture
def final(draft, staff_user):
    from report.services import report_finalise

    complete(draft, staff_user)
    return report_finalise(report=draft, user=staff_user)
