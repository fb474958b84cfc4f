"""This app's part of the 2018 demo year (see ziyang_portal/demo.py)."""


def load(out) -> None:
    """Create this app's demo records; must be idempotent."""
