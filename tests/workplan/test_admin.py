"""The admin of key works and plans: timelines, progress, behind schedule."""

import datetime

import pytest
from django.urls import reverse

from deputies.models import DutyActivity
from tests.deputies.factories import ActivityPhotoFactory, DutyActivityFactory
from tests.publicity.factories import ArticleFactory
from tests.reception.factories import ReceptionSessionFactory, SessionPhotoFactory
from tests.utils import assert_constant_queries
from tests.workplan.factories import (
    KeyWorkFactory,
    PlanHeadingFactory,
    PlanItemFactory,
    WorkPlanFactory,
)
from workplan.models import KeyWork, PlanItem, WorkPlan

pytestmark = pytest.mark.django_db

K = DutyActivity.Kind


def linked_key_work():
    key_work = KeyWorkFactory(title="巡司河示例治理")
    activity = DutyActivityFactory(
        kind=K.SYMPOSIUM,
        title="巡司河座谈会",
        topics="巡司河",
        date=datetime.date(2021, 4, 2),
    )
    ActivityPhotoFactory(activity=activity, caption="座谈会现场")
    session = ReceptionSessionFactory(summary="居民反映巡司河绿化带")
    SessionPhotoFactory(session=session, caption="接待现场")
    key_work.activities.add(activity)
    key_work.sessions.add(session)
    key_work.articles.add(ArticleFactory(title="代表聚焦巡司河"))
    return key_work


def test_a_key_works_page_shows_its_timeline_across_apps_with_photos(staff_client):
    key_work = linked_key_work()
    url = reverse("admin:workplan_keywork_change", args=[key_work.pk])
    response = staff_client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "巡司河座谈会" in body
    assert "居民反映巡司河绿化带" not in body  # the session appears by venue, not text
    assert "代表聚焦巡司河" in body
    assert "座谈会现场" in body and "接待现场" in body
    assert body.count("<img ") >= 2


def test_the_timeline_of_a_key_work_takes_constant_queries(staff_client):
    key_work = KeyWorkFactory()
    url = reverse("admin:workplan_keywork_change", args=[key_work.pk])

    def add_rows(n):
        for _ in range(n):
            activity = DutyActivityFactory(kind=K.INSPECTION)
            ActivityPhotoFactory(activity=activity)
            session = ReceptionSessionFactory()
            SessionPhotoFactory(session=session)
            key_work.activities.add(activity)
            key_work.sessions.add(session)
            key_work.articles.add(ArticleFactory())

    assert_constant_queries(lambda: staff_client.get(url), add_rows)


def test_the_key_work_list_takes_constant_queries(staff_client):
    url = reverse("admin:workplan_keywork_changelist")

    def add_rows(n):
        for _ in range(n):
            key_work = KeyWorkFactory()
            key_work.activities.add(DutyActivityFactory())

    assert_constant_queries(lambda: staff_client.get(url), add_rows)


def test_the_plan_item_list_shows_progress_in_constant_queries(staff_client):
    url = reverse("admin:workplan_planitem_changelist")

    def add_rows(n):
        for _ in range(n):
            item = PlanItemFactory(activity_kind=K.STUDY)
            item.activities.add(DutyActivityFactory(date=datetime.date(2021, 2, 1)))
        PlanItemFactory(match_rule=True, activity_kind=K.TRAINING)

    assert_constant_queries(lambda: staff_client.get(url), add_rows)
    assert "1 / 2" in staff_client.get(url).content.decode()


def test_staff_see_what_is_behind_schedule(staff_client):
    PlanItemFactory(title="逾期未完成的项目", target_date=datetime.date(2021, 1, 31))
    PlanItemFactory(
        title="年底才到期的项目",
        plan=WorkPlanFactory(year=2099),
        target_date=datetime.date(2099, 12, 31),
    )
    url = reverse("admin:workplan_planitem_changelist")
    body = staff_client.get(url, {"schedule": "behind"}).content.decode()
    assert "逾期未完成的项目" in body
    assert "年底才到期的项目" not in body


