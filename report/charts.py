"""Charts of the report's appendix, each shown beside its data table: the
providers' own, and last year against this year for the counts staff watch most."""

from django.utils import translation
from django.utils.translation import gettext as _

from .bar_chart import COMPARISON_STYLE, Chart
from .builder import REPORT_LANGUAGE
from .sections import providers


def report_charts(document) -> list[Chart]:
    """The providers' charts of the document's figures, and last year against
    this year for the counts staff watch most."""
    charts = []
    with translation.override(REPORT_LANGUAGE):
        for provider in providers():
            make = getattr(provider, "charts", None)
            if make is not None:
                charts.extend(make(document.figures))
        compared = [
            key
            for provider in providers()
            for key in getattr(provider, "HEADLINE_FIGURES", ())
        ]
        charts.append(
            _comparison(
                document,
                "comparison",
                _("Main figures compared with last year"),
                compared,
            )
        )
        # The standard set of every year: the items received and what became
        # of them by the year's end, and the residents' ratings.
        handling = [
            key
            for provider in providers()
            for key in getattr(provider, "STANDARD_FIGURES", ())
        ]
        charts.append(
            _comparison(
                document,
                "handling",
                _("Suggestions and opinions handled, compared with last year"),
                handling,
            )
        )
    return [chart for chart in charts if chart is not None and chart.labels]


def _comparison(document, key: str, title: str, keys: list[str]) -> Chart | None:
    """Last year's and this year's value of each count of `keys` the document
    has; none without last year's figures."""
    keys = [
        k for k in keys if k in document.figures and document.figures[k].kind == "count"
    ]
    if not keys or not document.previous:
        return None
    return Chart(
        key,
        title,
        [document.figures[k].label for k in keys],
        [
            (
                _("%(year)s") % {"year": document.year - 1},
                [_value(document.previous.get(k)) for k in keys],
            ),
            (
                _("%(year)s") % {"year": document.year},
                [document.figures[k].value for k in keys],
            ),
        ],
        style=COMPARISON_STYLE,
    )


def _value(figure):
    return None if figure is None else figure.value
