"""The GB/T 9704 rules checked on a Word document: the fonts each paragraph's
text resolves to (run, paragraph style and the styles it is based on, the
document defaults), the section's document grid, and the page-number footers."""

import math

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Emu

from . import (
    APPENDIX_LINE,
    BODY,
    CHARS_PER_LINE,
    FACES,
    LINES_PER_PAGE,
    NUMBER_SIZE,
    PAGE_NUMBER,
    ROLE_NAMES,
    SIZES,
    TITLE,
    Report,
    fits,
    is_fallback,
    is_salutation,
    role_of,
)


class Styles:
    """A property of a run as Word resolves it: the run's own, else its
    paragraph style's and the styles that one is based on, else the defaults."""

    def __init__(self, doc):
        self.by_id = {s.style_id: s.element for s in doc.styles}
        defaults = doc.styles.element.find(qn("w:docDefaults"))
        self.default = (
            defaults.find(qn("w:rPrDefault")) if defaults is not None else None
        )
        self.normal = next(
            (
                s.element
                for s in doc.styles
                if s.type == 1 and s.element.get(qn("w:default")) == "1"
            ),
            None,
        )

    def chain(self, paragraph):
        style = (
            paragraph._p.pPr.pStyle.val
            if paragraph._p.pPr is not None and paragraph._p.pPr.pStyle is not None
            else None
        )
        element = self.by_id.get(style) if style else self.normal
        seen = set()
        while element is not None and id(element) not in seen:
            seen.add(id(element))
            yield element.find(qn("w:rPr"))
            based = element.find(qn("w:basedOn"))
            element = (
                self.by_id.get(based.get(qn("w:val"))) if based is not None else None
            )
        if self.default is not None:
            yield self.default.find(qn("w:rPr"))

    def resolve(self, run, paragraph, tag: str):
        for rpr in [run._r.rPr, *self.chain(paragraph)]:
            if rpr is None:
                continue
            found = rpr.find(qn(tag))
            if found is not None:
                return found
        return None

    def east_asian_font(self, run, paragraph) -> str:
        fonts = self.resolve(run, paragraph, "w:rFonts")
        if fonts is None:
            return ""
        # A theme font is Word's default: no GB face was named.
        return fonts.get(qn("w:eastAsia")) or ""

    def size(self, run, paragraph) -> float:
        size = self.resolve(run, paragraph, "w:sz")
        return int(size.get(qn("w:val"))) / 2 if size is not None else 10.0

    def bold(self, run, paragraph) -> bool:
        bold = self.resolve(run, paragraph, "w:b")
        return bold is not None and bold.get(qn("w:val"), "1") not in ("0", "false")


def check_docx(path) -> Report:
    report = Report(str(path))
    doc = Document(str(path))
    _fonts(report, doc)
    _grid(report, doc)
    _page_numbers(report, doc)
    return report


def _main_paragraphs(doc):
    roles, salutation_seen, first = [], False, True
    for paragraph in doc.paragraphs:
        text = paragraph.text
        if not text.strip():
            continue
        if APPENDIX_LINE.match(text):
            break
        role = role_of(text, first=first, before_salutation=not salutation_seen)
        if not first and not salutation_seen and is_salutation(text):
            salutation_seen, role = True, BODY
        first = False
        roles.append((role, paragraph))
    return roles


def _fonts(report: Report, doc) -> None:
    styles = Styles(doc)
    used: dict[str, dict] = {}
    wrong: dict[str, set] = {}
    fallback: dict[str, int] = {}
    for role, paragraph in _main_paragraphs(doc):
        for run in paragraph.runs:
            if not run.text.strip():
                continue
            font = styles.east_asian_font(run, paragraph)
            size = styles.size(run, paragraph)
            bold = styles.bold(run, paragraph)
            key = f"{font or '—'} {size:g}pt" + (" bold" if bold else "")
            used.setdefault(role, {}).setdefault(key, 0)
            used[role][key] += len(run.text)
            if is_fallback(font):
                name = font or _("the theme's font")
                fallback[name] = fallback.get(name, 0) + 1
            if not fits(role, font, bold) or abs(size - SIZES[role]) > 0.1:
                wrong.setdefault(role, set()).add(key)
    for role, keys in used.items():
        seen = "、".join(keys)
        bad = wrong.get(role)
        report.add(
            _("Font of the %(role)s") % {"role": ROLE_NAMES[role]},
            not bad,
            seen
            if not bad
            else _("%(faces)s; expected %(size)s pt in a face of %(style)s")
            % {"faces": seen, "size": SIZES[role], "style": "/".join(FACES[role][:3])},
        )
    if TITLE not in used:
        report.add(_("Font of the %(role)s") % {"role": ROLE_NAMES[TITLE]}, False, "—")
    report.add(
        _("Text in a fallback font"),
        not fallback,
        "、".join(f"{font} ({n})" for font, n in fallback.items())
        or pgettext("fallback fonts", "none"),
    )


