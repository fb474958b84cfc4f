from django.contrib.auth.models import Group
from django.core.management import call_command

from core.roles import DEPUTY_GROUP, SENSITIVE_CODENAMES, STAFF_GROUP


def test_migrate_creates_both_groups(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        STAFF_GROUP,
        DEPUTY_GROUP,
    }


def test_staff_may_keep_the_registers_but_not_reveal_personal_data(db):
    staff = Group.objects.get(name=STAFF_GROUP)
    codenames = set(staff.permissions.values_list("codename", flat=True))
    assert {"add_deputy", "change_deputy", "view_deputy"} <= codenames
    assert not codenames & SENSITIVE_CODENAMES
    assert not staff.permissions.filter(content_type__app_label="auth").exists()


def test_deputies_get_no_back_office_permission(db):
    deputy = Group.objects.get(name=DEPUTY_GROUP)
    assert not deputy.permissions.filter(codename__startswith="delete_").exists()
    assert not deputy.permissions.filter(codename__startswith="change_").exists()


def test_sync_roles_is_idempotent_and_repairs_a_hand_edited_group(db):
    staff = Group.objects.get(name=STAFF_GROUP)
    before = set(staff.permissions.all())
    staff.permissions.clear()
    call_command("sync_roles")
    call_command("sync_roles")
    assert set(staff.permissions.all()) == before
    assert Group.objects.filter(name=STAFF_GROUP).count() == 1
