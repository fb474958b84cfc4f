"""二、存在的问题 drafted from the records: each sentence in a year where its
condition holds and one where it does not; no placeholder in a generated report,
and finalising once staff have saved the drafts."""

import pytest
from django.core.exceptions import ValidationError

from report.builder import collect_figures
from report.document import ReportDocument
from report.sections import problems
from report.services import report_finalise, report_save_version
from suggestions.models import Suggestion
from tests.suggestions.factories import HandlingUnitFactory

from .problem_records import (
    INTRO_ONE,
    INTRO_SEVERAL,
    PLACEHOLDER,
    YEAR,
    articles,
    drafted,
    overdue_item,
    plan,
    stations,
    trips,
)
from .suggestion_stories import Plan, make_item

pytestmark = pytest.mark.django_db


# 二: each sentence exactly when its condition holds.


def test_overdue_items_are_stated_with_the_units_that_had_most_of_them(db):
    names = ["示例城管执法局", "示例房管局", "示例园林局", "示例交通大队"]
    for count, name in zip((4, 3, 2, 1), names, strict=True):
        unit = HandlingUnitFactory(name=name)
        for _ in range(count):
            overdue_item(unit)
    overdue_item(HandlingUnitFactory(name=names[0]), kind=Suggestion.Kind.SESSION)
    text = drafted()["problems"]
    assert text == (
        INTRO_ONE + "截至年底，仍有11条代表建议和群众意见超过办理期限尚未答复，"
        "主要涉及示例城管执法局、示例房管局、示例园林局等单位。"
    )


def test_overdue_items_of_few_units_name_them_all(db):
    overdue_item(HandlingUnitFactory(name="示例房管局"), kind=Suggestion.Kind.SESSION)
    overdue_item(HandlingUnitFactory(name="示例园林局"), kind=Suggestion.Kind.SESSION)
    text = drafted()["problems"]
    assert (
        # As many items each: by name.
        "截至年底，仍有2条代表建议超过办理期限尚未答复，涉及示例园林局、示例房管局"
        in text
    )
    assert "主要涉及" not in text and "等单位" not in text


def test_items_answered_on_time_are_no_problem(db):
    make_item(YEAR, Plan(month=3, answer="year"))
    text = drafted()["problems"]
    assert "超过办理期限尚未答复，" not in text
    assert text == "从全年工作记录看，年底没有超过办理期限尚未答复的事项。"


@pytest.mark.parametrize("score", ["unsatisfied", "basically"])
def test_answers_rated_not_satisfied_are_stated_with_the_rate(db, score):
    make_item(YEAR, Plan(month=12, answer="year", rating="satisfied"))
    make_item(YEAR, Plan(month=12, answer="year", rating=score))
    text = drafted()["problems"]
    if score == "unsatisfied":
        assert "居民对1次答复评价为不满意，满意率50%" in text
    else:
        assert "不满意" not in text.replace("没有不满意", "")
        assert "居民对答复的评价中没有不满意" in text


@pytest.mark.parametrize(("meeting", "short"), [(1, 1), (0, 2), (0, 1), (2, 0)])
def test_stations_short_of_the_standard_are_stated(db, meeting, short):
    stations(meeting, short)
    text = drafted()["problems"]
    expected = {
        (1, 1): "全街2个社区代表接待站中，还有1个未达到“八有”标准的全部要求",
        (0, 2): "全街2个社区代表接待站都还没有达到“八有”标准的全部要求",
        (0, 1): "全街1个社区代表接待站还没有达到“八有”标准的全部要求",
    }.get((meeting, short))
    if expected:
        assert text == INTRO_ONE + expected + "。"
    else:
        assert "未达到" not in text and "没有达到" not in text
        assert text == "从全年工作记录看，2个社区代表接待站全部达到“八有”标准。"


