"""Building a report takes the same number of queries at 100 and 10,000 records."""

import datetime
import itertools
import zoneinfo

from deputies.models import Attendance, DutyActivity, DutyReport
from report.builder import collect_figures, generate_paragraphs
from tests.factories import DeputyFactory
from tests.utils import count_queries

YEAR = 2018
TZ = zoneinfo.ZoneInfo("Asia/Shanghai")
K = DutyActivity.Kind


def bulk_records(n: int, deputies) -> None:
    """n records of each kind the providers count, made in bulk to stay fast."""
    kinds = itertools.cycle(
        [K.SYMPOSIUM, K.POVERTY_VISIT, K.TRAINING, K.BRIEFING, K.STUDY]
    )
    activities = []
    for i in range(n):
        kind = next(kinds)
        extra = {}
        if kind == K.SYMPOSIUM:
            extra = {"topics": f"议题{i}"}
        elif kind == K.POVERTY_VISIT:
            extra = {"households_due": 3, "households_visited": 3}
        elif kind == K.BRIEFING:
            extra = {"publication": f"《简报{i % 7}》", "publication_kind": "internal"}
        activities.append(
            DutyActivity(
                kind=kind,
                title=f"批量活动{i}",
                date=datetime.date(YEAR, 1 + i % 12, 1 + i % 28),
                **extra,
            )
        )
    activities = DutyActivity.objects.bulk_create(activities, batch_size=500)
    Attendance.objects.bulk_create(
        [
            Attendance(
                activity=a,
                deputy=deputies[i % len(deputies)],
                attended=True,
                reflection="心得" if a.kind == K.TRAINING else "",
            )
            for i, a in enumerate(activities)
        ],
        batch_size=500,
    )
    DutyReport.objects.bulk_create(
        [
            DutyReport(
                deputy=deputies[i % len(deputies)],
                constituency=deputies[i % len(deputies)].constituency,
                date=datetime.date(YEAR, 8, 1 + i % 28),
                text="述职",
            )
            for i in range(n)
        ],
        batch_size=500,
    )


def bulk_sessions(n: int, deputies) -> None:
    """n reception sessions at one station, one deputy each."""
    from reception.models import ReceptionSession
    from tests.reception.factories import StationFactory

    station = StationFactory()
    sessions = ReceptionSession.objects.bulk_create(
        [
            ReceptionSession(
                station=station,
                started_at=datetime.datetime(
                    YEAR, 1 + i % 12, 1 + i % 28, 9, tzinfo=TZ
                ),
                voters_received=1 + i % 30,
            )
            for i in range(n)
        ],
        batch_size=500,
    )
    Through = ReceptionSession.deputies.through
    Through.objects.bulk_create(
        [
            Through(receptionsession=s, deputy=deputies[i % len(deputies)])
            for i, s in enumerate(sessions)
        ],
        batch_size=500,
    )


def bulk_suggestions(n: int, offset: int) -> None:
    """n suggestions, two residents' opinions in three; half followed up, a third
    answered; each with one of five handling units and due on 10 December, so
    that those still waiting at the year's end are overdue."""
    from suggestions.models import HandlingUnit, Reply, Suggestion, TimelineEntry

    units = [
        HandlingUnit.objects.get_or_create(name=f"批量承办单位{k}")[0] for k in range(5)
    ]
    kinds = itertools.cycle(
        [Suggestion.Kind.RESIDENT, Suggestion.Kind.RESIDENT, Suggestion.Kind.SESSION]
    )
    suggestions = Suggestion.objects.bulk_create(
        [
            Suggestion(
                tracking_code=f"Q{offset + i:09d}",
                kind=next(kinds),
                source=Suggestion.Source.WECHAT_EXPRESS,
                title=f"批量意见{i}",
                text="示例",
                received_at=datetime.datetime(YEAR, 1 + i % 12, 2, 9, tzinfo=TZ),
                handling_unit=units[i % len(units)],
                due_date=datetime.date(YEAR, 12, 10),
            )
            for i in range(n)
        ],
        batch_size=500,
    )
    TimelineEntry.objects.bulk_create(
        [
            TimelineEntry(suggestion=s, kind=TimelineEntry.Kind.FOLLOW_UP, note="督办")
            for s in suggestions[::2]
        ],
        batch_size=500,
    )
    answered = Reply.objects.bulk_create(
        [
            Reply(
                suggestion=s,
                responder="示例单位",
                answered_on=datetime.date(YEAR, 12, 1),
                channel=Reply.Channel.WRITTEN,
                text="已答复",
            )
            for s in suggestions[::3]
        ],
        batch_size=500,
    )
    bulk_year_end(suggestions, answered)


