import pytest


@pytest.fixture
def demo_2018(db):
    """The demo register and its 2018 records (this app's loader only)."""
    from deputies import demo
    from ziyang_portal.demo import load_accounts

    load_accounts(None)
    demo.load(None)
