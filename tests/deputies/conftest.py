import pytest


@pytest.fixture
def demo_2018(db):
    """The demo register and its 2018 records (this app's loader only)."""
    from core.demo import load_accounts
    from deputies import demo

    load_accounts(None)
    demo.load(None)