def bulk_year_end(suggestions, answered) -> None:
    """What the year-end figures read: transitions (every other item accepted,
    every sixth closed), ratings of the answers in turn, reopenings after a
    不满意, and a request to a city-level deputy for every tenth item."""
    from suggestions.models import Escalation, Rating, Suggestion, TimelineEntry

    S = Suggestion.Status
    at = datetime.datetime(YEAR, 12, 2, 9, tzinfo=TZ)
    scores = itertools.cycle(Rating.Score.values)
    transitions = [(s, S.RECEIVED, S.ACCEPTED) for s in suggestions[::2]]
    transitions += [(s, S.REPLIED, S.CLOSED) for s in suggestions[::6]]
    ratings = [
        Rating(suggestion=r.suggestion, reply=r, score=next(scores), created_at=at)
        for r in answered
    ]
    transitions += [
        (r.suggestion, S.REPLIED, S.REOPENED)
        for r in ratings
        if r.score == Rating.Score.UNSATISFIED
    ]
    TimelineEntry.objects.bulk_create(
        [
            TimelineEntry(
                suggestion=s,
                kind=TimelineEntry.Kind.TRANSITION,
                from_status=before,
                to_status=after,
                at=at,
            )
            for s, before, after in transitions
        ],
        batch_size=500,
    )
    Rating.objects.bulk_create(ratings, batch_size=500)
    city = DeputyFactory(level="city")
    Escalation.objects.bulk_create(
        [
            Escalation(
                suggestion=s,
                city_deputy=city,
                escalated_on=datetime.date(YEAR, 12, 3),
                request="请协调",
            )
            for s in suggestions[::10]
        ],
        batch_size=500,
    )


def bulk_articles(n: int, offset: int) -> None:
    """n articles, each sent to two outlets and accepted by the first."""
    from publicity.models import Article, Outlet, Submission

    outlets = [
        Outlet.objects.create(
            name=f"批量媒体{offset}-{k}",
            level=Outlet.Level.DISTRICT,
            kind=Outlet.Kind.WEBSITE,
        )
        for k in range(2)
    ]
    articles = Article.objects.bulk_create(
        [
            Article(title=f"批量稿件{i}", body="正文", date=datetime.date(YEAR, 3, 1))
            for i in range(n)
        ],
        batch_size=500,
    )
    Submission.objects.bulk_create(
        [
            Submission(
                article=a,
                outlet=outlet,
                sent_on=datetime.date(YEAR, 3, 1),
                accepted=k == 0,
                accepted_on=datetime.date(YEAR, 3, 5) if k == 0 else None,
            )
            for a in articles
            for k, outlet in enumerate(outlets)
        ],
        batch_size=500,
    )


def bulk_other_apps(n: int, deputies, offset: int) -> None:
    """n reception sessions, residents' opinions (half followed up, a third
    answered) and articles with two submissions each, made in bulk."""
    bulk_sessions(n, deputies)
    bulk_suggestions(n, offset)
    bulk_articles(n, offset)


def build():
    figures = collect_figures(YEAR)
    paragraphs = generate_paragraphs(YEAR, figures)
    return figures, {p["key"]: p["text"] for p in paragraphs}


def test_the_queries_to_build_a_report_do_not_grow_with_the_records(db):
    deputies = DeputyFactory.create_batch(5)
    bulk_records(100, deputies)
    bulk_other_apps(100, deputies, offset=0)
    build()  # warm caches such as content types
    small = count_queries(build)
    bulk_records(9_900, deputies)
    bulk_other_apps(9_900, deputies, offset=100)
    large = count_queries(build)
    figures, texts = build()
    assert figures["deputies.duty_reports"].value == 10_000
    assert figures["deputies.symposiums"].value == 2_000
    assert figures["reception.sessions"].value == 10_000
    assert figures["suggestions.collected"].value == 6_667
    assert figures["publicity.articles_submitted"].value == 10_000
    assert figures["suggestions.items_received"].value == 10_000
    assert figures["suggestions.items_accepted"].value == 5_000
    assert figures["suggestions.items_answered"].value == 3_334
    assert figures["suggestions.items_escalated"].value == 1_000
    assert figures["suggestions.ratings"].value == 3_334
    assert figures["suggestions.items_reopened"].value > 0
    # The problems name the handling units of the items overdue at the year's end.
    assert figures["suggestions.items_overdue"].value > 0
    assert "批量承办单位" in texts["problems"]
    assert large == small
