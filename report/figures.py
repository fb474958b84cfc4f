"""What a figure of the work report is, and how a paragraph refers to one.

A figure is a value computed from the records (a count, a rate or a list of
names) with the label staff read in the editor and the address of the admin list
of the records behind it. Paragraph text refers to figures by key with markers
such as ``[[reception.stations_upgraded]]``, so that an edited paragraph still
shows the figure of the report's snapshot and links to its records.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse

MARKER = re.compile(r"\[\[([a-z0-9_.]+)\]\]")
LIST_SEPARATOR = "、"


def marker(key: str) -> str:
    return f"[[{key}]]"


def changelist(model_label: str, **filters) -> str:
    """The admin changelist of app_label.model, filtered by lookups such as
    ``date__year=2018``; lists are joined by commas for ``__in`` lookups."""
    app_label, model_name = model_label.lower().split(".")
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    params = {
        k: ",".join(str(i) for i in v) if isinstance(v, list | tuple | set) else v
        for k, v in filters.items()
    }
    return f"{url}?{urlencode(sorted(params.items()))}" if params else url


def _as_percent(value) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.1")).normalize()


@dataclass(frozen=True)
class Figure:
    """One number (or list of names) of the report, with where it comes from."""

    key: str
    value: int | Decimal | list[str] | None
    label: str
    drilldown: str = ""
    unit: str = ""

    @classmethod
    def count(cls, key, value, label, drilldown="") -> "Figure":
        return cls(key, int(value or 0), str(label), drilldown)

    @classmethod
    def rate(cls, key, percent, label, drilldown="") -> "Figure":
        """A percentage; None when nothing was due (a rate of nothing is no rate)."""
        return cls(key, _as_percent(percent), str(label), drilldown, unit="%")

    @classmethod
    def names(cls, key, names, label, drilldown="") -> "Figure":
        return cls(key, [str(n) for n in names], str(label), drilldown)

    @property
    def kind(self) -> str:
        if isinstance(self.value, list):
            return "list"
        if self.unit == "%":
            return "rate"
        return "count"

    @property
    def is_empty(self) -> bool:
        return self.value in (None, 0, [])

    @property
    def comparable(self) -> bool:
        """Counts and rates go in the year-over-year table; lists of names do not."""
        return self.kind != "list"

    def display(self) -> str:
        if self.value is None:
            return "—"
        if isinstance(self.value, list):
            return LIST_SEPARATOR.join(self.value)
        if isinstance(self.value, Decimal):
            return f"{self.value:f}{self.unit}"
        return f"{self.value}{self.unit}"

    def to_json(self) -> dict:
        value = self.value
        if isinstance(value, Decimal):
            value = f"{value:f}"
        return {
            "value": value,
            "label": self.label,
            "drilldown": self.drilldown,
            "unit": self.unit,
        }

    @classmethod
    def from_json(cls, key: str, data: dict) -> "Figure":
        value = data.get("value")
        unit = data.get("unit", "")
        if unit == "%" and value is not None:
            value = Decimal(value)
        return cls(key, value, data.get("label", key), data.get("drilldown", ""), unit)


def figures_to_json(figures: dict[str, Figure]) -> dict:
    return {key: figure.to_json() for key, figure in figures.items()}


def figures_from_json(data: dict) -> dict[str, Figure]:
    return {key: Figure.from_json(key, value) for key, value in (data or {}).items()}


@dataclass
class Paragraph:
    """A paragraph of the report, in the part of the structure it belongs to.

    `numbered` paragraphs of a part are prefixed 一是、二是… in their order when
    the draft is generated, as the committee lists its activities.
    """

    key: str
    part: str
    text: str
    order: int = 0
    numbered: bool = False

    def to_json(self) -> dict:
        return {"key": self.key, "part": self.part, "text": self.text}


def referenced_keys(text: str) -> list[str]:
    return MARKER.findall(text or "")


def split_segments(text: str) -> list[tuple[str, str]]:
    """[("text", "..."), ("figure", key), ...] in reading order."""
    segments = []
    pos = 0
    for match in MARKER.finditer(text or ""):
        if match.start() > pos:
            segments.append(("text", text[pos : match.start()]))
        segments.append(("figure", match.group(1)))
        pos = match.end()
    if pos < len(text or ""):
        segments.append(("text", text[pos:]))
    return segments


def plain_text(text: str, figures: dict[str, Figure]) -> str:
    """The paragraph with every marker replaced by the figure's value."""
    return "".join(
        value if kind == "text" else _figure_text(value, figures)
        for kind, value in split_segments(text)
    )


def _figure_text(key: str, figures: dict[str, Figure]) -> str:
    figure = figures.get(key)
    return figure.display() if figure else marker(key)


# Beyond this many records a drill-down lists the filtered superset instead of
# naming each record, so that the link stays a link.
MAX_IDS_IN_LINK = 300


def changelist_ids(model_label: str, ids, **superset) -> str:
    """The admin list of exactly these records (none: no link).

    For sets the admin cannot filter on (such as "followed up"), the records
    are named by id; very large sets fall back to the `superset` filters.
    `ids` may be a queryset of primary keys (``values_list("pk", flat=True)``):
    only enough of them to choose are read, whatever the size of the set.
    """
    if isinstance(ids, QuerySet):
        ids = ids.order_by().distinct()[: MAX_IDS_IN_LINK + 1]
    ids = sorted(set(ids))
    if not ids:
        return ""
    if len(ids) <= MAX_IDS_IN_LINK:
        return changelist(model_label, id__in=ids)
    return changelist(model_label, **superset)
