"""Login throttling, session limits and the rotation of the session key."""

import time

import pytest
from django.test import Client

from core.middleware import LOGIN_TIME_KEY
from tests.conftest import PASSWORD


def attempt(client, username, password, ip="10.0.0.1", url="/accounts/login/"):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_five_failures_lock_the_account_even_with_the_right_password(deputy_user):
    client = Client()
    for _ in range(4):
        assert attempt(client, deputy_user.username, "wrong").status_code == 200
    assert attempt(client, deputy_user.username, "wrong").status_code == 429
    response = attempt(client, deputy_user.username, PASSWORD)
    assert response.status_code == 429
    assert "登录已暂时锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_account_stays_locked_from_another_address(deputy_user):
    for _ in range(5):
        attempt(Client(), deputy_user.username, "wrong", ip="10.0.0.1")
    response = attempt(Client(), deputy_user.username, PASSWORD, ip="10.0.0.2")
    assert response.status_code == 429


def test_five_failures_from_one_address_lock_that_address(deputy_user, db):
    for n in range(5):
        attempt(Client(), f"nobody-{n}", "wrong", ip="10.0.0.9")
    assert (
        attempt(Client(), deputy_user.username, PASSWORD, ip="10.0.0.9").status_code
        == 429
    )
    assert (
        attempt(Client(), deputy_user.username, PASSWORD, ip="10.0.0.3").status_code
        == 302
    )


def test_the_admin_login_is_throttled_too(staff_user):
    for _ in range(5):
        attempt(Client(), staff_user.username, "wrong", url="/admin/login/")
    response = attempt(Client(), staff_user.username, PASSWORD, url="/admin/login/")
    assert response.status_code == 429


def test_fewer_than_five_failures_do_not_lock(deputy_user):
    client = Client()
    for _ in range(4):
        attempt(client, deputy_user.username, "wrong")
    assert attempt(client, deputy_user.username, PASSWORD).status_code == 302


def test_staff_unlock_an_account_in_the_admin(deputy_user, staff_client):
    from axes.models import AccessAttempt

    for _ in range(5):
        attempt(Client(), deputy_user.username, "wrong")
    locked = AccessAttempt.objects.get(username=deputy_user.username)
    assert staff_client.get("/admin/axes/accessattempt/").status_code == 200
    response = staff_client.post(
        f"/admin/axes/accessattempt/{locked.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert (
        attempt(Client(), deputy_user.username, PASSWORD, ip="10.0.0.5").status_code
        == 302
    )


def test_deputies_cannot_unlock_accounts(deputy_client):
    assert deputy_client.get("/admin/axes/accessattempt/").status_code == 302


def test_login_rotates_the_session_key(deputy_user):
    client = Client()
    client.get("/accounts/login/")
    client.session.save()
    before = client.session.session_key
    attempt(client, deputy_user.username, PASSWORD)
    assert client.session.session_key != before


def test_the_session_ends_after_30_idle_minutes(settings):
    # Renewed by IdleSessionRefreshMiddleware (tests/portal/test_session_refresh.py).
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_REFRESH_SECONDS <= 60


def test_a_login_older_than_the_absolute_limit_is_ended(deputy_client, settings):
    session = deputy_client.session
    session[LOGIN_TIME_KEY] = int(time.time()) - settings.SESSION_ABSOLUTE_AGE - 1
    session.save()
    response = deputy_client.get("/my/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert "_auth_user_id" not in deputy_client.session


def test_a_recent_login_is_kept(deputy_client):
    assert deputy_client.get("/my/").status_code == 200


@pytest.mark.parametrize("password", ["short-pw", "password1234", "123456789012345"])
def test_weak_passwords_are_refused(password, deputy_user):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password(password, deputy_user)
