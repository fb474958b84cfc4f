"""Imported records count in the work report like any other."""

import pytest

from ledgers.services import ledger_import
from report.builder import collect_figures

from .conftest import activity_row, article_row, session_row, suggestion_row, upload

pytestmark = pytest.mark.django_db


def _import(kind, rows):
    outcome = ledger_import(kind=kind, upload=upload(kind, rows))
    assert outcome.saved, outcome.errors


def _import_a_small_year():
    _import(
        "sessions",
        [
            session_row(date="2019-01-10", voters=7),
            session_row(date="2019-02-14", voters=5, mode="日常接待"),
            session_row(date="2019-03-20", voters=11),
        ],
    )
    _import(
        "activities",
        [
            activity_row(),
            activity_row(
                kind="精准扶贫走访",
                title="入户走访",
                absent="",
                households_due=10,
                households_visited=8,
            ),
        ],
    )
    _import(
        "suggestions",
        [
            suggestion_row(),
            suggestion_row(
                title="噪音扰民",
                status="已受理",
                reply_date="",
                reply="",
                rating="",
                outcome="",
            ),
            suggestion_row(title="停车难", received="2018-12-30"),
        ],
    )
    _import(
        "articles",
        [
            article_row(),
            article_row(outlet="紫阳微邻里", accepted="是"),
            article_row(title="代表风采", accepted="否", accepted_on=""),
        ],
    )


def test_an_imported_year_is_counted_by_the_report(street):
    _import_a_small_year()
    figures = collect_figures(2019)
    counted = {
        key: figures[key].value
        for key in (
            "reception.sessions",
            "reception.sessions_centralised",
            "reception.voters",
            "deputies.study_sessions",
            "deputies.poverty_visits",
            "deputies.poverty_households",
            "suggestions.items_received",
            "suggestions.items_accepted",
            "suggestions.items_closed",
            "suggestions.ratings",
            "publicity.articles_submitted",
            "publicity.acceptances",
        )
    }
    assert counted == {
        "reception.sessions": 3,
        "reception.sessions_centralised": 2,
        "reception.voters": 23,
        "deputies.study_sessions": 1,
        "deputies.poverty_visits": 1,
        "deputies.poverty_households": 8,
        "suggestions.items_received": 2,
        "suggestions.items_accepted": 2,
        "suggestions.items_closed": 1,
        "suggestions.ratings": 1,
        "publicity.articles_submitted": 2,
        "publicity.acceptances": 1,
    }
    assert collect_figures(2018)["suggestions.items_received"].value == 1
