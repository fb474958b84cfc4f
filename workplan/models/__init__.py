"""Key works under supervision and the committee's annual work plan.

A key work (重点工作) gathers the records of every app that concern it; a plan
item (计划项目) says what the committee means to do in a year and is carried out
by records, so that its progress is counted, never ticked by hand.

Every model of the app is imported here, so that Django finds them under the
`workplan` app label and `from workplan.models import ...` reaches them all.
"""

from .keyworks import KeyWork, KeyWorkQuerySet, PriorityLine
from .plans import PlanHeading, PlanItem, PlanItemQuerySet, WorkPlan

__all__ = [
    "KeyWork",
    "KeyWorkQuerySet",
    "PlanHeading",
    "PlanItem",
    "PlanItemQuerySet",
    "PriorityLine",
    "WorkPlan",
]
