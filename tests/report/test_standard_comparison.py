"""The standard figures of every year (items received, accepted, answered,
closed, overdue, escalated, rated by each rating, the satisfaction rate,
reopened) beside last year's, in the appendix's table and chart."""

import pytest

from report.builder import collect_figures
from report.charts import report_charts
from report.document import ReportDocument
from report.sections.suggestions import STANDARD_FIGURES
from suggestions.models import Rating, Suggestion

from .conftest import YEAR
from .suggestion_stories import Plan, make_item

pytestmark = pytest.mark.django_db
Score = Rating.Score

PLANS = [
    Plan(month=2, answer="year", rating=Score.SATISFIED, close="year"),
    Plan(month=3, answer="year", rating=Score.UNSATISFIED),
    Plan(month=4, answer="year", rating=Score.BASICALLY, escalate=True),
    Plan(month=5),  # accepted, never answered: overdue at the year's end
    Plan(month=6, accept=False),
]


@pytest.fixture
def two_years(db):
    """Two years of items, the earlier with more of them, each handled."""
    for plan in PLANS + PLANS[:3]:
        make_item(YEAR - 1, plan)
    for plan in PLANS:
        make_item(YEAR, plan)
    return ReportDocument.from_records(YEAR)


def test_the_table_gives_each_standard_figure_beside_last_years(two_years):
    rows = {row.key: row for row in two_years.comparison()}
    last_year = collect_figures(YEAR - 1)
    for key in STANDARD_FIGURES:
        assert key in rows, key
        assert rows[key].figure.value == two_years.figures[key].value
        assert rows[key].previous.value == last_year[key].value
    # Independent counts of the records of each year.
    for year, figures in ((YEAR, two_years.figures), (YEAR - 1, last_year)):
        received = Suggestion.objects.filter(received_at__year=year).count()
        assert figures["suggestions.items_received"].value == received
        unsatisfied = Rating.objects.filter(
            created_at__year=year,
            suggestion__received_at__year=year,
            score=Score.UNSATISFIED,
        ).count()
        assert figures["suggestions.rated_unsatisfied"].value == unsatisfied
    assert last_year["suggestions.items_received"].value == 8
    assert two_years.figures["suggestions.items_received"].value == 5


def test_the_chart_compares_the_standard_counts_with_last_year(two_years):
    charts = {chart.key: chart for chart in report_charts(two_years)}
    chart = charts["handling"]
    counts = [k for k in STANDARD_FIGURES if two_years.figures[k].kind == "count"]
    assert len(counts) == len(STANDARD_FIGURES) - 1  # the rate is in the table
    assert chart.labels == [two_years.figures[k].label for k in counts]
    (previous_name, previous), (this_name, this) = chart.series
    assert (previous_name, this_name) == (f"{YEAR - 1}年", f"{YEAR}年")
    assert this == [two_years.figures[k].value for k in counts]
    assert previous == [two_years.previous[k].value for k in counts]


def test_without_last_years_figures_there_is_no_chart(two_years):
    document = two_years
    document.previous = {}
    assert "handling" not in {chart.key for chart in report_charts(document)}
