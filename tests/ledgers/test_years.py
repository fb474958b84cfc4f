"""Over many generated years, what a ledger brings in is what the report counts."""

import datetime

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledgers.services import ledger_import
from report.builder import collect_figures

from .conftest import session_row, suggestion_row, upload

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
MODES = {"集中接待": "centralised", "日常接待": "routine", "网上接待": "online"}


def _day(year, offset) -> str:
    return (datetime.date(year, 1, 1) + datetime.timedelta(days=offset)).isoformat()


def _imported(kind, rows):
    """Import the rows; each example undoes them after reading the figures."""
    outcome = ledger_import(kind=kind, upload=upload(kind, rows))
    assert outcome.saved, outcome.errors
    return outcome


sessions = st.lists(
    st.tuples(st.integers(0, 360), st.integers(0, 60), st.sampled_from(sorted(MODES))),
    max_size=8,
    unique_by=lambda s: s[0],
)


@SETTINGS
@given(year=st.integers(2012, 2025), rows=sessions)
def test_sessions_imported_are_the_years_sessions_and_voters(street, year, rows):
    with transaction.atomic():
        if rows:
            _imported(
                "sessions",
                [
                    session_row(date=_day(year, day), voters=voters, mode=mode)
                    for day, voters, mode in rows
                ],
            )
        figures = collect_figures(year)
        assert figures["reception.sessions"].value == len(rows)
        assert figures["reception.voters"].value == sum(r[1] for r in rows)
        centralised = [r for r in rows if MODES[r[2]] == "centralised"]
        assert figures["reception.sessions_centralised"].value == len(centralised)
        transaction.set_rollback(True)


items = st.lists(
    st.tuples(st.integers(0, 300), st.sampled_from(["已收到", "已受理", "已办结"])),
    max_size=6,
)


@SETTINGS
@given(year=st.integers(2012, 2025), rows=items)
def test_items_imported_are_the_years_items_and_answers(street, year, rows):
    with transaction.atomic():
        sheet = []
        for index, (day, status) in enumerate(rows):
            closed = status == "已办结"
            sheet.append(
                suggestion_row(
                    title=f"事项{index}",
                    received=_day(year, day),
                    status=status,
                    unit="" if status == "已收到" else "区示例局",
                    reply_date=_day(year, day + 5) if closed else "",
                    reply="已办理。" if closed else "",
                    outcome="A" if closed else "",
                    rating="满意" if closed else "",
                )
            )
        if sheet:
            _imported("suggestions", sheet)
        figures = collect_figures(year)
        closed = [r for r in rows if r[1] == "已办结"]
        assert figures["suggestions.items_received"].value == len(rows)
        assert figures["suggestions.items_accepted"].value == len(
            [r for r in rows if r[1] != "已收到"]
        )
        assert figures["suggestions.items_closed"].value == len(closed)
        assert figures["suggestions.ratings"].value == len(closed)
        transaction.set_rollback(True)
