"""Requests that may write run in one transaction; reading ones in none.

core.middleware.AtomicWritesMiddleware stands in for ATOMIC_REQUESTS: these
tests run outside the test's own transaction (transactional_db), so what they
see is what a real request sees.
"""

from unittest import mock

import pytest
from csp.middleware import CSPMiddleware
from django.contrib.auth.models import Group
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

pytestmark = [pytest.mark.urls("tests.portal.atomic_urls")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_a_writing_request_runs_in_one_transaction(client, method):
    response = getattr(client, method)("/state/")
    assert response.json() == {"atomic": True}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("method", ["get", "options"])
def test_a_reading_request_runs_in_none(client, method):
    response = getattr(client, method)("/state/")
    assert response.json() == {"atomic": False}


@pytest.mark.django_db(transaction=True)
def test_a_post_that_fails_half_way_saves_nothing(client):
    client.raise_request_exception = False
    response = client.post("/fail/")
    assert response.status_code == 500
    assert not Group.objects.filter(name="half-saved").exists()


@pytest.mark.django_db(transaction=True)
def test_views_marked_non_atomic_are_left_alone(client):
    assert client.post("/unwrapped/").json() == {"atomic": False}


@pytest.mark.django_db(transaction=True)
def test_a_template_response_renders_inside_the_transaction(client):
    response = client.post("/template/")
    assert response.atomic_when_rendered is True


def test_atomic_requests_is_not_also_set(settings):
    # Both would wrap reading requests again and bring the round trip back.
    assert not settings.DATABASES["default"].get("ATOMIC_REQUESTS")
    assert settings.MIDDLEWARE[-1] == "core.middleware.AtomicWritesMiddleware"


@pytest.mark.django_db(transaction=True)
def test_a_page_that_never_queries_never_touches_the_database(client):
    database = connections["default"]
    with (
        CaptureQueriesContext(connection) as queries,
        mock.patch.object(
            database, "ensure_connection", wraps=database.ensure_connection
        ) as connects,
    ):
        assert client.get("/hello/").content == b"hello"
    assert len(queries) == 0
    # Opening a transaction would connect (and check the connection) first.
    assert connects.call_count == 0


def _django_csp_header(rf, settings):
    """The header django-csp itself builds for a plain response."""
    from django.http import HttpResponse

    return CSPMiddleware(lambda r: HttpResponse()).process_response(
        rf.get("/"), HttpResponse()
    )["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_built_once_csp_header_is_django_csps_own(client, rf, settings):
    header = client.get("/hello/")["Content-Security-Policy"]
    assert header == _django_csp_header(rf, settings)
    assert "default-src 'self'" in header


@pytest.mark.django_db
def test_a_changed_policy_is_built_again(client, settings):
    client.get("/hello/")
    policy = {"DIRECTIVES": {"default-src": ["'none'"]}}
    settings.CONTENT_SECURITY_POLICY = policy
    assert client.get("/hello/")["Content-Security-Policy"] == "default-src 'none'"
