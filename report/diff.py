"""What changed between two versions, paragraph by paragraph.

Chinese text has no spaces between words, so the comparison is character by
character; every piece of text is escaped before it is wrapped in <del>/<ins>.
"""

from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


@dataclass
class ParagraphDiff:
    label: str
    html: SafeString
    changed: bool


def inline_diff(old: str, new: str) -> SafeString:
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    parts = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape(old[i1:i2]))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(old[i1:i2])}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(new[j1:j2])}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped above


def version_diff(old, new, labels: dict[str, str]) -> list[ParagraphDiff]:
    """Title, subtitle and each paragraph of `new` against `old` (or nothing)."""
    rows = [
        (_("Title"), old.title if old else "", new.title),
        (_("Subtitle"), old.subtitle if old else "", new.subtitle),
    ]
    old_texts = {p["key"]: p["text"] for p in (old.paragraphs if old else [])}
    for paragraph in new.paragraphs:
        key = paragraph["key"]
        rows.append((labels.get(key, key), old_texts.pop(key, ""), paragraph["text"]))
    for key, text in old_texts.items():
        rows.append((labels.get(key, key), text, ""))
    return [
        ParagraphDiff(label, inline_diff(before, after), before != after)
        for label, before, after in rows
    ]
