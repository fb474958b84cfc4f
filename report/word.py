"""The report as a Word document laid out as an official document (GB/T 9704-2012).

A4 with the standard's margins (top 37, bottom 35, left 28, right 26 mm) and a
document grid of 22 lines a page, 28 characters a line; title in 方正小标宋简体
二号, chapter headings (一、) in 黑体 and part headings ((一)) in 楷体_GB2312 三号,
body in 仿宋_GB2312 三号 indented two characters; the page number "— 1 —" from
a PAGE field in 宋体 四号 at the outside edge (odd pages right, even left).
Word only uses a Chinese font named for the East Asian script, and the theme
attributes of the built-in styles override it, so both are set here. The font
table names the Windows faces Word falls back on where a PC lacks a GB font;
LibreOffice substitutes a Chinese face of its own.
The appendix carries the same charts as the web page and the PDF, drawn from
their SVG into PNG (Word has no SVG renderer that every version shares), each
with its caption and its data table.
"""

import io
import math

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt, Twips
from lxml import etree

from .charts import report_charts

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
CHAPTER_FONT = "黑体"
PART_FONT = "楷体_GB2312"
NUMBER_FONT = "宋体"  # page numbers
LATIN_FONT = "Times New Roman"

# The font table's entries for the Chinese faces: the alternative names Word
# tries where a PC lacks the font, and the GB2312 character set (86).
FONT_TABLE = {
    TITLE_FONT: ("宋体", "script", "variable"),
    BODY_FONT: ("仿宋", "modern", "fixed"),
    PART_FONT: ("楷体", "modern", "fixed"),
    CHAPTER_FONT: ("SimHei", "modern", "fixed"),
    NUMBER_FONT: ("SimSun", "auto", "variable"),
}

SAN_HAO = Pt(16)  # 三号, the body size of official documents
ER_HAO = Pt(22)  # 二号, the title
SI_HAO = Pt(14)  # 四号, page numbers
WU_HAO = Pt(10.5)  # 五号, tables
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28


def set_font(target, east_asian: str, *, size=None, bold=None, latin=LATIN_FONT):
    """Name the East Asian font of a run or style, dropping theme overrides.

    python-docx's `font.name` sets only the Latin slots of w:rFonts; the
    Chinese text takes the w:eastAsia one, written here on the rPr itself.
    """
    font = target.font
    font.name = latin
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
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)


def _w(tag: str, **values) -> object:
    """A new w: element with w: attributes."""
    element = OxmlElement(f"w:{tag}")
    for name, value in values.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def _text_width(section) -> float:
    """The width of the text block in points."""
    return Emu(section.page_width - section.left_margin - section.right_margin).pt


def grid(section) -> tuple[int, int]:
    """The docGrid's linePitch (twips) and charSpace for 22 lines of 28 三号 characters.

    ECMA-376 17.6.5: charSpace is what each character's pitch adds to the
    East Asian size of the Normal style, in 4096ths of a point; rounded down so
    that 28 pitches never exceed the text width, nor 22 lines its height.
    """
    height = section.page_height - section.top_margin - section.bottom_margin
    line_pitch = Emu(height).twips // LINES_PER_PAGE
    pitch = _text_width(section) / CHARS_PER_LINE
    char_space = math.floor((pitch - SAN_HAO.pt) * 4096)
    return line_pitch, char_space


def body_spacing(section) -> int:
    """How much each body character is condensed, in twips (negative).

    28 三号 characters are 448 pt and the text block 442 pt wide. Word would fit
    them on the grid by itself, but LibreOffice gives every character wider
    than a grid cell two cells, which halves the line; so the body leaves the
    grid and its characters are condensed instead, by one twip more than the
    width asks for, as LibreOffice rounds the line down to whole cells.
    """
    pitch = _text_width(section) / CHARS_PER_LINE
    return math.floor((pitch - SAN_HAO.pt) * 20) - 1


def char_advance(section) -> float:
    """The width one body character takes on the line, in points."""
    return SAN_HAO.pt + body_spacing(section) / 20


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(37)
    section.bottom_margin = Mm(35)
    section.left_margin = Mm(28)
    section.right_margin = Mm(26)
    section.footer_distance = Mm(22)  # the number 7 mm below the text block
    line_pitch, char_space = grid(section)
    for old in section._sectPr.findall(qn("w:docGrid")):
        section._sectPr.remove(old)
    section._sectPr.append(
        _w("docGrid", type="linesAndChars", linePitch=line_pitch, charSpace=char_space)
    )


