import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def demo_2018(django_db_setup, django_db_blocker):
    """The demo year, loaded once per module and rolled back after it.

    Each test still runs in its own savepoint (through `db`), so what a test
    changes is undone before the next one.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_2018, db):
    return None
