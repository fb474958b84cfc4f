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
            if key in document.figures and document.figures[key].kind == "count"
        ]
        if compared and document.previous:
            charts.append(
                Chart(
                    "comparison",
                    _("Main figures compared with last year"),
                    [document.figures[k].label for k in compared],
                    [
                        (
                            _("%(year)s") % {"year": document.year - 1},
                            [_value(document.previous.get(k)) for k in compared],
                        ),
                        (
                            _("%(year)s") % {"year": document.year},
                            [document.figures[k].value for k in compared],
                        ),
                    ],
                    style=COMPARISON_STYLE,
                )
            )
    return [chart for chart in charts if chart.labels]


def _value(figure):
    return None if figure is None else figure.value