def _font_table(doc) -> None:
    """Declare the Chinese faces, with the names Word falls back on."""
    part = next(
        p for p in doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    fonts = parse_xml(part.blob)
    for name, (alternative, family, pitch) in FONT_TABLE.items():
        font = _w("font", name=name)
        font.extend([_w("altName", val=alternative), _w("charset", val="86")])
        font.extend([_w("family", val=family), _w("pitch", val=pitch)])
        fonts.append(font)
    # The font table is a plain part to python-docx: its bytes are replaced.
    part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8")


# The children of w:rPr that come after w:spacing and w:lang (ECMA-376 17.3.2.28).
AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
AFTER_SPACING = (
    *("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u"),
    *("w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs"),
    *("w:em", "w:lang", *AFTER_LANG),
)


def _char_spacing(style, twips: int) -> None:
    rpr = style.element.get_or_add_rPr()
    for old in rpr.findall(qn("w:spacing")):  # the built-in Title's, for one
        rpr.remove(old)
    rpr.insert_element_before(_w("spacing", val=twips), *AFTER_SPACING)


def _normal_style(doc) -> None:
    """三号 仿宋_GB2312 in Chinese, justified, 22 lines a page, 28 characters a line."""
    section = doc.sections[0]
    normal = doc.styles["Normal"]
    set_font(normal, BODY_FONT, size=SAN_HAO)
    _char_spacing(normal, body_spacing(section))
    language = _w("lang", val="en-US", eastAsia="zh-CN")
    normal.element.get_or_add_rPr().insert_element_before(language, *AFTER_LANG)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Twips(grid(section)[0])
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    # Off the character grid: see body_spacing.
    normal.element.get_or_add_pPr().insert_element_before(
        _w("snapToGrid", val=0), "w:spacing", "w:ind", "w:jc", "w:outlineLvl", "w:rPr"
    )
    for name in ("Title", "Footer"):
        _char_spacing(doc.styles[name], 0)


def _styles(doc) -> None:
    _normal_style(doc)
    line = Twips(grid(doc.sections[0])[0])
    for name, font, size in (
        ("Title", TITLE_FONT, ER_HAO),
        ("Heading 1", CHAPTER_FONT, SAN_HAO),
        ("Heading 2", PART_FONT, SAN_HAO),
    ):
        style = doc.styles[name]
        # 小标宋, 黑体 and 楷体 are drawn at their own weight: never bold.
        set_font(style, font, size=size, bold=False)
        style.font.italic = False
        style.font.color.rgb = None
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        style.paragraph_format.line_spacing = line if name != "Title" else Pt(36)
        style.paragraph_format.keep_with_next = True
        # The built-in headings draw a coloured bottom border on some themes.
        ppr = style.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def _page_number(paragraph, outside: str) -> None:
    """ "— N —" from a PAGE field, one character in from the outside edge."""
    paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, outside.upper())
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    setattr(fmt, f"{outside}_indent", SI_HAO)  # 右空一字 / 左空一字
    number = {"size": SI_HAO, "latin": NUMBER_FONT}
    set_font(paragraph.add_run("— "), NUMBER_FONT, **number)
    run = paragraph.add_run()
    set_font(run, NUMBER_FONT, **number)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    shown = OxmlElement("w:t")
    shown.text = "1"
    run._r.extend(
        [
            _w("fldChar", fldCharType="begin"),
            instr,
            _w("fldChar", fldCharType="separate"),
            shown,
            _w("fldChar", fldCharType="end"),
        ]
    )
    set_font(paragraph.add_run(" —"), NUMBER_FONT, **number)


def _page_number_footers(doc) -> None:
    """Odd pages number at the right, even pages at the left (GB/T 9704 7.5)."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    _page_number(section.footer.paragraphs[0], "right")
    _page_number(section.even_page_footer.paragraphs[0], "left")


def _first_line_indent(paragraph, advance: float) -> None:
    """Two characters: w:firstLineChars for Word, their width for the others."""
    paragraph.paragraph_format.first_line_indent = Twips(math.floor(advance * 40))
    ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
    ind.set(qn("w:firstLineChars"), "200")


def _add(doc, text, style=None, *, font=None, indent=False, align=None, bold=None):
    paragraph = doc.add_paragraph(style=style)
    run = paragraph.add_run(text)
    if font:
        set_font(run, font, bold=bold)
    if indent:
        _first_line_indent(paragraph, char_advance(doc.sections[0]))
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
    _font_table(doc)
    _page_number_footers(doc)
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
        elif block.kind == "speaker":
            _add(doc, block.text, font=PART_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
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
