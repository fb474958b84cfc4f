"""Helpers shared by the tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(func) -> int:
    with CaptureQueriesContext(connection) as ctx:
        func()
    return len(ctx.captured_queries)


def assert_constant_queries(fetch, add_rows, *, rounds=(2, 10)) -> None:
    """The queries `fetch()` makes do not grow when `add_rows(n)` adds rows.

    `fetch` must return a response (or anything) and is measured once after
    `rounds[0]` rows and again after `rounds[1]` more.
    """
    add_rows(rounds[0])
    fetch()  # warm per-process caches (content types, sessions)
    small = count_queries(fetch)
    add_rows(rounds[1])
    large = count_queries(fetch)
    assert large == small, f"queries grew with rows: {small} -> {large}"