def _grid(report: Report, doc) -> None:
    """The section's docGrid: lines from its line pitch, characters from its
    character pitch (the Normal size plus charSpace/4096 pt, ECMA-376 17.6.5)."""
    section = doc.sections[0]
    grid = section._sectPr.find(qn("w:docGrid"))
    height = Emu(section.page_height - section.top_margin - section.bottom_margin)
    width = Emu(section.page_width - section.left_margin - section.right_margin).pt
    kind = grid.get(qn("w:type")) if grid is not None else None
    pitch = int(grid.get(qn("w:linePitch"), 0)) if grid is not None else 0
    lines = height.twips // pitch if pitch else 0
    report.add(
        _("Lines a page"),
        kind in ("lines", "linesAndChars", "snapToChars") and lines == LINES_PER_PAGE,
        _("%(n)s (line pitch %(pitch)s pt)") % {"n": lines, "pitch": pitch / 20},
    )
    chars = 0
    if kind in ("linesAndChars", "snapToChars"):
        space = int(grid.get(qn("w:charSpace"), 0))
        chars = math.floor(width / (SIZES[BODY] + space / 4096) + 1e-6)
    body = _body_characters(doc, width)
    report.add(
        _("Characters a line"),
        chars == CHARS_PER_LINE and body in (None, CHARS_PER_LINE),
        _("%(n)s (document grid %(kind)s)") % {"n": chars, "kind": kind or "—"}
        if body is None
        else _("%(n)s (document grid %(kind)s), %(body)s in the body off the grid")
        % {"n": chars, "kind": kind or "—", "body": body},
    )


def _body_characters(doc, width: float) -> int | None:
    """Where the Normal style leaves the grid (w:snapToGrid off), the body's
    characters a line from its size and character spacing; else None."""
    normal = doc.styles["Normal"].element
    ppr = normal.find(qn("w:pPr"))
    snap = ppr.find(qn("w:snapToGrid")) if ppr is not None else None
    if snap is None or snap.get(qn("w:val")) not in ("0", "false"):
        return None
    rpr = normal.find(qn("w:rPr"))
    spacing = rpr.find(qn("w:spacing")) if rpr is not None else None
    condensed = int(spacing.get(qn("w:val"))) / 20 if spacing is not None else 0
    size = rpr.find(qn("w:sz")) if rpr is not None else None
    points = int(size.get(qn("w:val"))) / 2 if size is not None else SIZES[BODY]
    return math.floor(width / (points + condensed) + 1e-6)


def _footer_number(footer, outside: str) -> list[str]:
    """What is wrong with a footer's page number, if anything."""
    paragraphs = [p for p in footer.paragraphs if p.text.strip() or "PAGE" in p._p.xml]
    if not paragraphs:
        return [_("no page number")]
    paragraph = paragraphs[0]
    problems = []
    if "PAGE" not in paragraph._p.xml or not PAGE_NUMBER.match(paragraph.text):
        problems.append(
            _("not — N — from a PAGE field: %(text)s") % {"text": paragraph.text}
        )
    alignment = paragraph.paragraph_format.alignment
    if alignment is None or alignment.name.lower() != outside:
        problems.append(
            _("not at the right") if outside == "right" else _("not at the left")
        )
    indent = getattr(paragraph.paragraph_format, f"{outside}_indent")
    if indent is None or abs(indent.pt - NUMBER_SIZE) > 2:
        problems.append(_("not one character in from the edge"))
    sizes = {run.font.size.pt for run in paragraph.runs if run.font.size}
    if sizes != {NUMBER_SIZE}:
        problems.append(_("not in 4号"))
    return problems


def _page_numbers(report: Report, doc) -> None:
    section = doc.sections[0]
    problems = []
    if not doc.settings.odd_and_even_pages_header_footer:
        problems.append(_("odd and even pages share one footer"))
    for footer, side, name in (
        (section.footer, "right", _("odd pages")),
        (section.even_page_footer, "left", _("even pages")),
    ):
        problems += [f"{name}: {p}" for p in _footer_number(footer, side)]
    report.add(
        _("Page numbers"),
        not problems,
        "；".join(problems)
        or _(
            "— N — in 4号, odd pages at the right and even pages at the left, "
            "one character in"
        ),
    )
