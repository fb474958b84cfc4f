"""A deputy writes a reflection on a study trip from a phone, keyboard only."""

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD

from .conftest import assert_accessible, login, no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "通过考察学习,回来后要把接待选民的工作做得更细更实。"


@pytest.fixture
def trip(zhang):
    from deputies.models import DutyActivity
    from tests.deputies.factories import AttendanceFactory, DutyActivityFactory

    activity = DutyActivityFactory(
        kind=DutyActivity.Kind.TRAINING, title="赴青岛考察学习", place="青岛"
    )
    return AttendanceFactory(activity=activity, deputy=zhang, attended=True)


def test_a_deputy_writes_a_reflection_with_the_keyboard_on_a_phone(
    phone_page, deputy_user, trip
):
    page = phone_page
    login(page, deputy_user.username, PASSWORD)
    page.wait_for_url("**/my/")
    page.get_by_role("link", name="我的培训心得体会").click()
    page.wait_for_url("**/my/reflections/")
    assert no_horizontal_scroll(page)
    assert page.get_by_text("待撰写").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="撰写《赴青岛考察学习》的心得体会").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/my/reflections/{trip.pk}/")
    assert no_horizontal_scroll(page)
    assert_accessible(page)
    # An empty reflection is refused, with the message next to the field.
    page.get_by_role("button", name="保存心得体会").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("请填写心得体会。")
    page.get_by_label("心得体会").fill(TEXT)
    page.get_by_role("button", name="保存心得体会").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/my/reflections/")
    expect(page.get_by_text("心得体会已保存。")).to_be_visible()
    assert page.get_by_text("已写", exact=True).is_visible()
    trip.refresh_from_db()
    assert trip.reflection == TEXT
