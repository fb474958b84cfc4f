"""The GB/T 9704 rules checked on a PDF, read with poppler's pdftohtml (its XML
gives every run of text with its page, position, size and embedded font)."""

import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from xml.etree import ElementTree

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

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
    width_in_characters,
)

ZOOM = 4  # pdftohtml's zoom: finer coordinates than its default
MM = 72 / 25.4
# GB/T 9704: A4, margins top 37, bottom 35, left 28, right 26 mm.
TEXT_LEFT, TEXT_RIGHT = 28 * MM, (210 - 26) * MM
TEXT_TOP, TEXT_BOTTOM = 37 * MM, (297 - 35) * MM


@dataclass
class Run:
    page: int
    top: float
    left: float
    width: float
    size: float
    font: str
    text: str
    bold: bool = False

    @property
    def right(self) -> float:
        return self.left + self.width


def read_runs(path) -> list[Run]:
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-stdout", "-q", "-zoom", str(ZOOM), str(path)],
        check=True,
        capture_output=True,
    ).stdout
    root = ElementTree.fromstring(xml)
    runs = []
    fonts = {}  # a font is declared on the first page that uses it
    for page in root.iter("page"):
        # Its units per point, from the page's width: the page is A4 (checked
        # by `_page_size` from its height).
        scale = float(page.get("width")) / (210 * MM)
        fonts.update(
            (spec.get("id"), (spec.get("family"), float(spec.get("size")) / scale))
            for spec in page.iter("fontspec")
        )
        for text in page.iter("text"):
            family, size = fonts[text.get("font")]
            content = "".join(text.itertext())
            if content.strip():
                runs.append(
                    Run(
                        int(page.get("number")),
                        float(text.get("top")) / scale,
                        float(text.get("left")) / scale,
                        float(text.get("width")) / scale,
                        size,
                        family,
                        content,
                        text.find("b") is not None,
                    )
                )
    return runs


def lines_of(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped into lines: same page, tops within a quarter of a line."""
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (r.page, r.top, r.left)):
        last = lines[-1][0] if lines else None
        if last and last.page == run.page and abs(last.top - run.top) < 4:
            lines[-1].append(run)
        else:
            lines.append([run])
    return lines


def check_pdf(path) -> Report:
    report = Report(str(path))
    lines = lines_of(read_runs(path))
    numbers = [line for line in lines if PAGE_NUMBER.match(_text(line))]
    main = _main_text([line for line in lines if line not in numbers])
    _fonts(report, main)
    _grid(report, main)
    _page_numbers(report, numbers)
    return report


def _text(line: list[Run]) -> str:
    return "".join(run.text for run in line)


def _main_text(lines):
    """(role, line) from the title to the appendix."""
    roles = []
    salutation_seen = False
    for index, line in enumerate(lines):
        text = _text(line)
        if APPENDIX_LINE.match(text):
            break
        role = role_of(text, first=index == 0, before_salutation=not salutation_seen)
        if index and not salutation_seen and is_salutation(text):
            salutation_seen, role = True, BODY
        roles.append((role, line))
    return roles


def _fonts(report: Report, main) -> None:
    by_role: dict[str, Counter] = {}
    wrong: dict[str, Counter] = {}
    fallback: Counter = Counter()
    for role, line in main:
        for run in line:
            used = by_role.setdefault(role, Counter())
            used[(run.font, round(run.size, 1))] += len(run.text)
            if is_fallback(run.font):
                fallback[run.font] += len(run.text)
            if not fits(role, run.font, run.bold) or abs(run.size - SIZES[role]) > 0.6:
                wrong.setdefault(role, Counter())[(run.font, round(run.size, 1))] += 1
    for role, used in by_role.items():
        name = ROLE_NAMES[role]
        seen = "、".join(f"{font} {size}pt" for (font, size), _n in used.most_common())
        bad = wrong.get(role)
        report.add(
            _("Font of the %(role)s") % {"role": name},
            not bad,
            seen
            if not bad
            else _("%(faces)s; expected %(size)s pt in a face of %(style)s")
            % {"faces": seen, "size": SIZES[role], "style": "/".join(FACES[role][:3])},
        )
    if TITLE not in by_role:
        report.add(_("Font of the %(role)s") % {"role": ROLE_NAMES[TITLE]}, False, "—")
    report.add(
        _("Text in a fallback font"),
        not fallback,
        "、".join(f"{font} ({n})" for font, n in fallback.most_common())
        or pgettext("fallback fonts", "none"),
    )


def _grid(report: Report, main) -> None:
    """The line pitch of body lines that follow each other on a page, and the
    characters of the lines that fill the text block's width."""
    body = [line for role, line in main if role == BODY]
    steps = Counter(
        round(b[0].top - a[0].top, 1)
        for a, b in zip(body, body[1:], strict=False)
        if a[0].page == b[0].page and 0 < b[0].top - a[0].top < 40
    )
    pitch = steps.most_common(1)[0][0] if steps else 0
    lines = int((TEXT_BOTTOM - TEXT_TOP + 0.5) // pitch) if pitch else 0
    report.add(
        _("Lines a page"),
        lines == LINES_PER_PAGE,
        _("%(n)s (line pitch %(pitch)s pt)") % {"n": lines, "pitch": pitch},
    )
    full = Counter(
        round(width_in_characters(_text(line)))
        for line in body
        if line[0].left < TEXT_LEFT + 4 and line[-1].right > TEXT_RIGHT - 8
    )
    chars = full.most_common(1)[0][0] if full else 0
    report.add(
        _("Characters a line"),
        chars == CHARS_PER_LINE,
        _("%(n)s (in %(lines)s full lines)") % {"n": chars, "lines": full.total()},
    )


def _page_numbers(report: Report, numbers) -> None:
    problems = []
    for line in numbers:
        run, text = line[0], _text(line)
        odd = run.page % 2 == 1
        edge = (TEXT_RIGHT - line[-1].right) if odd else (run.left - TEXT_LEFT)
        below = (run.top - TEXT_BOTTOM) / MM
        if not re.match(r"^—\s*\d+\s*—$", text.strip()):
            problems.append(
                _("page %(page)s: %(text)s") % {"page": run.page, "text": text}
            )
        if abs(edge - NUMBER_SIZE) > 4 or abs(run.size - NUMBER_SIZE) > 0.6:
            problems.append(
                _("page %(page)s: %(edge)s pt from the edge, %(size)s pt")
                % {"page": run.page, "edge": round(edge, 1), "size": round(run.size, 1)}
            )
        if not 4 <= below <= 9:
            problems.append(
                _("page %(page)s: %(mm)s mm under the text")
                % {"page": run.page, "mm": round(below, 1)}
            )
    pages = {line[0].page for line in numbers}
    report.add(
        _("Page numbers"),
        bool(numbers) and not problems,
        "；".join(problems[:6])
        or _(
            "%(n)s pages: — N — in 4号, odd pages at the right and even pages at "
            "the left, one character in"
        )
        % {"n": len(pages)},
    )
