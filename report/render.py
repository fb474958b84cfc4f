"""The outputs of a report: web page, Word document, PDF and the CSV appendix."""

import io
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core import spreadsheets

from .builder import REPORT_LANGUAGE
from .charts import report_charts
from .document import ReportDocument

CSS_DIR = Path(__file__).resolve().parent / "static" / "report"


def _css(name: str) -> str:
    return (CSS_DIR / name).read_text(encoding="utf-8")


def html_blocks(document: ReportDocument, *, links: bool) -> list[dict]:
    """Blocks with each figure as value, label and (if wanted) drill-down link."""
    rows = []
    for block in document.blocks():
        segments = []
        for kind, value in block.segments:
            if kind == "text":
                segments.append({"text": value})
                continue
            figure = document.figures.get(value)
            if figure is None:
                segments.append({"text": f"[[{value}]]", "missing": True})
                continue
            segments.append(
                {
                    "text": figure.display(),
                    "label": figure.label,
                    "url": figure.drilldown if links else "",
                    "figure": True,
                }
            )
        rows.append({"block": block, "segments": segments})
    return rows


def report_context(document: ReportDocument, *, links: bool, **extra) -> dict:
    with translation.override(REPORT_LANGUAGE):
        return {
            "document": document,
            "blocks": html_blocks(document, links=links),
            "charts": report_charts(document),
            "comparison": document.comparison(),
            "previous_year": document.year - 1,
            "links": links,
            **extra,
        }


def render_html(document: ReportDocument, *, links=False, request=None, **extra):
    """The print-ready page; standalone (CSS inside) unless served by the admin."""
    context = report_context(document, links=links, **extra)
    if request is None:
        context["inline_css"] = _css("report.css") + _css("screen.css")
    with translation.override(REPORT_LANGUAGE):
        return render_to_string("report/document.html", context, request=request)


def render_pdf(document: ReportDocument) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    context = report_context(document, links=False, for_pdf=True)
    with translation.override(REPORT_LANGUAGE):
        html = render_to_string("report/document.html", context)
    # The print stylesheet's @font-face (the vendored 仿宋) needs a font
    # configuration shared by the stylesheet and the layout.
    fonts = FontConfiguration()
    stylesheets = [
        CSS(string=_css("report.css"), font_config=fonts),
        CSS(string=_css("print.css"), base_url=f"{CSS_DIR}/", font_config=fonts),
    ]
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=stylesheets, font_config=fonts
    )


def render_csv(document: ReportDocument) -> bytes:
    """Every figure with its label, value, last year's value and drill-down."""
    out = io.StringIO()
    writer = spreadsheets.CsvWriter(out)
    with translation.override(REPORT_LANGUAGE):
        writer.writerow(
            [
                _("key"),
                _("figure"),
                _("%(year)s") % {"year": document.year},
                _("%(year)s") % {"year": document.year - 1},
                _("records behind it"),
            ]
        )
        for figure in document.figure_rows():
            previous = document.previous.get(figure.key)
            writer.writerow(
                [
                    figure.key,
                    figure.label,
                    figure.display(),
                    previous.display() if previous else "",
                    figure.drilldown,
                ]
            )
    # A byte-order mark lets Excel open the Chinese text as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def render_docx(document: ReportDocument) -> bytes:
    from .word import build_docx

    with translation.override(REPORT_LANGUAGE):
        return build_docx(document)


RENDERERS = {
    "html": render_html,
    "pdf": render_pdf,
    "docx": render_docx,
    "csv": render_csv,
}

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv; charset=utf-8",
}


def render(document: ReportDocument, fmt: str) -> bytes:
    output = RENDERERS[fmt](document)
    return output.encode("utf-8") if isinstance(output, str) else output
