"""Enumerations as the committee writes them: 一是…；二是…；三是…。

An enumeration is numbered only when it has two items or more: a single item
is written as it is, never as "一是" with no "二是" after it. The numbered
paragraphs of a part and the items listed in one sentence are numbered by
the same rule, with the same words.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

ENUMERATION = [
    gettext_lazy("First, "),
    gettext_lazy("Second, "),
    gettext_lazy("Third, "),
    gettext_lazy("Fourth, "),
    gettext_lazy("Fifth, "),
    gettext_lazy("Sixth, "),
    gettext_lazy("Seventh, "),
    gettext_lazy("Eighth, "),
    gettext_lazy("Ninth, "),
    gettext_lazy("Tenth, "),
]

# Punctuation an item may end with; the enumeration puts its own.
ITEM_END = "。；;，,.、 "


def ordinal_prefix(n: int) -> str:
    """The words before the n-th item (from 1): 一是, 二是… then (11), (12)…"""
    if 1 <= n <= len(ENUMERATION):
        return str(ENUMERATION[n - 1])
    return _("(%(n)s) ") % {"n": n}


def prefixes(count: int) -> list[str]:
    """The words before each of `count` items: none for a single item."""
    if count < 2:
        return [""] * count
    return [ordinal_prefix(n) for n in range(1, count + 1)]


def enumeration(items) -> str:
    """The items as one enumeration: "" for none, "A。" for one,
    "一是A；二是B；三是C。" for more."""
    items = [str(item).strip().rstrip(ITEM_END) for item in items]
    items = [item for item in items if item]
    if not items:
        return ""
    numbered = [
        prefix + item for prefix, item in zip(prefixes(len(items)), items, strict=True)
    ]
    return pgettext("enumeration", "; ").join(numbered) + pgettext("enumeration", ".")
