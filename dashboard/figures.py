"""What a dashboard shows: numbers against last year, charts and their tables."""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Metric:
    """One number this year against last year, with the records behind it."""

    key: str
    label: str
    value: int | Decimal | None
    previous: int | Decimal | None = None
    unit: str = ""
    link: str = ""

    @property
    def change(self):
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous

    def display(self, value=None) -> str:
        value = self.value if value is None else value
        if value is None:
            return "—"
        return f"{value}{self.unit}"

    def display_previous(self) -> str:
        return self.display(self.previous) if self.previous is not None else "—"


@dataclass
class Row:
    label: str
    value: int
    link: str = ""
    extra: list = field(default_factory=list)


@dataclass
class Series:
    """A chart and the table beside it: one bar per row."""

    key: str
    title: str
    rows: list[Row]
    value_label: str = ""
    extra_labels: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(r.value for r in self.rows)

    @property
    def bars(self):
        """(row, length in % of the largest) for the bar chart."""
        top = max((r.value for r in self.rows), default=0) or 1
        return [(row, round(100 * row.value / top, 1)) for row in self.rows]


@dataclass
class Dashboard:
    year: int
    community: object = None
    deputy: object = None
    metrics: list[Metric] = field(default_factory=list)
    report: list[Metric] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)


def tenths(value) -> Decimal:
    """One decimal place, none when whole: 98.6, 100 (never 1E+2)."""
    rounded = Decimal(str(value)).quantize(Decimal("0.1"))
    return rounded.quantize(Decimal(1)) if rounded == rounded.to_integral() else rounded


def percent(part, whole) -> Decimal | None:
    return tenths(100 * part / whole) if whole else None


def average(values) -> Decimal | None:
    values = list(values)
    return tenths(sum(values) / len(values)) if values else None
