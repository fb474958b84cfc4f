"""Progress of plan items is counted from the records, never ticked by hand."""

import datetime

import pytest

from deputies.models import DutyActivity
from tests.deputies.factories import DutyActivityFactory, DutyReportFactory
from tests.publicity.factories import ArticleFactory
from tests.workplan.factories import PlanItemFactory, WorkPlanFactory
from workplan.models import PlanItem
from workplan.selectors import attach_progress, behind_schedule, plan_items

pytestmark = pytest.mark.django_db

K = DutyActivity.Kind
M = PlanItem.Measure
TODAY = datetime.date(2022, 3, 1)


def progress_of(item, today=TODAY):
    return attach_progress([PlanItem.objects.get(pk=item.pk)], today=today)[0].progress


def test_progress_changes_when_a_record_carrying_the_item_out_is_added():
    item = PlanItemFactory(
        measure=M.ACTIVITIES, activity_kind=K.SYMPOSIUM, match_rule=True, target_count=2
    )
    assert progress_of(item).done == 0
    DutyActivityFactory(kind=K.SYMPOSIUM, date=datetime.date(2021, 4, 1), topics="甲")
    assert progress_of(item).done == 1
    assert not progress_of(item).is_done
    DutyActivityFactory(kind=K.SYMPOSIUM, date=datetime.date(2021, 9, 1), topics="乙")
    assert progress_of(item).done == 2
    assert progress_of(item).is_done


def test_the_rule_ignores_other_kinds_other_years_and_future_records():
    item = PlanItemFactory(
        measure=M.ACTIVITIES, activity_kind=K.SYMPOSIUM, match_rule=True
    )
    DutyActivityFactory(kind=K.STUDY, date=datetime.date(2021, 4, 1))
    DutyActivityFactory(kind=K.SYMPOSIUM, date=datetime.date(2020, 4, 1), topics="甲")
    DutyActivityFactory(kind=K.SYMPOSIUM, date=datetime.date(2021, 9, 1), topics="乙")
    assert progress_of(item, today=datetime.date(2021, 8, 1)).done == 0
    assert progress_of(item, today=datetime.date(2021, 10, 1)).done == 1


def test_the_rule_keyword_narrows_the_records_counted():
    item = PlanItemFactory(
        measure=M.ACTIVITIES,
        activity_kind=K.LAW_INSPECTION,
        match_rule=True,
        keyword="档案法",
        target_count=1,
    )
    DutyActivityFactory(
        kind=K.LAW_INSPECTION,
        title="《道路交通安全法》执法检查",
        law_inspected="《道路交通安全法》",
        date=datetime.date(2021, 5, 1),
    )
    assert progress_of(item).done == 0
    DutyActivityFactory(
        kind=K.LAW_INSPECTION,
        title="《档案法》执法检查",
        law_inspected="《档案法》",
        date=datetime.date(2021, 5, 2),
    )
    assert progress_of(item).is_done


def test_records_linked_by_hand_count_without_a_rule_and_only_once():
    item = PlanItemFactory(measure=M.ACTIVITIES, activity_kind=K.STUDY, match_rule=True)
    activity = DutyActivityFactory(kind=K.STUDY, date=datetime.date(2021, 3, 3))
    item.activities.add(activity)
    assert progress_of(item).done == 1
    manual = PlanItemFactory(measure=M.ACTIVITIES, match_rule=False)
    assert progress_of(manual).done == 0
    manual.activities.add(activity)
    assert progress_of(manual).done == 1


def test_an_item_measured_by_linked_records_counts_every_kind():
    item = PlanItemFactory(measure=M.LINKED, target_count=2)
    item.activities.add(DutyActivityFactory(date=datetime.date(2021, 3, 3)))
    item.articles.add(ArticleFactory(date=datetime.date(2021, 3, 4)))
    assert progress_of(item).is_done


def test_duty_reports_are_counted_for_an_item_measured_by_them():
    item = PlanItemFactory(measure=M.DUTY_REPORTS, match_rule=True, target_count=2)
    DutyReportFactory(date=datetime.date(2021, 8, 10))
    DutyReportFactory(date=datetime.date(2019, 8, 10))
    progress = progress_of(item)
    assert (progress.done, progress.target, progress.percent) == (1, 2, 50)


def test_an_item_past_its_target_date_and_not_done_is_behind_schedule():
    late = PlanItemFactory(target_date=datetime.date(2021, 3, 1), match_rule=True)
    on_time = PlanItemFactory(target_date=datetime.date(2021, 12, 1), match_rule=True)
    done = PlanItemFactory(
        target_date=datetime.date(2021, 3, 1),
        target_count=1,
        match_rule=True,
        activity_kind=K.TRAINING,
    )
    DutyActivityFactory(kind=K.TRAINING, date=datetime.date(2021, 2, 1))
    today = datetime.date(2021, 6, 1)
    assert [i.pk for i in behind_schedule(today)] == [late.pk]
    assert not progress_of(on_time, today).is_behind
    assert progress_of(done, today).is_done


def test_plan_items_of_a_year_leave_other_years_out():
    PlanItemFactory(title="今年的项目")
    PlanItemFactory(title="明年的项目", plan=WorkPlanFactory(year=2022))
    assert [item.title for item in plan_items(2021)] == ["今年的项目"]
