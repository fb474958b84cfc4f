"""Checking a report file against GB/T 9704-2012: what `check_report` runs.

A file is read as lines of text with their fonts; each line of the main text
(from the title to the appendix) gets a role from its place and its numbering:
the title, the lines before the salutation (the meeting and the speaker), the
level-1 (一、), level-2 (（一）) and level-3 (1.) headings, and the body. The
rules are those of the standard: title 2号 小标宋, body 3号 仿宋, level-1
headings 黑体, level-2 楷体, level-3 仿宋 bold; 22 lines of 28 characters;
page numbers 4号 with a dash each side, odd pages at the right and even pages
at the left, one character in from the edge of the text block.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import pgettext_lazy

TITLE, FRONT, LEVEL1, LEVEL2, LEVEL3, BODY = (
    "title",
    "front",
    "level1",
    "level2",
    "level3",
    "body",
)
ROLE_NAMES = {
    TITLE: pgettext_lazy("typesetting role", "title"),
    FRONT: pgettext_lazy("typesetting role", "lines before the salutation"),
    LEVEL1: pgettext_lazy("typesetting role", "level-1 headings"),
    LEVEL2: pgettext_lazy("typesetting role", "level-2 headings"),
    LEVEL3: pgettext_lazy("typesetting role", "level-3 headings"),
    BODY: pgettext_lazy("typesetting role", "body"),
}
# Sizes in points: 二号, 三号, 四号.
SIZES = {TITLE: 22.0, FRONT: 16.0, LEVEL1: 16.0, LEVEL2: 16.0, LEVEL3: 16.0, BODY: 16.0}
NUMBER_SIZE = 14.0
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

# The faces of each style, as Word names them and as a PDF embeds them
# (compared lower case, without spaces, hyphens or underscores). The PDF may
# embed an open face of the same style where the GB fonts are not free.
SONG = ("方正小标宋", "小标宋", "fzxiaobiaosong", "fzxbs", "notoserifcjk", "fandolsong")
FANG = ("仿宋", "fangsong", "fandolfang", "fzfangsong")
HEI = ("黑体", "simhei", "heiti", "fandolhei", "notosanscjk", "sourcehansans")
KAI = ("楷体", "kaiti", "fandolkai", "arplukai", "ukai", "lxgwwenkai", "stkaiti")
XIAOBIAOSONG = ("方正小标宋", "小标宋", "fzxiaobiaosong", "fzxbs")
FACES = {
    TITLE: SONG,
    FRONT: KAI + FANG,
    LEVEL1: HEI,
    LEVEL2: KAI,
    LEVEL3: FANG,
    BODY: FANG,
}
# Faces known to stand in for a missing one: text in them fell back.
FALLBACKS = (
    "wenquanyi",
    "wqy",
    "dejavu",
    "droidsans",
    "liberation",
    "arial",
    "calibri",
)

LEVEL1_LINE = re.compile(r"^\s*[一二三四五六七八九十]+、")
LEVEL2_LINE = re.compile(r"^\s*[（(][一二三四五六七八九十]+[)）]")
LEVEL3_LINE = re.compile(r"^\s*\d+[.．]\s*\S")
APPENDIX_LINE = re.compile(r"^\s*附\s*件")
PAGE_NUMBER = re.compile(r"^\s*[—–-]\s*\d+\s*[—–-]\s*$")


def normalised(name: str) -> str:
    """A font's name without a PDF subset tag, lower case, no separators."""
    name = re.sub(r"^[A-Z]{6}\+", "", name or "")
    return re.sub(r"[\s_\-]", "", name).lower()


def face_of(name: str, faces) -> bool:
    plain = normalised(name)
    return any(face.lower() in plain for face in faces)


def fits(role: str, font: str, bold: bool) -> bool:
    """The font is of the role's style, at the weight the standard sets: a
    Song face stands for 小标宋 only in bold, level-3 headings are bold 仿宋,
    and nothing else is bold."""
    if not face_of(font, FACES[role]):
        return False
    if role == TITLE:
        return bold or face_of(font, XIAOBIAOSONG)
    return bold == (role == LEVEL3)


def is_fallback(name: str) -> bool:
    return not name or face_of(name, FALLBACKS)


def role_of(text: str, *, first: bool, before_salutation: bool) -> str:
    if first:
        return TITLE
    if before_salutation:
        return FRONT
    if LEVEL1_LINE.match(text):
        return LEVEL1
    if LEVEL2_LINE.match(text):
        return LEVEL2
    if LEVEL3_LINE.match(text) and len(text.strip()) <= 40:
        return LEVEL3
    return BODY


def is_salutation(text: str) -> bool:
    return text.rstrip().endswith(("：", ":"))


def width_in_characters(text: str) -> float:
    """Full-width characters count one, Latin letters and digits half."""
    return sum(0.5 if ord(ch) < 0x2E80 and ch not in "—“”‘’" else 1 for ch in text)


@dataclass
class Finding:
    """One rule checked: what was found, and whether it holds."""

    rule: str
    ok: bool
    detail: str


@dataclass
class Report:
    path: str
    findings: list[Finding] = field(default_factory=list)

    def add(self, rule, ok: bool, detail: str) -> None:
        self.findings.append(Finding(str(rule), ok, str(detail)))

    @property
    def ok(self) -> bool:
        return bool(self.findings) and all(f.ok for f in self.findings)


def check_file(path) -> Report:
    """The findings for a .docx or .pdf file (ValueError for anything else)."""
    from pathlib import Path

    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        from .docx_check import check_docx

        return check_docx(path)
    if suffix == ".pdf":
        from .pdf_check import check_pdf

        return check_pdf(path)
    raise ValueError(suffix)
