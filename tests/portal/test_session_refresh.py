"""The 30-minute idle timeout is renewed at most once a minute, not on every page."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from core.middleware import REFRESHED_AT_KEY

pytestmark = pytest.mark.django_db


def expiry(client) -> datetime.datetime:
    return Session.objects.get(session_key=client.session.session_key).expire_date


def age_session(client, seconds: int) -> None:
    """Move the session's last renewal and its expiry `seconds` into the past."""
    session = client.session
    session[REFRESHED_AT_KEY] = session.get(REFRESHED_AT_KEY, 0) - seconds
    session.save()
    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() + datetime.timedelta(seconds=30 * 60 - seconds)
    )


def test_pages_within_a_minute_write_no_session(deputy_client):
    deputy_client.get("/my/")
    age_session(deputy_client, 30)
    before = expiry(deputy_client)
    deputy_client.get("/my/")
    deputy_client.get("/my/")
    assert expiry(deputy_client) == before


def test_a_page_after_a_minute_renews_the_idle_timeout(deputy_client):
    deputy_client.get("/my/")
    age_session(deputy_client, 61)
    before = expiry(deputy_client)
    deputy_client.get("/my/")
    after = expiry(deputy_client)
    assert after > before
    assert after > timezone.now() + datetime.timedelta(minutes=29)


def test_the_renewed_cookie_lasts_30_minutes(deputy_client):
    deputy_client.get("/my/")
    age_session(deputy_client, 61)
    response = deputy_client.get("/my/")
    assert response.cookies["sessionid"]["max-age"] == 30 * 60


def test_a_session_idle_for_30_minutes_is_logged_out(deputy_client):
    deputy_client.get("/my/")
    age_session(deputy_client, 30 * 60 + 1)
    response = deputy_client.get("/my/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_anonymous_visitors_get_no_session(client):
    client.get("/")
    client.get("/stations/")
    assert "sessionid" not in client.cookies
    assert Session.objects.count() == 0


def test_a_stale_session_cookie_starts_no_session(db):
    client = Client()
    client.cookies["sessionid"] = "x" * 32
    response = client.get("/")
    assert response.status_code == 200
    assert Session.objects.count() == 0
