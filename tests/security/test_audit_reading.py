"""Reading the audit trail: staff with the view permission in the admin (not
without it, deputies never); each account its own changes at /my/changes/."""

from django.contrib.auth.models import Permission

from security import audit
from security.models import AuditEvent
from tests.security import audit_samples
from tests.security.audit_samples import (
    CHANGELIST,
    MY_CHANGES,
    edit_data,
)
from tests.utils import assert_constant_queries

Action = AuditEvent.Action
# The sample session and its station, fixtures shared with the other audit tests.
station = audit_samples.station
own_session = audit_samples.own_session


# Reading the trail ---------------------------------------------------------------


def test_staff_with_the_permission_read_the_changelist(staff_client, staff_user):
    audit.record_change(None, staff_user, Action.CHANGE, ["email"], user=staff_user)
    page = staff_client.get(CHANGELIST)
    assert page.status_code == 200
    assert f"auth.user:{staff_user.pk}" in page.content.decode()
    for query in ("action=change", f"user__id__exact={staff_user.pk}"):
        assert staff_client.get(f"{CHANGELIST}?{query}").status_code == 200
    assert staff_client.get(f"{CHANGELIST}?record_type=auth.user").status_code == 200
    assert staff_client.get(f"{CHANGELIST}?q=auth.user").status_code == 200


def test_staff_without_the_permission_are_refused(staff_client, staff_user):
    staff_user.groups.get().permissions.remove(
        Permission.objects.get(codename="view_auditevent")
    )
    assert staff_client.get(CHANGELIST).status_code == 403
    assert b"/admin/security/" not in staff_client.get("/admin/").content


def test_deputies_get_no_admin(deputy_client):
    response = deputy_client.get(CHANGELIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_changelist_does_not_grow_in_queries_with_rows(staff_client, staff_user):
    def add_rows(n):
        for i in range(n):
            audit.record_change(
                None, staff_user, Action.CHANGE, ["email"], user=staff_user, pk=i
            )

    assert_constant_queries(lambda: staff_client.get(CHANGELIST), add_rows)


# /my/changes/ ---------------------------------------------------------------------


def test_a_deputy_sees_their_own_changes_only(
    deputy_client, deputy_user, other_deputy_user, own_session
):
    mine = audit.record_change(
        None, own_session, Action.CHANGE, ["summary"], user=deputy_user
    )
    theirs = audit.record_change(
        None, own_session, Action.DELETE, user=other_deputy_user, pk=987654
    )
    audit.record(Action.LOGIN, user=deputy_user, target="/accounts/login/")
    page = deputy_client.get(MY_CHANGES)
    assert page.status_code == 200
    assert list(page.context["page"].object_list) == [mine]
    body = page.content.decode()
    assert f"#{own_session.pk}" in body and "#987654" not in body
    assert theirs.pk not in [e.pk for e in page.context["page"].object_list]


def test_my_changes_are_newest_first_and_paginated(deputy_client, deputy_user):
    for i in range(30):
        audit.record_change(None, deputy_user, Action.CHANGE, user=deputy_user, pk=i)
    first = deputy_client.get(MY_CHANGES).context["page"]
    assert [e.record_pk for e in first.object_list][:2] == ["29", "28"]
    assert first.paginator.num_pages == 2
    assert len(deputy_client.get(f"{MY_CHANGES}?page=2").context["page"]) == 5


def test_my_changes_are_linked_from_the_workspace(deputy_client, zhang):
    assert MY_CHANGES in deputy_client.get("/my/").content.decode()


def test_my_changes_need_a_login_and_show_staff_their_own(client, staff_client):
    response = client.get(MY_CHANGES)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert staff_client.get(MY_CHANGES).status_code == 200


def test_a_workspace_edit_shows_on_my_changes(deputy_client, own_session):
    deputy_client.post(
        f"/my/sessions/{own_session.pk}/edit/", edit_data(own_session, summary="新")
    )
    page = deputy_client.get(MY_CHANGES)
    assert [e.record_pk for e in page.context["page"].object_list] == [
        str(own_session.pk)
    ]
