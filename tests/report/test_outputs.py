"""Web page, Word, PDF and CSV all open and say the same thing in Chinese."""

import csv
import io
import re
import shutil
import subprocess

import pytest
from django.core.management import call_command
from docx import Document
from docx.oxml.ns import qn

from report.document import ReportDocument
from report.render import render_csv, render_docx, render_html, render_pdf

from .conftest import YEAR


def docx_text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def pdf_text(content: bytes, tmp_path, *, footers=False) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
    )
    # pdftotext breaks lines where the page does and spaces out justified
    # lines; the report's Chinese sentences have neither.
    text = "".join(out.stdout.decode().split())
    # A page number can fall inside a sentence that runs on to the next page.
    return text if footers else re.sub(r"—\d+—", "", text)


@pytest.fixture
def document(factory_year):
    return ReportDocument.from_records(YEAR)


def test_the_word_document_is_an_a4_official_document(document):
    doc = Document(io.BytesIO(render_docx(document)))
    section = doc.sections[0]
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.page_height.cm, 1) == 29.7
    assert doc.paragraphs[0].text == "人大紫阳街工委2016年工作报告"
    assert doc.paragraphs[0].style.name == "Title"
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "一、主要工作完成情况及特色亮点工作" in headings
    assert "（一）完善硬件设施，夯实平台实力" in headings
    normal = doc.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert normal.get(qn("w:eastAsiaTheme")) is None
    footer_xml = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml and 'w:fldCharType="begin"' in footer_xml


def test_the_word_document_states_the_figures(document):
    text = docx_text(render_docx(document))
    assert "开展2次座谈会" in text
    assert "示例议题甲、示例议题乙、示例议题丙" in text
    assert "2016年与2015年主要数据对照表" in text


def test_the_pdf_has_real_chinese_text_page_numbers_and_charts(document, tmp_path):
    content = render_pdf(document)
    assert content.startswith(b"%PDF")
    text = pdf_text(content, tmp_path)
    assert "人大紫阳街工委2016年工作报告" in text
    assert "开展2次座谈会" in text
    with_footers = pdf_text(content, tmp_path, footers=True)
    assert "—1—" in with_footers and "—2—" in with_footers
    assert "图表数据：主要数据与上年对比" in text


def test_the_web_page_links_every_figure_to_its_records(document):
    html = render_html(document, links=True)
    assert 'class="report-figure" href="/admin/deputies/dutyactivity/?' in html
    assert "kind=symposium" in html
    assert "<script" not in html


def test_the_csv_appendix_lists_every_figure_with_its_drill_down(document):
    content = render_csv(document)
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["标记", "数据项", "2016年"]
    by_key = {row[0]: row for row in rows[1:]}
    assert by_key["deputies.symposiums"][2] == "2"
    assert by_key["deputies.symposiums"][4].startswith("/admin/deputies/dutyactivity/")
    assert len(by_key) == len(document.figures)


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf", "csv"])
def test_the_command_writes_each_format(factory_year, tmp_path, fmt):
    path = tmp_path / f"report.{fmt}"
    call_command("work_report", str(YEAR), "--format", fmt, "--output", str(path))
    assert path.stat().st_size > 500


def test_the_command_uses_the_frozen_report_of_a_final_year(final, tmp_path):
    from .test_services import add_symposium

    add_symposium()
    path = tmp_path / "report.docx"
    call_command("work_report", str(YEAR), "--format", "docx", "--output", str(path))
    assert "开展2次座谈会" in docx_text(path.read_bytes())


def test_the_command_refuses_a_year_out_of_range(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="请输入年份"):
        call_command("work_report", "1800", "--output", "/tmp/never-written.html")


def test_the_command_says_when_it_cannot_write_the_file(factory_year, tmp_path):
    from django.core.management.base import CommandError

    target = tmp_path / "missing-folder" / "report.html"
    with pytest.raises(CommandError, match="无法写入"):
        call_command("work_report", str(YEAR), "--output", str(target))


def test_the_word_document_carries_the_charts_with_their_data(document):
    from PIL import Image

    from report.charts import report_charts

    charts = report_charts(document)
    assert charts, "the factory year has figures to chart"
    doc = Document(io.BytesIO(render_docx(document)))
    pictures = doc.inline_shapes
    assert len(pictures) == len(charts)
    for shape, chart in zip(pictures, charts, strict=True):
        assert shape._inline.docPr.get("descr") == chart.title
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        image = doc.part.related_parts[blip.embed].blob
        with Image.open(io.BytesIO(image)) as picture:
            assert picture.format == "PNG"
            assert picture.width >= 1600
            # Not a blank picture: the bars are drawn in the committee's red.
            colours = picture.convert("RGB").getcolors(maxcolors=1 << 22)
            red = sum(n for n, (r, g, b) in colours if r > 150 and g < 110 and b < 110)
            assert red > picture.width * 10
    text = docx_text(render_docx(document))
    for number, chart in enumerate(charts, start=1):
        assert f"图{number}  {chart.title}" in text
        for label, _values in chart.rows():
            assert label in text


def test_the_speaker_stands_between_the_title_and_the_salutation(document, tmp_path):
    kinds = [block.kind for block in document.blocks()]
    assert kinds.index("title") < kinds.index("speaker") < kinds.index("salutation")
    speaker = "人大紫阳街工委主任、各位副主任、各位委员："
    docx = Document(io.BytesIO(render_docx(document)))
    lines = [p.text for p in docx.paragraphs if p.text]
    assert lines[1:3] == ["人大紫阳街工委", "主任、各位副主任、各位委员："]
    assert speaker in pdf_text(render_pdf(document), tmp_path)
    assert '<p class="report-speaker">人大紫阳街工委</p>' in render_html(document)
