"""The fixed outline of the work report, as the committee writes it every year.

一、主要工作完成情况 in five parts, 二、存在的问题 and 三、next year's 工作思路,
between an opening and a closing paragraph. Providers put their paragraphs into
the parts by key; staff write the problems and the plans in the editor.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from core.outline import (
    CHANNELS,
    CLOSING,
    OPENING,
    PLANS,
    PLATFORM,
    PROBLEMS,
    PUBLICITY,
    SPECIAL,
    TRAINING,
)

# Parts whose text staff write themselves, several paragraphs in one field.
FREE_TEXT_PARTS = (PROBLEMS, PLANS)

# 一是、二是… for the numbered activities of a part.
ORDINALS = "一二三四五六七八九十"

# A line such as "（一）代表履职能力有待提高" in free text is a sub-heading.
SUBHEADING = re.compile(r"^\s*[(\uff08][一二三四五六七八九十]+[)\uff09]\S.{0,38}$")


@dataclass(frozen=True)
class Part:
    key: str
    heading: object = None  # lazy translation, or None


@dataclass(frozen=True)
class Chapter:
    key: str
    heading: object
    parts: tuple


CHAPTERS = (
    Chapter("opening", None, (Part(OPENING),)),
    Chapter(
        "work",
        _("I. Main work done and its highlights"),
        (
            Part(PLATFORM, _("(1) Better facilities, a stronger platform")),
            Part(TRAINING, _("(2) More study and training, abler deputies")),
            Part(SPECIAL, _("(3) Solid special activities, deputies motivated")),
            Part(CHANNELS, _("(4) New ways of contact, wider channels")),
            Part(PUBLICITY, _("(5) More publicity, deputies' work made visible")),
        ),
    ),
    Chapter("problems", _("II. Problems"), (Part(PROBLEMS),)),
    Chapter("plans", _("III. Work plan for %(next_year)s"), (Part(PLANS),)),
    Chapter("closing", None, (Part(CLOSING),)),
)

PART_ORDER = [part.key for chapter in CHAPTERS for part in chapter.parts]


def is_subheading(line: str) -> bool:
    stripped = line.strip()
    return bool(SUBHEADING.match(stripped)) and not stripped.endswith(("。", "."))


def ordinal(n: int) -> str:
    """1 -> 一, 10 -> 十; the report never lists more than ten items in a part."""
    return ORDINALS[n - 1] if 1 <= n <= len(ORDINALS) else str(n)


PART_NAMES = {
    OPENING: _("Opening"),
    PROBLEMS: _("II. Problems"),
    PLANS: _("III. Next year's work plan"),
    CLOSING: _("Closing"),
    **{
        part.key: part.heading
        for chapter in CHAPTERS
        for part in chapter.parts
        if part.heading
    },
}


def paragraph_labels(paragraphs: list[dict]) -> dict[str, str]:
    """A name for each paragraph of a version, such as "(一)…, paragraph 2"."""
    counts: dict[str, int] = {}
    totals: dict[str, int] = {}
    for paragraph in paragraphs:
        totals[paragraph["part"]] = totals.get(paragraph["part"], 0) + 1
    labels = {}
    for paragraph in paragraphs:
        part = paragraph["part"]
        counts[part] = counts.get(part, 0) + 1
        name = str(PART_NAMES.get(part, part))
        labels[paragraph["key"]] = (
            name
            if totals[part] == 1
            else str(_("%(part)s, paragraph %(n)s")) % {"part": name, "n": counts[part]}
        )
    return labels
