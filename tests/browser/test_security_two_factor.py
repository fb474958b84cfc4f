"""A staff member sets up two-step login from a phone, then passes it."""

import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP

from tests.conftest import PASSWORD

from .conftest import assert_accessible, no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def totp_code(secret: str) -> str:
    key = secret.replace(" ", "")
    key += "=" * (-len(key) % 8)
    totp = TOTP(b32decode(key), step=30, t0=0, digits=6, drift=0)
    totp.time = time.time()
    return f"{totp.token():06d}"


def admin_login(page, username):
    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def test_staff_set_up_two_step_login_on_a_phone_then_reach_the_admin(
    phone_page, staff_user, settings
):
    settings.STAFF_REQUIRE_2FA = True
    admin_login(phone_page, staff_user.username)
    phone_page.wait_for_url("**/accounts/two-factor/setup/**")
    assert phone_page.get_by_role("heading", name="设置两步登录").is_visible()
    assert phone_page.get_by_role("img", name="身份验证器应用二维码").is_visible()
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)

    secret = phone_page.locator("figcaption code").inner_text()
    phone_page.get_by_label("验证码").fill(totp_code(secret))
    phone_page.get_by_role("button", name="确认并继续").click()
    phone_page.wait_for_url("**/admin/")
    assert "/admin/" in phone_page.url


def test_the_verification_step_is_accessible_and_fits_a_phone(phone_page, staff_user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)
    admin_login(phone_page, staff_user.username)
    phone_page.wait_for_url("**/accounts/two-factor/verify/**")
    assert phone_page.get_by_role("heading", name="两步登录").is_visible()
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
    phone_page.get_by_label("验证码").fill("12")
    phone_page.get_by_role("button", name="验证").click()
    assert phone_page.get_by_role("alert").is_visible()
    assert_accessible(phone_page)
