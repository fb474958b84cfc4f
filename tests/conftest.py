"""Personas and shared fixtures.

The personas are the people of the design card: an anonymous resident, a deputy
(Zhang), another deputy (Li), a committee staff member and a superuser.
"""

import io
import os

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation

from core.roles import DEPUTY_GROUP, STAFF_GROUP

# Playwright's sync API runs an event loop in the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct-horse-battery-staple"


def services_required() -> bool:
    """In CI's service pass a skipped service test is a failure, not a skip."""
    return os.environ.get("ZIYANG_REQUIRE_SERVICES") == "1"


def skip_or_fail(reason: str):
    if services_required():
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


def pytest_addoption(parser):
    parser.addoption(
        "--services-tests",
        choices=("all", "none", "only"),
        default="all",
        help="run every test (default), none or only of those marked `services`. "
        "scripts/test.sh runs the others in parallel, then these in one process.",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """A test that uses the real worker is a `services` test, marked or not.

    The worker started outside the run works on one database (test_<name>), the
    one a run without pytest-xdist creates; so these tests never run in parallel.
    """
    for item in items:
        if "celery_worker_app" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.services)
    which = config.getoption("services_tests")
    if which == "all":
        return
    keep, drop = [], []
    for item in items:
        is_services = item.get_closest_marker("services") is not None
        (keep if is_services == (which == "only") else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def _flushes_the_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying every table, rows of data migrations
    included (the eight-haves items). Put those back, as a new database has them,
    so that the tests after it in the same process see what a deployment sees."""
    result = yield
    # After the last test the test databases are gone (session teardown).
    if nextitem is not None and _flushes_the_database(item):
        from pytest_django.plugin import blocking_manager_key

        from reception.models import StandardItem

        with item.config.stash[blocking_manager_key].unblock():
            StandardItem.objects.ensure_defaults()
    return result


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the portal's language (zh-hans), in whatever order the
    tests run: a request in English leaves English active in its thread."""
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def make_user(django_user_model, username, *, group=None, **extra):
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def staff_user(db, django_user_model):
    return make_user(django_user_model, "staff-wang", group=STAFF_GROUP, is_staff=True)


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="root-admin", password=PASSWORD
    )


@pytest.fixture
def deputy_user(db, django_user_model):
    return make_user(django_user_model, "deputy-zhang", group=DEPUTY_GROUP)


@pytest.fixture
def other_deputy_user(db, django_user_model):
    return make_user(django_user_model, "deputy-li", group=DEPUTY_GROUP)


@pytest.fixture
def resident_user(db, django_user_model):
    """A logged-in account with no role at all."""
    return make_user(django_user_model, "resident-chen")


def _client_for(client_class, user):
    c = client_class()
    c.force_login(user)
    return c


@pytest.fixture
def staff_client(staff_user):
    from django.test import Client

    return _client_for(Client, staff_user)


@pytest.fixture
def superuser_client(superuser):
    from django.test import Client

    return _client_for(Client, superuser)


@pytest.fixture
def deputy_client(deputy_user):
    from django.test import Client

    return _client_for(Client, deputy_user)


@pytest.fixture
def other_deputy_client(other_deputy_user):
    from django.test import Client

    return _client_for(Client, other_deputy_user)


@pytest.fixture
def resident_client(resident_user):
    from django.test import Client

    return _client_for(Client, resident_user)


@pytest.fixture
def celery_worker_app(settings):
    """The Celery app talking to the real broker and worker, not running inline.

    Needs REDIS_URL and a worker started outside the test run (.ci/run does it).
    """
    if not settings.REDIS_URL:
        skip_or_fail("REDIS_URL is not set; no real broker and worker")
    if os.environ.get("PYTEST_XDIST_WORKER"):
        pytest.fail(
            "the worker does not see this pytest-xdist worker's database: run "
            "the `services` tests without -n (scripts/test.sh does)"
        )
    from ziyang_portal.celery import app

    app.conf.task_always_eager = False
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        if not app.control.ping(timeout=5):
            skip_or_fail("no Celery worker answered a ping")
        yield app
    finally:
        app.conf.task_always_eager = True


@pytest.fixture
def zhang(deputy_user):
    """The Deputy record of the deputy persona, linked to their login."""
    from tests.factories import DeputyFactory

    return DeputyFactory(name="张示例", user=deputy_user, phone="13900001111")


@pytest.fixture
def li(other_deputy_user):
    """Another deputy, in another constituency and community."""
    from tests.factories import DeputyFactory

    return DeputyFactory(name="李示例", user=other_deputy_user, phone="13900002222")


@pytest.fixture(scope="module")
def demo_2018(django_db_setup, django_db_blocker):
    """The demo year, loaded once per module and rolled back after it.

    Each test still runs in its own savepoint (through `db`), so what a test
    changes is undone before the next one.
    """
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
