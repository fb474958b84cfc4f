"""Each ledger becomes records as the portal keeps them, all rows or none."""

import datetime

import pytest
from django.utils import timezone

from deputies.models import Attendance, DutyActivity
from ledgers.services import ledger_check, ledger_import
from publicity.models import Article, Submission
from reception.models import ReceptionSession
from suggestions.models import Notification, Rating, Reply, Suggestion, TimelineEntry

from .conftest import (
    ROWS,
    activity_row,
    article_row,
    session_row,
    suggestion_row,
    upload,
)

pytestmark = pytest.mark.django_db


def test_a_session_is_recorded_with_its_deputies_and_issues(street, staff_user):
    outcome = ledger_import(
        kind="sessions", upload=upload("sessions", [session_row()]), user=staff_user
    )
    assert outcome.saved, outcome.errors
    session = ReceptionSession.objects.get()
    assert session.station == street.station
    assert timezone.localtime(session.started_at).date() == datetime.date(2019, 3, 5)
    assert set(session.deputies.all()) == {street.wang, street.liu}
    assert session.voters_received == 12
    assert session.mode == ReceptionSession.Mode.CENTRALISED
    assert [i.text for i in session.issues.all()] == ["路灯不亮", "楼道堆物"]
    assert session.issues.first().community == street.community
    assert session.created_by == staff_user


def test_an_activity_is_recorded_with_who_attended_and_who_did_not(street):
    assert ledger_import(
        kind="activities", upload=upload("activities", [activity_row()])
    ).saved
    activity = DutyActivity.objects.get()
    assert activity.kind == DutyActivity.Kind.STUDY
    rows = set(Attendance.objects.values_list("deputy__name", "invited", "attended"))
    assert rows == {("王某东", True, True), ("刘某西", True, False)}


def test_a_closed_item_has_its_timeline_reply_and_rating(street, staff_user):
    outcome = ledger_import(
        kind="suggestions",
        upload=upload("suggestions", [suggestion_row()]),
        user=staff_user,
    )
    assert outcome.saved, outcome.errors
    item = Suggestion.objects.get()
    assert item.status == Suggestion.Status.CLOSED
    assert item.handling_unit == street.unit
    assert item.outcome == "A"
    assert timezone.localtime(item.received_at).date() == datetime.date(2019, 3, 5)
    reply = Reply.objects.get(suggestion=item)
    assert (reply.answered_on, reply.text) == (
        datetime.date(2019, 3, 12),
        "已更换路灯。",
    )
    assert reply.responder == "区示例局"
    assert Rating.objects.get(suggestion=item).score == Rating.Score.SATISFIED
    steps = list(item.timeline.values_list("kind", "to_status"))
    assert steps[0] == (TimelineEntry.Kind.RECEIVED, "received")
    assert (TimelineEntry.Kind.TRANSITION, "closed") in steps
    assert all(entry.at.year == 2019 for entry in item.timeline.all())
    # A past year brought in notifies no one.
    assert not Notification.objects.exists()


def test_not_satisfied_reopens_the_item(street):
    row = suggestion_row(status="已重新办理", rating="不满意", comment="还是不亮")
    assert ledger_import(kind="suggestions", upload=upload("suggestions", [row])).saved
    item = Suggestion.objects.get()
    assert item.status == Suggestion.Status.REOPENED


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("已收到", "received"),
        ("已受理", "accepted"),
        ("办理中", "in_progress"),
        ("已答复", "replied"),
        ("不予受理", "rejected"),
    ],
)
def test_every_status_is_reached_through_the_lifecycle(street, status, expected):
    answered = expected in ("replied", "rejected")
    row = suggestion_row(
        status=status,
        rating="",
        outcome="",
        reply_date="2019-03-12" if answered else "",
        reply="已答复。" if answered else "",
        unit="" if expected in ("received", "rejected") else "区示例局",
        responder="紫阳街道办事处" if expected == "rejected" else "",
    )
    outcome = ledger_import(kind="suggestions", upload=upload("suggestions", [row]))
    assert outcome.saved, outcome.errors
    assert Suggestion.objects.get().status == expected


def test_an_article_sent_to_two_outlets_is_one_article(street):
    rows = [
        article_row(),
        article_row(outlet="紫阳微邻里", accepted="否", accepted_on=""),
    ]
    assert ledger_import(kind="articles", upload=upload("articles", rows)).saved
    article = Article.objects.get()
    assert article.body == "代表进社区"
    assert not article.is_published
    assert set(Submission.objects.values_list("outlet__name", "accepted")) == {
        ("区人大网站", True),
        ("紫阳微邻里", False),
    }


@pytest.mark.parametrize("kind", list(ROWS))
def test_importing_the_same_sheet_again_adds_nothing(street, kind):
    rows = [ROWS[kind]()]
    first = ledger_import(kind=kind, upload=upload(kind, rows))
    again = ledger_import(kind=kind, upload=upload(kind, rows))
    assert (len(first.new), len(first.existing)) == (1, 0)
    assert (len(again.new), len(again.existing)) == (0, 1)
    model = {
        "sessions": ReceptionSession,
        "activities": DutyActivity,
        "suggestions": Suggestion,
        "articles": Submission,
    }[kind]
    assert model.objects.count() == 1


