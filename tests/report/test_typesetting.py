"""The report as an official document (GB/T 9704-2012), in Word and in the PDF.

A4 with margins of 37, 35, 28 and 26 mm; 22 lines a page of 28 三号 characters;
title in 小标宋, body in 仿宋 (a Song face where it is missing), chapter headings
in 黑体, part headings in 楷体; "— N —" one character in from the outside edge,
odd pages at the right and even pages at the left.
"""

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu
from pypdf import PdfReader

from core.outline import OPENING
from report.document import ReportDocument
from report.render import render_docx, render_pdf

TITLE = "人大紫阳街工委2016年工作报告"
# 200 characters: a first line of 26 after the two-character indent, six full
# lines of 28 and 6 left over.
PARAGRAPH = "字" * 200
LINES_OF_A_PARAGRAPH = [26, 28, 28, 28, 28, 28, 28, 6]
MM = 72 / 25.4  # points


def grid_document(paragraphs: int = 6) -> ReportDocument:
    """The outline's headings and paragraphs of 字 over three pages, no records."""
    return ReportDocument(
        year=2016,
        title=TITLE,
        subtitle="",
        paragraphs=[{"part": OPENING, "text": "\n".join([PARAGRAPH] * paragraphs)}],
        figures={},
        previous={},
    )


def lines_of_zi(layout_text: str) -> list[int]:
    """How many characters each line of 字 has in `pdftotext -layout` output."""
    lines = (line.strip() for line in layout_text.splitlines())
    return [len(line) for line in lines if line and set(line) == {"字"}]


