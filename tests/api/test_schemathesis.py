"""schemathesis against the live OpenAPI schema, in process through WSGI.

Bounded: a few examples per operation, no shrinking, no example database, so
that it runs in both CI passes (SQLite and PostgreSQL) in seconds.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from api.models import ApiToken
from tests.factories import DeputyFactory
from tests.publicity.factories import ArticleFactory
from tests.reception.factories import StationFactory
from tests.suggestions.factories import SuggestionFactory

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

SETTINGS = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def keep_connection():
    """Keep the test's database connection across raw WSGI requests.

    Django closes connections at the end of each request; inside the test's
    transaction (PostgreSQL) that would drop it. The test client disconnects
    the same receiver for the same reason.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def records(db, keep_connection):
    """A row behind every endpoint, and a token for the channel."""
    StationFactory()
    DeputyFactory()
    ArticleFactory()
    SuggestionFactory()
    token = ApiToken(name="schemathesis")
    secret = token.set_new_secret()
    token.save()
    return secret


def test_the_api_matches_its_schema_and_never_fails(records):
    # Loaded inside the test: requests are atomic, so even the schema view
    # needs the test database. Operations are driven by Hypothesis directly.
    schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    headers = {"Authorization": f"Token {records}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8

    for operation in operations:

        @SETTINGS
        @given(case=operation.as_strategy())
        def check(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        check()
