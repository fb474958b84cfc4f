"""The plan in the work report: 三 of year N is N+1's plan; N+1 reports on it."""

import datetime

import pytest
from django.utils import translation

from deputies.models import DutyActivity
from report.figures import plain_text
from report.sections import workplan as report
from report.structure import PLANS, SPECIAL, TRAINING, is_subheading
from tests.deputies.factories import AttendanceFactory, DutyActivityFactory
from tests.publicity.factories import ArticleFactory
from tests.workplan.factories import (
    KeyWorkFactory,
    PlanHeadingFactory,
    PlanItemFactory,
    WorkPlanFactory,
)
from workplan.models import PlanHeading

pytestmark = pytest.mark.django_db

K = DutyActivity.Kind
YEAR = 2021


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


@pytest.fixture
def plan_2021():
    """A plan for 2021: two study items and one inspection, under two headings."""
    plan = WorkPlanFactory(year=YEAR, introduction="2021年，工委将继续加强监督。")
    study = PlanHeadingFactory(
        name="学习培训", report_part=PlanHeading.ReportPart.TRAINING
    )
    watch = PlanHeadingFactory(name="监督", report_part=PlanHeading.ReportPart.SPECIAL)
    PlanItemFactory(
        plan=plan,
        heading=study,
        title="专题学习宪法",
        description="组织代表专题学习宪法。",
        activity_kind=K.STUDY,
        match_rule=True,
        target_count=2,
        target_date=datetime.date(YEAR, 6, 30),
        ordering=1,
    )
    PlanItemFactory(
        plan=plan,
        heading=study,
        title="赴外地考察学习",
        activity_kind=K.TRAINING,
        match_rule=True,
        target_count=1,
        target_date=datetime.date(YEAR, 10, 31),
        ordering=2,
    )
    PlanItemFactory(
        plan=plan,
        heading=watch,
        title="《档案法》执法检查",
        activity_kind=K.LAW_INSPECTION,
        match_rule=True,
        keyword="档案法",
        target_count=1,
        target_date=datetime.date(YEAR, 12, 31),
    )
    return plan


def test_section_three_of_a_year_is_written_from_the_next_years_plan(plan_2021):
    text = report.plan_text(YEAR)
    lines = text.splitlines()
    assert lines[0] == "2021年，工委将继续加强监督。"
    assert lines[1] == "（一）学习培训" and is_subheading(lines[1])
    assert lines[2].startswith("组织代表专题学习宪法。（牵头：街人大工委")
    assert "完成时限：2021年6月" in lines[2]
    assert "（二）监督" in lines
    assert "《档案法》执法检查。（牵头" in text


def test_the_previous_years_report_ends_with_the_plan(plan_2021):
    paragraphs = report.paragraphs(YEAR - 1, report.figures(YEAR - 1))
    plans = [p for p in paragraphs if p.part == PLANS]
    assert [p.key for p in plans] == [PLANS]
    assert plans[0].text == report.plan_text(YEAR)


def test_without_a_next_years_plan_section_three_is_left_to_staff():
    paragraphs = report.paragraphs(YEAR - 1, report.figures(YEAR - 1))
    assert not [p for p in paragraphs if p.part == PLANS]


def test_the_following_years_report_opens_each_part_with_the_plans_completion(
    plan_2021,
):
    DutyActivityFactory(kind=K.STUDY, date=datetime.date(YEAR, 3, 1))
    DutyActivityFactory(kind=K.STUDY, date=datetime.date(YEAR, 5, 1))
    DutyActivityFactory(
        kind=K.LAW_INSPECTION,
        title="《消费者权益保护法》执法检查",
        law_inspected="《消费者权益保护法》",
        date=datetime.date(YEAR, 9, 1),
    )
    figures = report.figures(YEAR)
    assert figures["workplan.items"].value == 3
    assert figures["workplan.items_done"].value == 1
    assert str(figures["workplan.completion"].value) == "33.3"
    assert figures["workplan.training.items"].value == 2
    assert figures["workplan.training.done"].value == 1
    assert figures["workplan.special.done"].value == 0
    paragraphs = {p.key: p for p in report.paragraphs(YEAR, figures)}
    training = paragraphs["workplan.plan.training"]
    assert training.part == TRAINING and training.order < 0
    text = plain_text(training.text, figures)
    assert text.startswith("年初工作计划在这方面安排的2项工作，已完成1项")
    assert "专题学习宪法（已完成，计划2次，实际2次）" in text
    assert "赴外地考察学习（尚未完成，计划1次，实际0次）" in text
    special = plain_text(paragraphs["workplan.plan.special"].text, figures)
    assert "《档案法》执法检查（尚未完成，计划1次，实际0次）" in special


def test_completion_in_the_report_counts_records_up_to_the_end_of_its_year(plan_2021):
    DutyActivityFactory(kind=K.TRAINING, date=datetime.date(YEAR + 1, 1, 5))
    assert report.figures(YEAR)["workplan.items_done"].value == 0


def test_key_works_appear_with_what_the_deputies_did_on_each(zhang):
    key_work = KeyWorkFactory(title="示例湖泊治理", start_year=YEAR, end_year=YEAR)
    activity = DutyActivityFactory(
        kind=K.SYMPOSIUM, topics="示例湖泊治理", date=datetime.date(YEAR, 4, 1)
    )
    AttendanceFactory(activity=activity, deputy=zhang)
    key_work.activities.add(activity)
    key_work.articles.add(ArticleFactory(date=datetime.date(YEAR, 4, 2)))
    KeyWorkFactory(title="尚无记录的工作", start_year=YEAR, end_year=YEAR)
    figures = report.figures(YEAR)
    assert set(figures["workplan.key_works"].value) == {
        "示例湖泊治理",
        "尚无记录的工作",
    }
    paragraphs = {p.key: p for p in report.paragraphs(YEAR, figures)}
    text = paragraphs["workplan.key_works"].text
    assert paragraphs["workplan.key_works"].part == SPECIAL
    assert "示例湖泊治理（开展活动1次，代表参加1人次" in text
    assert "宣传报道1篇" in text
    assert "尚无记录的工作（暂无记录）" in text


def test_a_year_without_plan_or_key_works_adds_nothing_to_the_report():
    assert report.paragraphs(YEAR, report.figures(YEAR)) == []
    assert report.figures(YEAR)["workplan.completion"].value is None
