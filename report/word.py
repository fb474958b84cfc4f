"""The report as a Word document laid out like a Chinese official document.

A4 with the margins of GB/T 9704, title in 宋体 二号 bold, chapter headings in 黑体,
part headings in 楷体, body in 仿宋 三号 with a two-character first-line indent
and fixed 28 pt lines, and the page number "— 1 —" in the footer from a PAGE
field. Word only uses a Chinese font named for the East Asian script, and the
theme attributes of the built-in styles override it, so both are set here.
The appendix carries the same charts as the web page and the PDF, drawn from
their SVG into PNG (Word has no SVG renderer that every version shares), each
with its caption and its data table.
"""

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .charts import report_charts

TITLE_FONT = "宋体"
BODY_FONT = "仿宋"
CHAPTER_FONT = "黑体"
PART_FONT = "楷体"
LATIN_FONT = "Times New Roman"

SAN_HAO = Pt(16)  # 三号, the body size of official documents
ER_HAO = Pt(22)  # 二号, the title
SI_HAO = Pt(14)  # 四号, page numbers
WU_HAO = Pt(10.5)  # 五号, tables
LINE = Pt(28)


def set_font(target, east_asian: str, *, size=None, bold=None) -> None:
    """Name the East Asian font of a run or style, dropping theme overrides."""
    font = target.font
    font.name = LATIN_FONT
    if size is not None:
        font.size = size
    if bold is not None:
        font.bold = bold
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:eastAsiaTheme", "w:asciiTheme", "w:hAnsiTheme", "w:cstheme"):
        if fonts.get(qn(theme)) is not None:
            del fonts.attrib[qn(theme)]
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Cm(21)
    section.page_height = Cm(29.7)
    section.top_margin = Cm(3.7)
    section.bottom_margin = Cm(3.5)
    section.left_margin = Cm(2.8)
    section.right_margin = Cm(2.6)
    section.footer_distance = Cm(2.5)


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    set_font(normal, BODY_FONT, size=SAN_HAO)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    for name, font, size, bold in (
        ("Title", TITLE_FONT, ER_HAO, True),
        ("Heading 1", CHAPTER_FONT, SAN_HAO, False),
        ("Heading 2", PART_FONT, SAN_HAO, False),
    ):
        style = doc.styles[name]
        set_font(style, font, size=size, bold=bold)
        style.font.italic = False
        style.font.color.rgb = None
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        style.paragraph_format.line_spacing = LINE if name != "Title" else Pt(36)
        style.paragraph_format.keep_with_next = True
        # The built-in headings draw a coloured bottom border on some themes.
        ppr = style.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def _page_number_footer(doc) -> None:
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(paragraph.add_run("— "), TITLE_FONT, size=SI_HAO)
    run = paragraph.add_run()
    set_font(run, TITLE_FONT, size=SI_HAO)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
    number = OxmlElement("w:t")
    number.text = "1"
    run._r.append(number)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)
    set_font(paragraph.add_run(" —"), TITLE_FONT, size=SI_HAO)


def _add(doc, text, style=None, *, font=None, indent=False, align=None, bold=None):
    paragraph = doc.add_paragraph(style=style)
    run = paragraph.add_run(text)
    if font:
        set_font(run, font, bold=bold)
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(32)  # two characters
    if align is not None:
        paragraph.alignment = align
    return paragraph


def _comparison_table(doc, document) -> None:
    rows = document.comparison()
    if not rows:
        return
    doc.add_page_break()
    _add(doc, _("Appendix"), "Heading 1")
    _add(
        doc,
        _("Main figures of %(year)s and %(previous)s")
        % {"year": document.year, "previous": document.year - 1},
        align=WD_ALIGN_PARAGRAPH.CENTER,
        font=CHAPTER_FONT,
    )
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    headers = [
        _("Data item"),
        _("%(year)s") % {"year": document.year - 1},
        _("%(year)s") % {"year": document.year},
        _("Change from last year"),
    ]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        set_font(cell.paragraphs[0].add_run(text), CHAPTER_FONT, size=WU_HAO)
    for row in rows:
        cells = table.add_row().cells
        values = [
            row.label,
            row.previous.display() if row.previous else "—",
            row.figure.display(),
            row.change,
        ]
        for cell, text in zip(cells, values, strict=True):
            set_font(cell.paragraphs[0].add_run(text), BODY_FONT, size=WU_HAO)
            cell.paragraphs[
                0
            ].paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    for cell in table.columns[0].cells:
        cell.width = Cm(8.6)


CHART_WIDTH = Cm(15.6)  # the text block: 21 cm less both margins
CHART_SCALE = 2  # 1600 px across 15.6 cm: about 260 dpi in print


def _chart_png(chart) -> bytes:
    import cairosvg

    return cairosvg.svg2png(bytestring=chart.svg().encode(), scale=CHART_SCALE)


def _charts(doc, charts) -> None:
    if not charts:
        return
    doc.add_page_break()
    _add(doc, _("Charts"), "Heading 1")
    for number, chart in enumerate(charts, start=1):
        picture = doc.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        picture.paragraph_format.keep_with_next = True
        picture.add_run().add_picture(io.BytesIO(_chart_png(chart)), width=CHART_WIDTH)
        # The picture's alternative text, for screen readers in Word.
        picture.runs[0]._r.xpath(".//wp:docPr")[0].set("descr", chart.title)
        _add(
            doc,
            _("Figure %(number)s  %(title)s")
            % {"number": number, "title": chart.title},
            font=CHAPTER_FONT,
            align=WD_ALIGN_PARAGRAPH.CENTER,
        )
        names = [name for name, _values in chart.series]
        table = doc.add_table(rows=1, cols=1 + len(names))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, [_("Item"), *names], strict=True):
            set_font(cell.paragraphs[0].add_run(text), CHAPTER_FONT, size=WU_HAO)
        for label, values in chart.rows():
            cells = table.add_row().cells
            texts = [label, *("—" if v is None else str(v) for v in values)]
            for cell, text in zip(cells, texts, strict=True):
                set_font(cell.paragraphs[0].add_run(text), BODY_FONT, size=WU_HAO)
                cell.paragraphs[
                    0
                ].paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        doc.add_paragraph()


def build_docx(document) -> bytes:
    doc = Document()
    _page_setup(doc)
    _styles(doc)
    _page_number_footer(doc)
    doc.core_properties.title = document.title
    doc.core_properties.author = str(
        _("Ziyang Street People's Congress Working Committee")
    )
    doc.core_properties.language = "zh-CN"
    for block in document.blocks():
        if block.kind == "title":
            _add(doc, block.text, "Title", align=WD_ALIGN_PARAGRAPH.CENTER)
        elif block.kind == "subtitle":
            _add(doc, block.text, font=PART_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
            doc.add_paragraph()
        elif block.kind == "salutation":
            doc.add_paragraph()
            _add(doc, block.text)
        elif block.kind == "chapter":
            _add(doc, block.text, "Heading 1", indent=True)
        elif block.kind in ("part", "subheading"):
            # Staff's (一)… lines in 二 and 三 sit at the level of 一's parts.
            _add(doc, block.text, "Heading 2", indent=True)
        else:
            _add(doc, block.text, indent=True)
    _comparison_table(doc, document)
    _charts(doc, report_charts(document))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