def page_number_centres(pdf_path, pages=(1, 2)) -> dict[int, tuple[float, float]]:
    """Page -> (centre of "— N —" across the page, page width), from pdftotext -bbox."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(min(pages)), "-l", str(max(pages))]
        + [str(pdf_path), "-"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    found = {}
    for number, page in enumerate(ET.fromstring(out).iterfind(".//x:page", ns), 1):
        height, width = float(page.get("height")), float(page.get("width"))
        # The footer: below the text block, whose bottom margin is 35 mm.
        foot = [
            word
            for word in page.iterfind("x:word", ns)
            if float(word.get("yMin")) > height - 35 * MM
        ]
        texts = "".join(word.text for word in foot)
        assert texts == f"—{number}—", texts
        left = min(float(word.get("xMin")) for word in foot)
        right = max(float(word.get("xMax")) for word in foot)
        found[number] = ((left + right) / 2, width)
    return found


def assert_numbers_at_the_outside(centres) -> None:
    odd_centre, width = centres[1]
    even_centre, _width = centres[2]
    assert odd_centre > width * 2 / 3, "page 1 (a right-hand page) numbers at the right"
    assert even_centre < width / 3, "page 2 (a left-hand page) numbers at the left"


@pytest.fixture(scope="module")
def docx():
    return Document(io.BytesIO(render_docx(grid_document())))


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("typesetting") / "report.pdf"
    path.write_bytes(render_pdf(grid_document()))
    return path


def east_asian_font(style) -> str:
    return style.element.rPr.rFonts.get(qn("w:eastAsia"))


def test_the_word_page_has_the_margins_of_gb_9704(docx):
    section = docx.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    ]
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]


def test_the_word_styles_name_the_official_chinese_fonts(docx):
    styles = docx.styles
    expected = {
        "Title": ("方正小标宋简体", 22),
        "Normal": ("仿宋_GB2312", 16),
        "Heading 1": ("黑体", 16),
        "Heading 2": ("楷体_GB2312", 16),
    }
    for name, (font, size) in expected.items():
        style = styles[name]
        assert east_asian_font(style) == font, name
        assert style.element.rPr.rFonts.get(qn("w:eastAsiaTheme")) is None, name
        assert style.font.size.pt == size, name
        # 小标宋, 黑体 and 楷体 carry their own weight.
        assert not style.font.bold, name
    title = docx.paragraphs[0]
    assert (title.text, title.style.name) == (TITLE, "Title")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    headings = {}
    for paragraph in docx.paragraphs:
        headings.setdefault(paragraph.style.name, paragraph.text)
    assert headings["Heading 1"].startswith("一、")
    assert headings["Heading 2"].startswith("（一）")


def test_word_on_a_pc_without_a_gb_font_falls_back_on_the_windows_face(docx):
    part = next(
        p for p in docx.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    fonts = ET.fromstring(part.blob)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    alternatives = {
        font.get(f"{w}name"): font.find(f"{w}altName").get(f"{w}val")
        for font in fonts.iter(f"{w}font")
        if font.find(f"{w}altName") is not None
    }
    assert alternatives["仿宋_GB2312"] == "仿宋"
    assert alternatives["楷体_GB2312"] == "楷体"
    assert alternatives["方正小标宋简体"] == "宋体"


def test_the_word_grid_has_22_lines_of_28_characters(docx):
    section = docx.sections[0]
    doc_grid = section._sectPr.find(qn("w:docGrid"))
    assert doc_grid.get(qn("w:type")) == "linesAndChars"
    line_pitch = int(doc_grid.get(qn("w:linePitch")))
    char_space = int(doc_grid.get(qn("w:charSpace")))
    assert (line_pitch, char_space) == (579, -842)
    # ECMA-376 17.6.5: the pitch is the Normal size plus charSpace/4096 pt.
    width = Emu(section.page_width - section.left_margin - section.right_margin).pt
    height = Emu(section.page_height - section.top_margin - section.bottom_margin).pt
    pitch = 16 + char_space / 4096
    assert 28 * pitch <= width < 29 * pitch
    assert 22 * line_pitch / 20 <= height < 23 * line_pitch / 20
    # The body keeps to 22 lines with exact spacing and to 28 characters with
    # condensed characters, off the character grid that LibreOffice halves.
    normal = docx.styles["Normal"]
    assert normal.paragraph_format.line_spacing.twips == line_pitch
    condensed = int(normal.element.rPr.find(qn("w:spacing")).get(qn("w:val")))
    advance = 16 + condensed / 20
    assert 28 * advance <= width < 29 * advance
    snap = normal.element.pPr.find(qn("w:snapToGrid"))
    assert snap.get(qn("w:val")) == "0"
    body = next(p for p in docx.paragraphs if p.text == PARAGRAPH)
    indent = body._p.pPr.find(qn("w:ind"))
    assert indent.get(qn("w:firstLineChars")) == "200"
    assert 26 * advance <= width - body.paragraph_format.first_line_indent.pt


def test_word_numbers_odd_pages_at_the_right_and_even_pages_at_the_left(docx):
    settings = docx.settings.element
    assert settings.find(qn("w:evenAndOddHeaders")) is not None
    section = docx.sections[0]
    kinds = {
        ref.get(qn("w:type"))
        for ref in section._sectPr.findall(qn("w:footerReference"))
    }
    assert kinds == {"default", "even"}
    for footer, align, side in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right_indent"),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left_indent"),
    ):
        paragraph = footer.paragraphs[0]
        assert paragraph.alignment == align
        assert getattr(paragraph.paragraph_format, side).pt == 14  # 空一字
        assert "PAGE" in paragraph._p.xml
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        for run in paragraph.runs:
            fonts = run._r.rPr.rFonts
            assert fonts.get(qn("w:eastAsia")) == fonts.get(qn("w:ascii")) == "宋体"
            assert run.font.size.pt == 14  # 四号


def test_the_pdf_sets_each_part_in_its_own_face(pdf_path):
    faces = {}

    def visit(text, _cm, _tm, font, _size):
        if font is not None and text.strip():
            faces.setdefault(text.strip()[:2], str(font["/BaseFont"]))

    for page in PdfReader(pdf_path).pages:
        page.extract_text(visitor_text=visit)
    assert re.search(r"Serif.*Bold|XiaoBiaoSong", faces["人大"]), faces  # title
    assert re.search(r"Serif|Song|Fang|Ming", faces["字字"]), faces  # body
    assert "Bold" not in faces["字字"]
    assert re.search(r"Sans|Hei", faces["一、"]), faces  # chapter heading
    assert re.search(r"Kai", faces["（一"]), faces  # part heading


def test_the_pdf_embeds_a_serif_face_and_a_kai_face_not_only_wenquanyi(pdf_path):
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts is not installed (apt-get install poppler-utils)")
    out = subprocess.run(
        ["pdffonts", str(pdf_path)], check=True, capture_output=True
    ).stdout.decode()
    names = [line.split()[0] for line in out.splitlines()[2:]]
    assert any("Serif" in name for name in names), names
    assert any("Kai" in name for name in names), names
    assert any("Sans" in name for name in names), names
    assert not all("WenQuanYi" in name for name in names)


def test_a_full_line_of_the_pdf_has_28_characters(pdf_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    layout = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf_path), "-"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    assert lines_of_zi(layout) == LINES_OF_A_PARAGRAPH * 6


def test_the_pdf_numbers_odd_pages_at_the_right_and_even_pages_at_the_left(pdf_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    assert_numbers_at_the_outside(page_number_centres(pdf_path))
