import pytest
from django.core.exceptions import ValidationError

from suggestions.models import Notification, Reply, Suggestion, TimelineEntry
from suggestions.services import (
    escalations,
    following,
    intake,
    lifecycle,
    notifications,
    replies,
)
from tests.suggestions.factories import (
    HandlingUnitFactory,
    SuggestionFactory,
    a_day,
    accepted,
    replied,
    unsaved_suggestion,
)

pytestmark = pytest.mark.django_db
Status = Suggestion.Status


def test_a_new_suggestion_is_received_with_a_timeline_entry(staff_user):
    s = intake.suggestion_create(suggestion=unsaved_suggestion())
    assert s.status == Status.RECEIVED
    entry = s.timeline.get()
    assert entry.kind == TimelineEntry.Kind.RECEIVED and entry.public


def test_a_new_suggestion_notifies_staff(staff_user):
    s = intake.suggestion_create(suggestion=unsaved_suggestion())
    assert Notification.objects.filter(
        suggestion=s, recipient=staff_user, kind=Notification.Kind.NEW
    ).exists()


def test_accepting_sets_unit_and_due_date_from_kind_and_source(suggestion, staff_user):
    unit = HandlingUnitFactory()
    accepted(suggestion, staff_user, handling_unit=unit)
    suggestion.refresh_from_db()
    assert suggestion.status == Status.ACCEPTED
    assert suggestion.handling_unit == unit
    assert suggestion.due_date == a_day(15)


def test_due_days_are_configurable(suggestion, settings):
    settings.SUGGESTIONS_DUE_DAYS = {Suggestion.Kind.RESIDENT: 3}
    accepted(suggestion)
    assert suggestion.due_date == a_day(3)


def test_the_full_lifecycle_leaves_one_entry_per_step(suggestion, staff_user):
    accepted(suggestion, staff_user)
    lifecycle.suggestion_start(suggestion=suggestion, actor=staff_user)
    replied(suggestion, staff_user, outcome="A")
    lifecycle.suggestion_close(suggestion=suggestion, actor=staff_user)
    statuses = list(
        suggestion.timeline.exclude(to_status="").values_list("to_status", flat=True)
    )
    assert statuses == ["received", "accepted", "in_progress", "replied", "closed"]
    assert all(e.actor == staff_user for e in suggestion.timeline.all()[1:])
    assert suggestion.outcome == "A" and suggestion.finished_at is not None


@pytest.mark.parametrize(
    "call",
    [
        lambda s: lifecycle.suggestion_start(suggestion=s, actor=None),
        lambda s: lifecycle.suggestion_close(suggestion=s, actor=None),
        lambda s: lifecycle.suggestion_reopen(suggestion=s, actor=None, note="x"),
    ],
)
def test_illegal_transitions_from_received_are_refused(suggestion, call):
    with pytest.raises(ValidationError):
        call(suggestion)
    suggestion.refresh_from_db()
    assert suggestion.status == Status.RECEIVED
    assert suggestion.timeline.count() == 1


def test_the_model_refuses_a_status_written_directly(suggestion):
    suggestion.status = Status.CLOSED
    with pytest.raises(ValidationError):
        suggestion.save()


def test_a_new_suggestion_cannot_start_in_another_status():
    with pytest.raises(ValidationError):
        unsaved_suggestion(status=Status.REPLIED).save()
    assert not Suggestion.objects.exists()


def test_nothing_is_closed_without_a_reply(suggestion):
    accepted(suggestion)
    suggestion.status = Status.REPLIED
    with pytest.raises(ValidationError):
        suggestion.save()  # allowed step, but no reply on record
    suggestion.refresh_from_db()
    assert suggestion.status == Status.ACCEPTED


def test_a_reply_needs_who_when_how_and_what(suggestion):
    accepted(suggestion)
    with pytest.raises(ValidationError):
        replies.suggestion_reply(
            suggestion=suggestion,
            actor=None,
            responder="",
            answered_on=a_day(),
            channel="phone",
            text="",
        )
    assert not Reply.objects.exists()
    suggestion.refresh_from_db()
    assert suggestion.status == Status.ACCEPTED


def test_rejecting_records_the_reason_as_a_reply(suggestion, staff_user):
    replies.suggestion_reject(
        suggestion=suggestion,
        actor=staff_user,
        responder="街道办",
        answered_on=a_day(),
        channel="phone",
        text="不属于街道职责,已告知向区房管局反映。",
    )
    assert suggestion.status == Status.REJECTED
    assert suggestion.replies.count() == 1


def test_a_replied_item_can_be_reopened_and_answered_again(suggestion, staff_user):
    replied(suggestion, staff_user)
    lifecycle.suggestion_reopen(suggestion=suggestion, actor=staff_user, note="再查")
    assert suggestion.status == Status.REOPENED
    replied(suggestion, staff_user)
    assert suggestion.status == Status.REPLIED
    assert suggestion.replies.count() == 2


def test_follow_up_notes_are_timeline_entries(suggestion, deputy_user):
    following.suggestion_follow_up(
        suggestion=suggestion, actor=deputy_user, note="已电话催办"
    )
    assert suggestion.timeline.filter(kind=TimelineEntry.Kind.FOLLOW_UP).count() == 1
    assert Suggestion.objects.followed_up().get() == suggestion


def test_an_empty_follow_up_note_is_refused(suggestion):
    with pytest.raises(ValidationError):
        following.suggestion_follow_up(suggestion=suggestion, actor=None, note="  ")


def test_assignment_notifies_the_following_deputy(suggestion, zhang):
    following.suggestion_assign(
        suggestion=suggestion, actor=None, following_deputy=zhang
    )
    assert Notification.objects.filter(
        recipient=zhang.user, kind=Notification.Kind.ASSIGNED
    ).exists()
    assert suggestion.timeline.filter(kind=TimelineEntry.Kind.ASSIGNMENT).exists()


def test_overdue_items_are_found_and_notified_once_a_day(suggestion, staff_user):
    accepted(suggestion, due_date=a_day(-1))
    other = SuggestionFactory()
    accepted(other, due_date=a_day(5))
    assert list(Suggestion.objects.overdue()) == [suggestion]
    assert notifications.notify_overdue() == 1
    assert notifications.notify_overdue() == 0
    assert Notification.objects.filter(kind=Notification.Kind.OVERDUE).count() == 1


def test_escalation_follow_ups_appear_on_the_timeline(suggestion, staff_user):
    from tests.factories import DeputyFactory

    city = DeputyFactory(level="city")
    escalation = escalations.escalation_create(
        suggestion=suggestion,
        actor=staff_user,
        city_deputy=city,
        escalated_on=a_day(),
        request="请协调修复道路",
    )
    escalations.escalation_follow_up(
        escalation=escalation,
        actor=staff_user,
        on=a_day(),
        text="石墩已拆除",
        status="partly",
    )
    escalation.refresh_from_db()
    assert escalation.status == "partly"
    assert suggestion.timeline.filter(note="石墩已拆除").exists()
    assert Notification.objects.filter(kind=Notification.Kind.ESCALATION).exists()
