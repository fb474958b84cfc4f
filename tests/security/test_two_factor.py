"""Optional TOTP second factor for staff, required when the settings say so."""

import time

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from security.models import AuditEvent
from tests.conftest import PASSWORD

SETUP = "/accounts/two-factor/setup/"
VERIFY = "/accounts/two-factor/verify/"


def code_for(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset * device.step
    return f"{totp.token():06d}"


def wrong_code(device):
    right = {code_for(device, n) for n in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in right)


def admin_login(username):
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302, "password login failed"
    return client


@pytest.fixture
def staff_device(staff_user):
    return TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)


def test_staff_without_a_device_reach_the_admin_when_2fa_is_optional(
    staff_user, settings
):
    settings.STAFF_REQUIRE_2FA = False
    client = admin_login(staff_user.username)
    assert client.get("/admin/").status_code == 200


def test_staff_without_a_device_are_sent_to_enrolment_when_2fa_is_required(
    staff_user, settings
):
    settings.STAFF_REQUIRE_2FA = True
    client = admin_login(staff_user.username)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    # Every other page too, not only the admin index.
    response = client.get("/admin/deputies/deputy/")
    assert response["Location"].startswith(SETUP)


def test_production_settings_require_2fa_and_local_settings_do_not():
    from tests.portal.test_settings import SECRET, setting

    production = {"SECRET_KEY": SECRET, "ALLOWED_HOSTS": "portal.example"}
    assert (
        setting("ziyang_portal.settings.production", production, "s.STAFF_REQUIRE_2FA")
        == "True"
    )
    assert setting("ziyang_portal.settings.local", {}, "s.STAFF_REQUIRE_2FA") == "False"
    # The environment may still turn it off, e.g. while the first staff enrol.
    production["STAFF_REQUIRE_2FA"] = "false"
    assert (
        setting("ziyang_portal.settings.production", production, "s.STAFF_REQUIRE_2FA")
        == "False"
    )


def test_enrolment_shows_a_qr_code_and_the_key_and_confirms_with_a_code(
    staff_user, settings
):
    settings.STAFF_REQUIRE_2FA = True
    client = admin_login(staff_user.username)
    page = client.get(SETUP + "?next=/admin/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "设置两步登录" in html
    device = TOTPDevice.objects.get(user=staff_user, confirmed=False)
    assert page.context["secret"].replace(" ", "")  # typed-in key is shown
    response = client.post(SETUP, {"token": code_for(device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200
    assert AuditEvent.objects.filter(
        user=staff_user, action=AuditEvent.Action.TWO_FACTOR_ENROLLED
    ).exists()


def test_a_wrong_code_at_enrolment_is_refused_with_400_and_confirms_nothing(
    staff_user, settings
):
    settings.STAFF_REQUIRE_2FA = True
    client = admin_login(staff_user.username)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=staff_user)
    for bad in (wrong_code(device), "abc", ""):
        response = client.post(SETUP, {"token": bad})
        assert response.status_code == 400
        assert "is-invalid" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302


def test_staff_with_a_device_must_enter_a_code_after_the_password(
    staff_device, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no wait after the wrong code below
    client = admin_login(staff_device.user.username)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    response = client.post(
        VERIFY, {"token": wrong_code(staff_device), "next": "/admin/"}
    )
    assert response.status_code == 400
    assert "验证码不正确" in response.content.decode()
    assert client.get("/admin/").status_code == 302
    response = client.post(VERIFY, {"token": code_for(staff_device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    actions = set(
        AuditEvent.objects.filter(user=staff_device.user).values_list(
            "action", flat=True
        )
    )
    assert {"2fa_failed", "2fa_verified"} <= actions


def test_the_deputy_login_page_does_not_bypass_the_second_factor(staff_device):
    client = Client()
    client.post(
        "/accounts/login/",
        {"username": staff_device.user.username, "password": PASSWORD},
    )
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)


def test_verification_refuses_an_unsafe_next_address(staff_device):
    client = admin_login(staff_device.user.username)
    response = client.post(
        VERIFY, {"token": code_for(staff_device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_repeated_wrong_codes_are_throttled(staff_device):
    client = admin_login(staff_device.user.username)
    for _ in range(3):
        client.post(VERIFY, {"token": wrong_code(staff_device)})
    # Even the right code waits once the device has seen several failures.
    response = client.post(VERIFY, {"token": code_for(staff_device)})
    assert response.status_code == 400
    assert "错误次数过多" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_enrolment_and_verification_are_for_staff_only(deputy_client, client):
    assert deputy_client.get(SETUP).status_code == 403
    assert deputy_client.get(VERIFY).status_code == 403
    response = client.get(SETUP)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_deputies_are_never_asked_for_a_second_factor(deputy_client, zhang, settings):
    settings.STAFF_REQUIRE_2FA = True
    assert deputy_client.get("/my/").status_code == 200


def test_staff_can_log_out_without_passing_the_second_factor(staff_device):
    client = admin_login(staff_device.user.username)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_device_added_later_is_asked_for_at_the_next_login(staff_user, settings):
    client = admin_login(staff_user.username)
    assert client.get("/admin/").status_code == 200
    device = TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)
    client.post("/admin/logout/")
    client = admin_login(staff_user.username)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert device.user == staff_user
