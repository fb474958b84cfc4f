import pytest


@pytest.fixture
def demo(demo_2018, db):
    """The demo year (loaded once per module by tests/conftest.py)."""
    return None
