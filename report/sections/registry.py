"""A section provider's figures and paragraphs, each made by a function of its own.

A module of a provider keeps a `Section` and registers its functions on it:

- ``@section.figure("app.key", ...)``: a function of the provider's records of
  the year returning the Figure of that key, or the few Figures one aggregate
  query gives (keys such as ``publicity.accepted.*`` stand for keys named after
  records);
- ``@section.paragraph``: a function of the year and every provider's figures
  returning a Paragraph, several, or None when there is nothing to write.

A `Provider` runs the functions of its sections in report order on one
records object per year, so that each aggregate query runs once however many
figures it gives, and each function can also be called alone.
"""

from collections.abc import Callable, Iterable

from ..figures import Figure, Paragraph

# Every section made, so that a test can check each belongs to a provider.
SECTIONS: list["Section"] = []


class Section:
    """The registered figure and paragraph functions of one module, in order."""

    def __init__(self, name: str):
        self.name = name
        self.figure_functions: list[Callable] = []
        self.paragraph_functions: list[Callable] = []
        SECTIONS.append(self)

    def __repr__(self) -> str:
        return f"Section({self.name!r})"

    def figure(self, *keys: str) -> Callable:
        """Register a figure function for the figures of these keys."""

        def register(function: Callable) -> Callable:
            function.figure_keys = keys
            self.figure_functions.append(function)
            return function

        return register

    def paragraph(self, function: Callable) -> Callable:
        """Register a paragraph function."""
        self.paragraph_functions.append(function)
        return function


def _as_list(result) -> list:
    if result is None:
        return []
    if isinstance(result, Figure | Paragraph):
        return [result]
    return list(result)


class Provider:
    """A provider's ``figures(year)`` and ``paragraphs(year, figures)``.

    `records` makes the records object of a year that figure functions read;
    the figures come in the order of `sections`, the paragraphs in the order
    of `paragraph_sections` (the same unless given).
    """

    def __init__(
        self,
        records: Callable,
        sections: Iterable[Section],
        paragraph_sections: Iterable[Section] | None = None,
    ):
        self.records = records
        self.sections = list(sections)
        self.paragraph_sections = list(
            self.sections if paragraph_sections is None else paragraph_sections
        )

    def figure_functions(self) -> list[Callable]:
        return [f for section in self.sections for f in section.figure_functions]

    def paragraph_functions(self) -> list[Callable]:
        return [
            f
            for section in self.paragraph_sections
            for f in section.paragraph_functions
        ]

    def figures(self, year: int) -> dict[str, Figure]:
        records = self.records(year)
        return {
            figure.key: figure
            for function in self.figure_functions()
            for figure in _as_list(function(records))
        }

    def paragraphs(self, year: int, figures: dict[str, Figure]) -> list[Paragraph]:
        return [
            paragraph
            for function in self.paragraph_functions()
            for paragraph in _as_list(function(year, figures))
        ]


class YearRecords:
    """The records of a year for providers whose figures need only the year."""

    def __init__(self, year: int):
        self.year = year


def has(figures: dict[str, Figure], key: str) -> bool:
    """The figure is there and not empty (zero, no names or no rate)."""
    return key in figures and not figures[key].is_empty


def filled(figures: dict[str, Figure], key: str) -> bool:
    """The provider's own figure is not empty; it must be there."""
    return not figures[key].is_empty