@pytest.mark.parametrize(("covered", "missing"), [(1, 2), (0, 2), (0, 1), (2, 0)])
def test_trips_without_reflections_are_stated(db, covered, missing):
    trips(covered, missing)
    text = drafted()["problems"]
    expected = {
        (1, 2): "代表参加的3次考察学习中，有2次没有提交书面心得体会",
        (0, 2): "代表参加的2次考察学习都没有提交书面心得体会",
        (0, 1): "代表参加的1次考察学习没有提交书面心得体会",
    }.get((covered, missing))
    if expected:
        assert text == INTRO_ONE + expected + "。"
    else:
        assert "没有提交" not in text
        assert text == "从全年工作记录看，每次考察学习都有书面心得体会。"


@pytest.mark.parametrize(("accepted", "refused"), [(1, 2), (0, 2), (1, 1)])
def test_a_low_acceptance_of_submissions_is_stated_with_the_rate(db, accepted, refused):
    articles(accepted, refused)
    text = drafted()["problems"]
    if accepted == 1 and refused == 2:
        assert "全年投稿3篇，被媒体录用1篇次，录用率仅为33.3%" in text
    elif not accepted:
        assert "全年投稿2篇，尚未被媒体录用" in text
    else:
        # Half of the submissions accepted is not a shortfall.
        assert "录用率" not in text and "尚未被媒体录用" not in text
        assert text == "从全年工作记录看，全年投稿2篇，被媒体录用1篇次。"


@pytest.mark.parametrize(("done", "left"), [(1, 2), (0, 2), (2, 0)])
def test_plan_items_not_carried_out_are_stated(db, done, left):
    plan(YEAR, done, left)
    text = drafted()["problems"]
    if done and left:
        assert "年度工作计划3项工作中，完成1项，还有2项未完成" in text
    elif left:
        assert "年度工作计划所列2项工作尚未完成" in text
    else:
        assert "未完成" not in text
        assert text == "从全年工作记录看，年度工作计划2项工作全部完成。"


def test_several_problems_are_enumerated_in_report_order(db):
    stations(1, 1)
    trips(0, 1)
    plan(YEAR, 0, 1)
    text = drafted()["problems"]
    assert text == (
        INTRO_SEVERAL
        + "一是全街2个社区代表接待站中，还有1个未达到“八有”标准的全部要求；"
        "二是代表参加的1次考察学习没有提交书面心得体会；"
        "三是年度工作计划所列1项工作尚未完成。"
    )


def test_a_single_problem_is_not_numbered(factory_year):
    text = drafted()["problems"]
    assert text.startswith(INTRO_ONE)
    assert "一是" not in text and "还有1个未达到" in text


def test_a_year_without_records_says_so(db):
    texts = drafted(2009)
    assert texts["problems"] == "本年度尚无工作记录。"
    assert texts["plans"] == "2010年，工委将在今年工作的基础上，做好街道人大各项工作。"


def test_the_problems_refer_to_the_figures_by_marker(db):
    stations(1, 1)
    overdue_item(HandlingUnitFactory(name="示例房管局"))
    figures = collect_figures(YEAR)
    text = problems.problems_text(YEAR, figures)
    assert "[[suggestions.items_overdue]]" in text
    assert "[[reception.stations]]" in text


# The placeholder and finalising.


def test_only_a_part_staff_emptied_waits_for_the_committee(draft, staff_user):
    assert (
        PLACEHOLDER
        not in ReportDocument.for_version(draft.latest_version()).plain_text()
    )
    version = report_save_version(
        report=draft,
        user=staff_user,
        title="标题",
        texts={"problems": ""},
    )
    text = ReportDocument.for_version(version).plain_text()
    assert text.count(PLACEHOLDER) == 1
    assert text.index(PLACEHOLDER) < text.index("三、2017年工作思路")


def test_finalising_needs_the_drafts_saved_by_a_person(draft, staff_user):
    version = draft.latest_version()
    assert version.text_of("problems") and version.text_of("plans")
    with pytest.raises(ValidationError, match="审阅"):
        report_finalise(report=draft, user=staff_user)
    report_save_version(report=draft, user=None, title="标题", texts={})
    with pytest.raises(ValidationError, match="存在的问题"):
        report_finalise(report=draft, user=staff_user)
    report_save_version(report=draft, user=staff_user, title="标题", texts={})
    assert report_finalise(report=draft, user=staff_user).is_final