def test_a_row_error_names_the_row_and_the_column_in_chinese(street):
    rows = [session_row(), session_row(date="2019-03-06", voters="十二")]
    outcome = ledger_check(kind="sessions", upload=upload("sessions", rows))
    assert outcome.errors == ["第3行 接待选民人数：“十二”不是整数。"]


@pytest.mark.parametrize(
    ("row", "error"),
    [
        (session_row(date="三月五日"), "第2行 日期："),
        (session_row(station="不存在的站"), "第2行 接待站："),
        (session_row(deputies="王某东、查无此人"), "第2行 到场代表："),
        (session_row(mode="随便"), "第2行 接待方式："),
        (session_row(voters=9999), "第2行 接待选民人数："),
        (session_row(date="2999-01-01"), "第2行 日期："),
        (session_row(date="2010-01-04"), "第2行 接待站：接待站在这一天不在使用中。"),
    ],
)
def test_wrong_session_rows_are_refused(street, row, error):
    street.station.opened_on = datetime.date(2015, 1, 1)
    street.station.save()
    outcome = ledger_check(kind="sessions", upload=upload("sessions", [row]))
    assert outcome.errors and outcome.errors[0].startswith(error), outcome.errors


@pytest.mark.parametrize(
    ("row", "error"),
    [
        (suggestion_row(unit=""), "第2行 承办单位："),
        (suggestion_row(reply=""), "第2行 答复内容："),
        (suggestion_row(reply_date="2019-03-01"), "第2行 答复日期："),
        (suggestion_row(rating="不满意", comment="差"), "第2行 状态："),
        (suggestion_row(status="已受理"), "第2行 答复日期："),
        (suggestion_row(name="陈某"), "第2行 是否同意隐私告知："),
        (suggestion_row(name="陈某", consent="是", phone="12345"), "第2行 居民电话："),
        (suggestion_row(title="题" * 201), "第2行 标题："),
    ],
)
def test_wrong_suggestion_rows_are_refused(street, row, error):
    outcome = ledger_check(kind="suggestions", upload=upload("suggestions", [row]))
    assert outcome.errors and outcome.errors[0].startswith(error), outcome.errors


@pytest.mark.parametrize(
    ("row", "error"),
    [
        (activity_row(kind="symposium", topics=""), "第2行 座谈议题："),
        (activity_row(households_due=3), "第2行 应走访户数："),
        (activity_row(absent="王某东"), "第2行 受邀未到代表："),
        (article_row(accepted_on=""), "第2行 录用日期："),
        (article_row(outlet="不存在的报"), "第2行 投稿媒体："),
    ],
)
def test_wrong_activity_and_article_rows_are_refused(street, row, error):
    kind = "activities" if "kind" in row else "articles"
    outcome = ledger_check(kind=kind, upload=upload(kind, [row]))
    assert outcome.errors and outcome.errors[0].startswith(error), outcome.errors


@pytest.mark.parametrize("kind", list(ROWS))
def test_one_wrong_row_saves_nothing(street, kind):
    good = ROWS[kind]()
    bad = ROWS[kind](date="不是日期", received="不是日期")
    outcome = ledger_import(
        kind=kind, upload=upload(kind, [good, good | {"title": "另一条"}, bad])
    )
    assert outcome.errors and not outcome.saved
    assert not ReceptionSession.objects.exists()
    assert not DutyActivity.objects.exists()
    assert not Suggestion.objects.exists()
    assert not Article.objects.exists()


def test_a_record_refused_while_saving_undoes_the_whole_sheet(street, monkeypatch):
    """The check passes, the workflow refuses the third item: nothing stays."""
    from suggestions.services import replies

    real = replies.suggestion_reply
    calls = []

    def refuse_the_third(**kwargs):
        calls.append(1)
        if len(calls) == 3:
            from django.core.exceptions import ValidationError

            raise ValidationError("refused")
        return real(**kwargs)

    monkeypatch.setattr(replies, "suggestion_reply", refuse_the_third)
    rows = [suggestion_row(title=f"路灯{n}") for n in range(4)]
    outcome = ledger_import(kind="suggestions", upload=upload("suggestions", rows))
    assert not outcome.saved
    assert outcome.errors == ["第4行：refused"]
    assert not Suggestion.objects.exists()
    assert not TimelineEntry.objects.exists()


def test_the_same_record_twice_in_a_sheet_is_an_error(street):
    rows = [session_row(), session_row(voters=3)]
    outcome = ledger_check(kind="sessions", upload=upload("sessions", rows))
    assert outcome.errors == ["第3行：与第2行是同一条记录。"]


def test_a_dry_run_saves_nothing(street):
    outcome = ledger_import(
        kind="sessions", upload=upload("sessions", [session_row()]), dry_run=True
    )
    assert outcome.ok and len(outcome.new) == 1 and not outcome.saved
    assert not ReceptionSession.objects.exists()


def test_a_deputy_named_twice_in_a_cell_attends_once(street):
    row = activity_row(attended="王某东、王某东", absent="")
    assert ledger_import(kind="activities", upload=upload("activities", [row])).saved
    assert Attendance.objects.count() == 1


def test_an_item_is_followed_by_one_deputy(street):
    row = suggestion_row(following="王某东、刘某西")
    outcome = ledger_check(kind="suggestions", upload=upload("suggestions", [row]))
    assert outcome.errors == ["第2行 督办代表：只能填一名代表。"]
