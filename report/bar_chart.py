"""A bar chart of the report's appendix, drawn as pygal SVG.

The SVG is embedded as a data: image, which the strict Content-Security-Policy of
the admin allows and WeasyPrint draws into the PDF; pygal's tooltip script is
stripped because neither needs it.
"""

import base64
import re
from dataclasses import dataclass

import pygal
from pygal.style import Style

# 黑体 for the labels, the face of the report's headings (see print.css).
FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", sans-serif'
# pygal's tooltip script and its comments (which name its web site) go.
SCRIPT = re.compile(r"<script\b.*?</script>|<!--.*?-->", re.DOTALL)

STYLE_OPTIONS = {
    "font_family": FONT_FAMILY,
    "background": "#ffffff",
    "plot_background": "#ffffff",
    "foreground": "#212529",
    "foreground_strong": "#212529",
    "foreground_subtle": "#6c757d",
    "title_font_size": 18,
    "label_font_size": 13,
    "major_label_font_size": 13,
    "value_font_size": 13,
    "legend_font_size": 14,
}
# The year of the report in the committee's red; last year in grey beside it.
STYLE = Style(colors=("#a4161a", "#6c757d"), **STYLE_OPTIONS)
COMPARISON_STYLE = Style(colors=("#6c757d", "#a4161a"), **STYLE_OPTIONS)


@dataclass
class Chart:
    """A bar chart: one row per label, one column per series."""

    key: str
    title: str
    labels: list[str]
    series: list[tuple[str, list]]
    style: Style = STYLE

    def rows(self) -> list[tuple[str, list]]:
        return [
            (label, [values[i] for _name, values in self.series])
            for i, label in enumerate(self.labels)
        ]

    def svg(self) -> str:
        chart = pygal.HorizontalBar(
            style=self.style,
            js=[],
            disable_xml_declaration=True,
            show_legend=len(self.series) > 1,
            legend_at_bottom=True,
            print_values=True,
            width=800,
            height=max(220, 40 + 40 * len(self.labels) * max(1, len(self.series))),
            truncate_label=-1,
            margin=16,
            # pygal measures labels as Latin text; Chinese characters are about
            # twice as wide, so the label column is widened to fit them.
            margin_left=int(0.55 * self.style.label_font_size * self._longest_label()),
        )
        # The figure's caption names the chart; a title inside would repeat it.
        # Horizontal bars read top to bottom in pygal's reverse order.
        chart.x_labels = list(reversed(self.labels))
        for name, values in self.series:
            chart.add(name, [v if v is not None else None for v in reversed(values)])
        return SCRIPT.sub("", chart.render(is_unicode=True))

    def _longest_label(self) -> int:
        return max((len(label) for label in self.labels), default=0)

    def data_uri(self) -> str:
        encoded = base64.b64encode(self.svg().encode()).decode()
        return f"data:image/svg+xml;base64,{encoded}"
