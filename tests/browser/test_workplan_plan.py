"""The work plan in real Chromium: a deputy's plan page and the admin plan page."""

import datetime

import pytest

from tests.conftest import PASSWORD

from .conftest import assert_accessible, login, no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan(zhang):
    from deputies.models import DutyActivity
    from tests.deputies.factories import DutyActivityFactory
    from tests.workplan.factories import (
        KeyWorkFactory,
        PlanHeadingFactory,
        PlanItemFactory,
        WorkPlanFactory,
    )

    plan = WorkPlanFactory(year=2021)
    key_work = KeyWorkFactory(title="示例旧城改造跟踪监督")
    PlanItemFactory(
        plan=plan,
        heading=PlanHeadingFactory(name="监督"),
        title="旧城改造项目视察",
        key_work=key_work,
        activity_kind=DutyActivity.Kind.INSPECTION,
        match_rule=True,
        target_count=2,
        target_date=datetime.date(2021, 3, 31),
        deputies=[zhang],
    )
    PlanItemFactory(
        plan=plan,
        heading=PlanHeadingFactory(name="代表活动"),
        title="代表统一活动日",
        activity_kind=DutyActivity.Kind.ACTIVITY_DAY,
        match_rule=True,
        target_count=1,
        deputies=[zhang],
    )
    DutyActivityFactory(
        kind=DutyActivity.Kind.ACTIVITY_DAY, date=datetime.date(2021, 5, 1)
    )
    return plan


def test_a_deputy_reads_their_plan_items_on_a_phone(
    phone_page, deputy_user, zhang, plan
):
    page = phone_page
    login(page, deputy_user.username, PASSWORD)
    page.wait_for_url("**/my/")
    page.get_by_role("link", name="我的工作计划与重点工作").click()
    page.wait_for_url("**/my/plan/")
    assert page.get_by_role(
        "heading", name="我的工作计划与重点工作（2021年）"
    ).is_visible()
    assert page.get_by_role("heading", name="监督").is_visible()
    item = page.locator("li", has_text="旧城改造项目视察")
    assert item.get_by_text("进度滞后").is_visible()
    assert (
        page.locator("li", has_text="代表统一活动日").get_by_text("已完成").is_visible()
    )
    assert page.get_by_text("示例旧城改造跟踪监督").first.is_visible()
    assert no_horizontal_scroll(page)
    assert_accessible(page)
    page.locator("#id_year").fill("1800")
    page.get_by_role("button", name="查看").click()
    assert page.get_by_text("2100").first.is_visible()
    assert no_horizontal_scroll(page)
    assert_accessible(page)


def test_staff_see_the_plan_with_progress_in_the_admin(desktop_page, staff_user, plan):
    page = desktop_page
    login(page, staff_user.username, PASSWORD)
    page.goto(f"/admin/workplan/workplan/{plan.pk}/change/")
    section = page.locator("section", has_text="完成情况（根据记录统计）")
    assert section.get_by_text("进度滞后").is_visible()
    assert section.get_by_text("已完成", exact=True).is_visible()
    assert_accessible(page)
    page.goto("/admin/workplan/planitem/?schedule=behind")
    assert page.get_by_role("link", name="旧城改造项目视察").is_visible()
    assert page.get_by_role("link", name="代表统一活动日").count() == 0
    assert_accessible(page)


def test_residents_see_the_years_key_works_on_the_home_page(phone_page, plan):
    page = phone_page
    page.goto("/")
    section = page.locator("section", has_text="2021年重点工作")
    assert section.get_by_text("示例旧城改造跟踪监督").is_visible()
    assert section.get_by_text("计划项目已完成 0/1").is_visible()
    assert no_horizontal_scroll(page)
    assert_accessible(page)