def test_the_plan_page_groups_items_under_headings_with_progress(staff_client):
    plan = WorkPlanFactory()
    PlanItemFactory(
        plan=plan, heading=PlanHeadingFactory(name="监督"), title="执法检查"
    )
    PlanItemFactory(
        plan=plan, heading=PlanHeadingFactory(name="学习培训"), title="学习"
    )
    response = staff_client.get(
        reverse("admin:workplan_workplan_change", args=[plan.pk])
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "监督" in body and "学习培训" in body
    assert "执法检查" in body and "0 / 2" in body


def test_the_plan_page_takes_constant_queries(staff_client):
    plan = WorkPlanFactory()
    url = reverse("admin:workplan_workplan_change", args=[plan.pk])

    def add_rows(n):
        for _ in range(n):
            PlanItemFactory(plan=plan, match_rule=True)

    assert_constant_queries(lambda: staff_client.get(url), add_rows)


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:workplan_keywork_changelist",
        "admin:workplan_planitem_changelist",
        "admin:workplan_workplan_changelist",
        "admin:workplan_planheading_changelist",
        "admin:workplan_priorityline_changelist",
    ],
)
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("client", 302),
        ("resident_client", 302),
        ("deputy_client", 302),
        ("staff_client", 200),
        ("superuser_client", 200),
    ],
)
def test_only_staff_reach_the_workplan_admin(request, url_name, persona, status):
    response = request.getfixturevalue(persona).get(reverse(url_name))
    assert response.status_code == status


def test_an_item_with_a_kind_but_not_measured_by_activities_is_refused(staff_client):
    plan = WorkPlanFactory()
    heading = PlanHeadingFactory()
    response = staff_client.post(
        reverse("admin:workplan_planitem_add"),
        {
            "plan": plan.pk,
            "heading": heading.pk,
            "title": "矛盾的项目",
            "lead": "街人大工委",
            "target_date": "2021-06-30",
            "measure": PlanItem.Measure.DUTY_REPORTS,
            "activity_kind": K.STUDY,
            "target_count": 1,
            "ordering": 0,
        },
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 400
    assert "履职活动" in response.content.decode()
    assert not PlanItem.objects.exists()


def test_a_target_date_outside_the_plans_year_is_refused(staff_client):
    plan = WorkPlanFactory()
    response = staff_client.post(
        reverse("admin:workplan_planitem_add"),
        {
            "plan": plan.pk,
            "heading": PlanHeadingFactory().pk,
            "title": "跨年的项目",
            "lead": "街人大工委",
            "target_date": "2022-06-30",
            "measure": PlanItem.Measure.ACTIVITIES,
            "target_count": 0,
            "ordering": 0,
        },
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 400
    assert "2021" in response.content.decode()
    assert not PlanItem.objects.exists()


def test_a_key_work_ending_before_it_starts_is_refused(staff_client):
    response = staff_client.post(
        reverse("admin:workplan_keywork_add"),
        {
            "title": "倒着走的重点工作",
            "start_year": 2021,
            "end_year": 2019,
            "status": KeyWork.Status.PLANNED,
            "ordering": 0,
        },
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 400
    assert not KeyWork.objects.exists()


def test_the_plan_list_counts_done_and_late_items_in_constant_queries(staff_client):
    url = reverse("admin:workplan_workplan_changelist")

    def add_rows(n):
        for i in range(n):
            plan = WorkPlanFactory(year=2030 + i + WorkPlan.objects.count())
            PlanItemFactory(plan=plan, target_date=datetime.date(plan.year, 1, 31))

    assert_constant_queries(lambda: staff_client.get(url), add_rows)
    late = WorkPlanFactory(year=2021)
    PlanItemFactory(plan=late, target_date=datetime.date(2021, 1, 31))
    body = staff_client.get(url).content.decode()
    assert "schedule=behind&amp;plan__year=2021" in body
