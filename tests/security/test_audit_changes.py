"""Every record created, changed or deleted in the deputy workspace or the admin
leaves an audit event: who, when, which record (type and pk), which fields
changed (names only, never values)."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType

from deputies.models import DutyActivity
from reception.models import ReceptionSession
from security.models import AuditEvent
from suggestions.models import HandlingUnit
from tests.deputies.factories import AttendanceFactory, DutyActivityFactory
from tests.security import audit_samples
from tests.security.audit_samples import (
    ISSUE,
    PHONE,
    REFLECTION,
    SUMMARY,
    assert_no_values,
    changes,
    edit_data,
    new_session_data,
)

Action = AuditEvent.Action
# The sample session and its station, fixtures shared with the other audit tests.
station = audit_samples.station
own_session = audit_samples.own_session


# The deputy workspace ----------------------------------------------------------


def test_logging_a_session_leaves_one_event_for_it_and_one_per_issue(
    deputy_client, deputy_user, station
):
    response = deputy_client.post("/my/sessions/new/", new_session_data(station, ISSUE))
    assert response.status_code == 302
    session = ReceptionSession.objects.get()
    [event] = changes(record_type="reception.receptionsession")
    assert event.action == Action.CREATE
    assert event.user == deputy_user and event.username == deputy_user.username
    assert event.target == f"reception.receptionsession:{session.pk}"
    assert event.record_pk == str(session.pk)
    assert event.ip_address == "127.0.0.1"
    assert {"station", "started_at", "voters_received", "summary"} <= set(
        event.changed_fields
    )
    assert "photos" not in event.changed_fields  # none were uploaded
    [line] = changes(record_type="reception.sessionissue")
    assert line.action == Action.CREATE
    assert line.record_pk == str(session.issues.get().pk)
    assert line.changed_fields == ["text"]
    assert_no_values(SUMMARY, ISSUE, PHONE, "王某某")


def test_editing_a_session_names_only_the_fields_changed(
    deputy_client, deputy_user, own_session
):
    data = edit_data(own_session, summary=SUMMARY)
    response = deputy_client.post(f"/my/sessions/{own_session.pk}/edit/", data)
    assert response.status_code == 302
    [event] = changes()
    assert event.action == Action.CHANGE and event.user == deputy_user
    assert event.record_type == "reception.receptionsession"
    assert event.record_pk == str(own_session.pk)
    assert event.changed_fields == ["summary"]
    assert_no_values(SUMMARY, PHONE, "原概况")


def test_saving_a_session_unchanged_records_nothing(deputy_client, own_session):
    response = deputy_client.post(
        f"/my/sessions/{own_session.pk}/edit/", edit_data(own_session)
    )
    assert response.status_code == 302
    assert changes() == []


def test_issue_lines_changed_added_and_deleted_each_leave_their_event(
    deputy_client, own_session
):
    old = own_session.issues.get()
    data = edit_data(own_session, **{"issues-0-DELETE": "on"})
    data.update({"issues-TOTAL_FORMS": "2", "issues-1-text": ISSUE})
    response = deputy_client.post(f"/my/sessions/{own_session.pk}/edit/", data)
    assert response.status_code == 302
    new = own_session.issues.get()
    events = {(e.action, e.record_pk) for e in changes()}
    assert events == {(Action.DELETE, str(old.pk)), (Action.CREATE, str(new.pk))}
    assert {e.record_type for e in changes()} == {"reception.sessionissue"}
    assert_no_values(ISSUE, "原有问题")


def test_deleting_a_session_leaves_one_event_with_its_pk(
    deputy_client, deputy_user, own_session
):
    pk = own_session.pk
    response = deputy_client.post(f"/my/sessions/{pk}/delete/")
    assert response.status_code == 302
    assert not ReceptionSession.objects.filter(pk=pk).exists()
    [event] = changes()
    assert (event.action, event.user, event.target) == (
        Action.DELETE,
        deputy_user,
        f"reception.receptionsession:{pk}",
    )


@pytest.fixture
def attended(zhang):
    training = DutyActivityFactory(kind=DutyActivity.Kind.TRAINING, title="示例培训")
    return AttendanceFactory(activity=training, deputy=zhang, attended=True)


def test_writing_then_editing_a_reflection_each_leave_one_event(
    deputy_client, deputy_user, attended
):
    url = f"/my/reflections/{attended.pk}/"
    assert deputy_client.post(url, {"reflection": REFLECTION}).status_code == 302
    [written] = changes()
    assert (written.action, written.user) == (Action.CHANGE, deputy_user)
    assert written.target == f"deputies.attendance:{attended.pk}"
    assert written.record_type == "deputies.attendance"
    assert written.changed_fields == ["reflection"]
    assert deputy_client.post(url, {"reflection": REFLECTION + "补充。"}).status_code
    assert len(changes()) == 2 and changes()[1].changed_fields == ["reflection"]
    # The same text sent again changes nothing, and records nothing.
    deputy_client.post(url, {"reflection": REFLECTION + "补充。"})
    assert len(changes()) == 2
    assert_no_values(REFLECTION)


def test_co_deputies_count_as_changed_only_when_they_change(
    deputy_client, own_session, station
):
    from tests.factories import DeputyFactory

    colleague = DeputyFactory(name="王示例")
    station.deputies.add(colleague)
    own_session.deputies.add(colleague)
    url = f"/my/sessions/{own_session.pk}/edit/"
    same = edit_data(own_session, co_deputies=[colleague.pk])
    assert deputy_client.post(url, same).status_code == 302
    assert changes() == []
    assert deputy_client.post(url, edit_data(own_session)).status_code == 302
    [event] = changes()
    assert event.changed_fields == ["co_deputies"]


def test_a_follow_up_note_and_a_suggestion_from_an_issue_are_recorded(
    deputy_client, deputy_user, zhang, own_session
):
    from suggestions.models import Suggestion
    from tests.suggestions.factories import SuggestionFactory

    suggestion = SuggestionFactory(following_deputy=zhang)
    note = f"已电话联系居民，{PHONE}。"
    response = deputy_client.post(
        f"/my/suggestions/{suggestion.pk}/", {"note": note, "public": ""}
    )
    assert response.status_code == 302
    [entry] = changes()
    assert (entry.action, entry.user) == (Action.CREATE, deputy_user)
    assert entry.record_type == "suggestions.timelineentry"
    assert entry.changed_fields == ["note"]
    issue = own_session.issues.get()
    url = f"/my/sessions/{own_session.pk}/issues/{issue.uid}/suggest/"
    response = deputy_client.post(url, {"title": "路灯不亮", "text": ISSUE})
    assert response.status_code == 302
    made = Suggestion.objects.get(session_issue_uid=issue.uid)
    assert changes()[-1].target == f"suggestions.suggestion:{made.pk}"
    assert_no_values(PHONE, ISSUE, suggestion.submitter_name)


# The admin -----------------------------------------------------------------------


def test_an_admin_add_change_and_delete_each_leave_one_event(staff_client, staff_user):
    add = staff_client.post(
        "/admin/suggestions/handlingunit/add/",
        {"name": "示例承办单位", "email": "office@example.org", "active": "on"},
    )
    assert add.status_code == 302, add.content
    unit = HandlingUnit.objects.get()
    [created] = changes()
    assert (created.action, created.user) == (Action.CREATE, staff_user)
    assert created.target == f"suggestions.handlingunit:{unit.pk}"
    assert created.record_type == "suggestions.handlingunit"
    change = staff_client.post(
        f"/admin/suggestions/handlingunit/{unit.pk}/change/",
        {"name": "示例承办单位", "email": "desk@example.org", "active": "on"},
    )
    assert change.status_code == 302
    changed = changes()[1]
    assert changed.action == Action.CHANGE and changed.changed_fields == ["email"]
    delete = staff_client.post(
        f"/admin/suggestions/handlingunit/{unit.pk}/delete/", {"post": "yes"}
    )
    assert delete.status_code == 302
    deleted = changes()[2]
    assert deleted.action == Action.DELETE and deleted.record_pk == str(unit.pk)
    assert len(changes()) == 3
    # The record's text (its name, LogEntry.object_repr) is never copied.
    assert_no_values("示例承办单位", "office@example.org", "desk@example.org")


def test_a_bulk_delete_in_the_admin_leaves_one_event_per_record(
    staff_client, staff_user
):
    units = [HandlingUnit.objects.create(name=f"示例单位{i}") for i in range(3)]
    response = staff_client.post(
        "/admin/suggestions/handlingunit/",
        {
            "action": "delete_selected",
            "post": "yes",
            "_selected_action": [u.pk for u in units],
        },
    )
    assert response.status_code == 302
    assert not HandlingUnit.objects.exists()
    events = changes()
    assert sorted(e.record_pk for e in events) == sorted(str(u.pk) for u in units)
    assert {(e.action, e.user_id) for e in events} == {(Action.DELETE, staff_user.pk)}


def test_inline_lines_are_named_by_their_model_in_a_mirrored_change(superuser):
    entry = LogEntry.objects.create(
        user=superuser,
        content_type=ContentType.objects.get_for_model(ReceptionSession),
        object_id="7",
        object_repr=SUMMARY,
        action_flag=CHANGE,
        change_message=(
            '[{"changed": {"fields": ["Summary", "Voters received"]}},'
            ' {"added": {"name": "issue raised", "object": "' + ISSUE + '"}},'
            ' {"changed": {"name": "issue raised", "object": "x",'
            ' "fields": ["Category"]}}]'
        ),
    )
    [event] = changes()
    assert event.target == f"reception.receptionsession:{entry.object_id}"
    assert event.changed_fields == [
        "summary",
        "voters_received",
        "sessionissue (added)",
        "sessionissue.category",
    ]
    assert_no_values(SUMMARY, ISSUE)
