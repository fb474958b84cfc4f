"""The audit trail: logins, logouts, exports and reveals, kept and read-only."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone

from security import audit
from security.models import AuditEvent
from security.tasks import prune_audit
from tests.conftest import PASSWORD

Action = AuditEvent.Action


def test_a_successful_login_is_recorded_with_who_when_and_address(deputy_user):
    before = timezone.now()
    Client().post(
        "/accounts/login/",
        {"username": deputy_user.username, "password": PASSWORD},
        REMOTE_ADDR="10.1.2.3",
    )
    event = AuditEvent.objects.get(action=Action.LOGIN)
    assert event.user == deputy_user and event.username == deputy_user.username
    assert event.ip_address == "10.1.2.3"
    assert event.target == "/accounts/login/"
    assert event.at >= before


def test_a_failed_login_is_recorded_without_the_password(deputy_user):
    Client().post(
        "/admin/login/",
        {"username": deputy_user.username, "password": "wrong-secret-123"},
        REMOTE_ADDR="10.9.9.9",
    )
    event = AuditEvent.objects.get(action=Action.LOGIN_FAILED)
    assert event.user is None and event.username == deputy_user.username
    assert event.ip_address == "10.9.9.9"
    assert not AuditEvent.objects.filter(detail__contains="wrong-secret").exists()


def test_a_logout_is_recorded(deputy_client, deputy_user):
    deputy_client.post("/accounts/logout/")
    assert AuditEvent.objects.filter(action=Action.LOGOUT, user=deputy_user).exists()


def test_a_file_download_by_a_logged_in_user_is_recorded_as_an_export(
    superuser_client, superuser
):
    response = superuser_client.get("/admin/deputies/deputy/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    event = AuditEvent.objects.get(action=Action.EXPORT)
    assert event.user == superuser
    assert event.target == "admin:deputies_deputy_export"


def test_an_ordinary_page_is_not_recorded_as_an_export(superuser_client):
    superuser_client.get("/admin/deputies/deputy/")
    assert not AuditEvent.objects.filter(action=Action.EXPORT).exists()


def test_other_apps_record_reveals_through_the_small_api(staff_user):
    request = RequestFactory().get("/admin/x/", REMOTE_ADDR="10.0.0.7")
    request.user = staff_user
    event = audit.record(
        Action.REVEAL, request=request, target="suggestions.Suggestion:42"
    )
    assert event.username == staff_user.username and event.ip_address == "10.0.0.7"
    assert event.target == "suggestions.Suggestion:42"


def test_events_older_than_the_retention_are_pruned_and_newer_kept(db, settings):
    settings.AUDIT_RETENTION_DAYS = 400
    old = audit.record(Action.LOGIN, username="old")
    recent = audit.record(Action.LOGIN, username="recent")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=401))
    AuditEvent.objects.filter(pk=recent.pk).update(
        at=timezone.now() - timedelta(days=399)
    )
    assert prune_audit.delay().get() == 1
    assert list(AuditEvent.objects.values_list("username", flat=True)) == ["recent"]


def test_pruning_never_keeps_less_than_six_months(db):
    event = audit.record(Action.LOGIN, username="five-months")
    AuditEvent.objects.filter(pk=event.pk).update(
        at=timezone.now() - timedelta(days=150)
    )
    call_command("prune_audit", "--days", "30")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_the_prune_task_is_scheduled_daily(settings):
    entries = [
        e
        for e in settings.CELERY_BEAT_SCHEDULE.values()
        if e["task"] == "security.tasks.prune_audit"
    ]
    assert entries and entries[0]["schedule"] <= 24 * 3600
    assert settings.AUDIT_RETENTION_DAYS >= 183


def test_superusers_read_the_audit_trail_in_the_admin(superuser_client, superuser):
    audit.record(Action.EXPORT, user=superuser, target="deputies.xlsx")
    page = superuser_client.get("/admin/security/auditevent/")
    assert page.status_code == 200
    assert "deputies.xlsx" in page.content.decode()
    event = AuditEvent.objects.get(target="deputies.xlsx")
    change = superuser_client.get(f"/admin/security/auditevent/{event.pk}/change/")
    assert change.status_code == 200
    assert b'name="target"' not in change.content  # shown, not editable


@pytest.mark.parametrize(
    "url",
    [
        "/admin/security/auditevent/add/",
        "/admin/security/auditevent/{pk}/delete/",
    ],
)
def test_nobody_adds_or_deletes_audit_events(superuser_client, superuser, url):
    event = audit.record(Action.LOGIN, user=superuser)
    assert superuser_client.get(url.format(pk=event.pk)).status_code == 403
    response = superuser_client.post(
        f"/admin/security/auditevent/{event.pk}/change/", {"target": "forged"}
    )
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.target != "forged"


def test_staff_read_the_audit_trail_but_cannot_edit_it(staff_client, staff_user):
    event = audit.record(Action.LOGIN, user=staff_user)
    assert staff_client.get("/admin/security/auditevent/").status_code == 200
    change = staff_client.get(f"/admin/security/auditevent/{event.pk}/change/")
    assert change.status_code == 200
    assert b'name="target"' not in change.content  # shown, not editable
    assert staff_client.get("/admin/security/auditevent/add/").status_code == 403
    response = staff_client.post(
        f"/admin/security/auditevent/{event.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_staff_cannot_see_the_admin_change_log_but_superusers_can(
    staff_client, superuser_client, superuser
):
    LogEntry.objects.create(
        user=superuser,
        content_type=ContentType.objects.get_for_model(AuditEvent),
        object_id="1",
        object_repr="示例记录",
        action_flag=ADDITION,
    )
    assert staff_client.get("/admin/admin/logentry/").status_code == 403
    page = superuser_client.get("/admin/admin/logentry/")
    assert page.status_code == 200 and "示例记录" in page.content.decode()


def test_committee_staff_alone_may_read_the_audit_trail(db):
    from django.contrib.auth.models import Group

    from core.roles import DEPUTY_GROUP, STAFF_GROUP

    def codenames(group):
        return set(
            Group.objects.filter(
                name=group, permissions__content_type__app_label="security"
            ).values_list("permissions__codename", flat=True)
        )

    assert codenames(STAFF_GROUP) == {"view_auditevent"}
    assert codenames(DEPUTY_GROUP) == set()
    assert AuditEvent._meta.default_permissions == ("view",)


def test_the_audit_changelist_does_not_grow_in_queries_with_rows(
    superuser_client, superuser
):
    from tests.utils import assert_constant_queries

    def add_rows(n):
        for i in range(n):
            audit.record(Action.EXPORT, user=superuser, target=f"file-{i}.xlsx")

    assert_constant_queries(
        lambda: superuser_client.get("/admin/security/auditevent/"), add_rows
    )


def test_the_change_log_changelist_does_not_grow_in_queries_with_rows(
    superuser_client, superuser
):
    from tests.utils import assert_constant_queries

    content_type = ContentType.objects.get_for_model(AuditEvent)

    def add_rows(n):
        for i in range(n):
            LogEntry.objects.create(
                user=superuser,
                content_type=content_type,
                object_id=str(i),
                object_repr=f"记录{i}",
                action_flag=ADDITION,
            )

    assert_constant_queries(
        lambda: superuser_client.get("/admin/admin/logentry/"), add_rows
    )
