import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from core.roles import DEPUTY_GROUP, STAFF_GROUP


def test_load_demo_creates_the_demo_logins_and_prints_them(db, capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    User = get_user_model()
    staff = User.objects.get(username="staff")
    deputy = User.objects.get(username="deputy")
    assert staff.is_staff and staff.groups.filter(name=STAFF_GROUP).exists()
    assert not deputy.is_staff and deputy.groups.filter(name=DEPUTY_GROUP).exists()
    assert User.objects.get(username="admin").is_superuser
    assert staff.check_password("ziyang-staff-2018")
    assert "staff / ziyang-staff-2018" in out


def test_load_demo_is_idempotent(db):
    call_command("load_demo")
    counts = _row_counts()
    call_command("load_demo")
    assert _row_counts() == counts


def test_load_demo_is_refused_by_production_settings(db, settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("load_demo")
    assert not get_user_model().objects.filter(username="staff").exists()


def _row_counts():
    from django.apps import apps

    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {
            "auth",
            "deputies",
            "reception",
            "suggestions",
            "publicity",
            "report",
        }
    }
