"""The section providers of the work report, one module per app.

Each module (the portal's own here, or an app's ``report`` module) has
``figures(year) -> dict[str, Figure]``, computed with a bounded
number of aggregate queries, and ``paragraphs(year, figures) -> list[Paragraph]``,
which writes its part of the report from the figures of every provider.
"""

from importlib import import_module

# In the order of the apps; the report's own outline orders the paragraphs.
PROVIDERS = [
    "report.sections.general",
    "report.sections.deputies",
    "report.sections.reception",
    "report.sections.suggestions",
    "report.sections.publicity",
    # The work plan writes its own part: how the year's plan went, what was done
    # on the key works, and 三 (next year's plan) from next year's plan items,
    # or from this year's unfinished items and the key works going on.
    "report.sections.workplan",
    # 二 (the problems) from every provider's figures, for staff to edit.
    "report.sections.problems",
]


def providers():
    return [import_module(path) for path in PROVIDERS]
