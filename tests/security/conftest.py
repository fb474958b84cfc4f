"""Fixtures of the security tests: the demo year seen by every persona."""

import pytest


@pytest.fixture
def world(db, settings):
    settings.STAFF_REQUIRE_2FA = False
    from tests.security.access_world import World

    return World()
