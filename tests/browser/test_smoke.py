"""The home and login pages in real Chromium on a phone-sized screen."""

import pytest

from .conftest import assert_accessible, login, no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_is_chinese_accessible_and_fits_a_phone(phone_page):
    phone_page.goto("/")
    assert phone_page.locator("html").get_attribute("lang") == "zh-hans"
    assert "紫阳街人大工委" in phone_page.title()
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_skip_link_is_the_first_stop_of_the_keyboard(phone_page):
    phone_page.goto("/")
    phone_page.keyboard.press("Tab")
    focused = phone_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "跳到主要内容"
    phone_page.keyboard.press("Enter")
    assert phone_page.evaluate("document.activeElement.id") == "main"


def test_login_page_is_accessible(phone_page):
    phone_page.goto("/accounts/login/")
    assert phone_page.get_by_role("heading", name="代表登录").is_visible()
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_deputy_logs_in_from_a_phone_and_reaches_the_workspace(phone_page, deputy_user):
    from tests.conftest import PASSWORD

    login(phone_page, deputy_user.username, PASSWORD)
    phone_page.wait_for_url("**/my/")
    assert phone_page.get_by_role("heading", name="我的工作台").is_visible()


def test_language_switch_turns_the_page_english(phone_page):
    phone_page.goto("/")
    phone_page.get_by_role("button", name="English").click()
    phone_page.wait_for_load_state()
    assert phone_page.locator("html").get_attribute("lang") == "en"
    assert "Skip to main content" in phone_page.content()
