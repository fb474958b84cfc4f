"""The year-end report, as composed by the portal, carries the work plan."""

import datetime

import pytest
from django.core.management import call_command

from deputies.models import DutyActivity
from report.document import ReportDocument
from tests.deputies.factories import DutyActivityFactory
from tests.workplan.factories import (
    PlanHeadingFactory,
    PlanItemFactory,
    WorkPlanFactory,
)
from workplan.models import PlanHeading

pytestmark = pytest.mark.django_db

K = DutyActivity.Kind


def blocks_after(document, chapter_prefix):
    blocks = document.blocks()
    start = next(
        i
        for i, b in enumerate(blocks)
        if b.kind == "chapter" and b.text.startswith(chapter_prefix)
    )
    return blocks[start + 1 :]


def test_the_2018_report_ends_with_the_2019_plan_built_from_plan_items(db):
    call_command("load_demo")
    document = ReportDocument.from_records(2018)
    # Chapter 三 is followed only by the closing paragraph.
    plan = blocks_after(document, "三、")[:-1]
    texts = [b.text for b in plan]
    assert texts[0].startswith("2019年，人大紫阳街工委将在完成区人大要求的常规任务")
    subheadings = [b.text for b in plan if b.kind == "subheading"]
    assert subheadings == [
        "（一）政治理论学习",
        "（二）学习培训",
        "（三）监督",
        "（四）代表活动",
        "（五）自身建设",
    ]
    body = "".join(texts)
    for words in ("明伦片", "七军会", "《档案法》", "代表统一活动日", "述职"):
        assert words in body
    assert not any(b.placeholder for b in plan)
    assert texts[-1].startswith("提高政治站位，不断完善工作机制")
    assert "围绕监督的重点工作，代表们积极参与：红色物业" in document.plain_text()


def test_a_test_year_shows_its_plans_completion_in_the_following_years_report():
    plan = WorkPlanFactory(year=2021)
    PlanItemFactory(
        plan=plan,
        heading=PlanHeadingFactory(
            name="学习培训", report_part=PlanHeading.ReportPart.TRAINING
        ),
        title="组织代表集中学习",
        activity_kind=K.STUDY,
        match_rule=True,
        target_count=2,
        target_date=datetime.date(2021, 11, 30),
    )
    written = ReportDocument.from_records(2020).plain_text()
    assert "（一）学习培训" in written
    assert "组织代表集中学习。（牵头：街人大工委；完成时限：2021年11月）" in written

    DutyActivityFactory(kind=K.STUDY, date=datetime.date(2021, 3, 1))
    midway = ReportDocument.from_records(2021)
    assert "已完成0项：组织代表集中学习（尚未完成，计划2次，实际1次）" in (
        midway.plain_text()
    )
    DutyActivityFactory(kind=K.STUDY, date=datetime.date(2021, 9, 1))
    done = ReportDocument.from_records(2021)
    blocks = blocks_after(done, "一、")
    training = next(i for i, b in enumerate(blocks) if b.text.startswith("（二）"))
    opening = blocks[training + 1].text
    assert opening.startswith("年初工作计划在这方面安排的1项工作，已完成1项")
    assert "组织代表集中学习（已完成，计划2次，实际2次）" in opening
    assert done.figures["workplan.completion"].display() == "100%"
