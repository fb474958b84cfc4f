import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from dashboard.deputy import deputy_dashboard
from dashboard.staff import staff_dashboard
from report.builder import collect_figures

from .conftest import YEAR, build_year

pytestmark = pytest.mark.django_db


def metric(dashboard, key):
    return next(m for m in dashboard.metrics + dashboard.report if m.key == key)


def series(dashboard, key):
    return next(s for s in dashboard.series if s.key == key)


def assert_same_as_report(dashboard, year):
    """Every report figure on the dashboard, and every total a chart adds up,
    is the report builder's own figure."""
    report = collect_figures(year)
    assert dashboard.report, "the dashboard shows the report's figures"
    for m in dashboard.report:
        assert m.value == report[m.key].value, m.key
    stations = series(dashboard, "stations")
    assert stations.total == report["reception.sessions"].value
    assert sum(r.extra[0] for r in stations.rows) == report["reception.voters"].value
    outlets = series(dashboard, "outlets")
    accepted = sum(
        f.value for k, f in report.items() if k.startswith("publicity.accepted.")
    )
    assert outlets.total == accepted
    deputy_kinds = report["suggestions.deputy_suggestions"].value
    collected = report["suggestions.collected"].value
    assert metric(dashboard, "received").value == deputy_kinds + collected


def test_dashboard_figures_equal_the_report_builder_on_a_factory_year(
    factory_year, today
):
    dashboard = staff_dashboard(YEAR, today=today)
    assert_same_as_report(dashboard, YEAR)
    assert metric(dashboard, "reception.voters").value == 30


def test_dashboard_figures_equal_the_report_builder_on_the_demo_year():
    call_command("load_demo", stdout=io.StringIO())
    dashboard = staff_dashboard(2018)
    assert_same_as_report(dashboard, 2018)
    # FIGURES.md: 5 sessions, 129 voters, 72 opinions, 48 followed up.
    assert metric(dashboard, "reception.sessions").value == 5
    assert metric(dashboard, "reception.voters").value == 129
    assert metric(dashboard, "suggestions.collected").value == 72
    assert metric(dashboard, "suggestions.followed_up").value == 48
    outlets = {r.label: r.value for r in series(dashboard, "outlets").rows}
    assert outlets["《人民意志》"] == 1
    assert outlets["区人大网站"] == 10


def test_suggestion_metrics_count_replies_on_time_overdue_and_satisfaction(
    factory_year, today
):
    dashboard = staff_dashboard(YEAR, today=today)
    assert metric(dashboard, "received").value == 4
    assert metric(dashboard, "replied").value == 2
    assert metric(dashboard, "on_time").value == 1
    assert metric(dashboard, "overdue").value == 1
    # Open means not yet closed (nor rejected): nothing was closed this year.
    assert metric(dashboard, "open").value == 4
    assert metric(dashboard, "reply_rate").value == Decimal(50)
    assert metric(dashboard, "on_time_rate").value == Decimal(50)
    assert metric(dashboard, "satisfaction").value == Decimal(50)
    # 10 days (2-10 to 2-20) and 30 days (3-10 to 4-9): 20 on average.
    assert metric(dashboard, "average_days").value == Decimal(20)


def test_last_year_is_shown_beside_this_year(factory_year, today):
    build_year(YEAR - 1)
    dashboard = staff_dashboard(YEAR, today=today)
    assert metric(dashboard, "received").previous == 4
    assert metric(dashboard, "reception.voters").previous == 30


def test_a_community_filter_keeps_only_that_community(factory_year, today):
    other = build_year()
    dashboard = staff_dashboard(YEAR, community=other["community"], today=today)
    assert metric(dashboard, "received").value == 4
    assert series(dashboard, "stations").total == 2
    assert [r.label for r in series(dashboard, "community").rows] == [
        other["community"].name
    ]
    # The report describes the whole street, so it is not cut by community.
    assert dashboard.report == []
    whole = staff_dashboard(YEAR, today=today)
    assert metric(whole, "received").value == 8


def test_breakdowns_by_month_cover_the_twelve_months(factory_year, today):
    months = series(staff_dashboard(YEAR, today=today), "month")
    assert len(months.rows) == 12
    assert [r.value for r in months.rows][1:5] == [1, 1, 1, 1]


def test_a_deputy_dashboard_counts_only_their_own_work(factory_year, today, zhang):
    mine = factory_year["suggestions"][0]
    type(mine).objects.filter(pk=mine.pk).update(following_deputy=zhang)
    dashboard = deputy_dashboard(zhang, YEAR, today=today)
    assert metric(dashboard, "received").value == 1
    assert series(dashboard, "stations").rows == []
    assert dashboard.report == []
