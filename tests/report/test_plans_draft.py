"""三 drafted without next year's plan: from this year's unfinished plan items
and the key works going on, else from the year's parts."""

import pytest

from report.sections import workplan
from tests.deputies.factories import DutyActivityFactory
from tests.workplan.factories import (
    KeyWorkFactory,
    PlanHeadingFactory,
    PlanItemFactory,
    WorkPlanFactory,
)

from .conftest import day
from .problem_records import YEAR, drafted, plan

pytestmark = pytest.mark.django_db


# 三 without next year's plan.


def test_section_three_is_next_years_plan_when_there_is_one(db):
    plan(YEAR, 0, 1)
    plan(YEAR + 1, 0, 1, title="明年计划项目")
    text = drafted()["plans"]
    assert text == workplan.plan_text(YEAR + 1)
    assert "明年计划项目1" in text and "继续推进" not in text


def test_without_next_years_plan_the_unfinished_items_are_carried_on(db):
    study = PlanHeadingFactory(name="学习培训", ordering=1)
    watch = PlanHeadingFactory(name="监督", ordering=2)
    plan(YEAR, 1, 1, heading=study, title="专题学习")
    plan(YEAR, 0, 1, heading=watch, title="执法检查")
    partly = PlanItemFactory(
        plan=WorkPlanFactory(year=YEAR),
        heading=watch,
        title="走访选民",
        target_count=3,
        ordering=9,
    )
    partly.activities.add(DutyActivityFactory(date=day(4)))
    # Next year's plan without items is no plan to write 三 from.
    WorkPlanFactory(year=YEAR + 1)
    lines = drafted()["plans"].splitlines()
    assert lines == [
        "2017年，工委将在今年工作的基础上，继续抓好以下工作：",
        "（一）学习培训",
        "继续推进专题学习2（牵头：街人大工委；今年尚未开展）。",
        "（二）监督",
        "继续推进执法检查1（牵头：街人大工委；今年尚未开展）。",
        "继续推进走访选民（牵头：街人大工委；今年计划3次，已完成1次）。",
    ]
    assert "专题学习1" not in "\n".join(lines)


def test_without_next_years_plan_the_key_works_going_on_are_followed(db):
    KeyWorkFactory(title="示例湖泊治理", start_year=YEAR, end_year=None, ordering=1)
    KeyWorkFactory(
        title="示例旧城改造", start_year=YEAR - 1, end_year=YEAR + 2, ordering=2
    )
    KeyWorkFactory(title="今年结束的工作", start_year=YEAR, end_year=YEAR)
    text = drafted()["plans"]
    # One group only: no sub-heading （一） without （二）.
    assert text == (
        "2017年，工委将在今年工作的基础上，继续抓好以下工作：\n"
        "继续围绕示例湖泊治理、示例旧城改造开展跟踪监督，组织代表参与视察、调研和座谈。"
    )


def test_unfinished_items_and_key_works_make_two_groups(db):
    plan(YEAR, 0, 1)
    KeyWorkFactory(title="示例湖泊治理", start_year=YEAR, end_year=None)
    lines = drafted()["plans"].splitlines()
    assert lines[1] == "（一）示例栏目"
    assert lines[3] == "（二）重点工作"


def test_with_nothing_to_carry_on_section_three_builds_on_the_years_parts(
    factory_year,
):
    plan(YEAR, 1, 0)
    text = drafted()["plans"]
    assert text == (
        "2017年，工委将在今年工作的基础上，继续发挥2个社区代表接待站的作用，"
        "坚持组织代表进站接待选民，做好代表建议和群众意见的收集、交办和督办，"
        "组织代表开展学习培训，加强代表履职宣传。"
    )
