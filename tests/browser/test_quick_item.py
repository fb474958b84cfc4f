"""A deputy records a voter's item from a phone, by keyboard, in real Chromium:
one item with its photo, the page usable at 360 and 1280 px."""

import io
import re

import pytest
from PIL import Image

from tests.browser.conftest import assert_accessible, login, no_horizontal_scroll
from tests.browser.test_accessibility import (
    SMALL_TARGETS_JS,
    SMALL_TEXT_JS,
    assert_usable,
)
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ITEM_PAGE = re.compile(r".*/my/suggestions/\d+/$")
NEW = "/my/suggestions/new/"
LINK = "记录选民反映的问题"


@pytest.fixture(params=["phone", "desktop"])
def any_page(request):
    return request.getfixturevalue(f"{request.param}_page")


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 200)).save(buffer, format="JPEG")
    return buffer.getvalue()


def csp_reports(page) -> list:
    """Console messages of the Content-Security-Policy, collected from now on."""
    found = []
    page.on(
        "console",
        lambda m: found.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return found


def focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.tagName")


def test_a_deputy_records_a_voters_item_by_keyboard_on_a_phone(
    phone_page, deputy_user, zhang
):
    from suggestions.models import Suggestion

    page = phone_page
    blocked = csp_reports(page)
    login(page, deputy_user.username, PASSWORD)
    page.wait_for_url("**/my/")
    link = page.get_by_role("link", name=LINK)
    box = link.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 300  # a full-width button
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{NEW}")
    assert_usable(page, public=False)
    assert page.evaluate(SMALL_TEXT_JS) == []
    assert page.locator("#id_community").input_value() == str(zhang.community.pk)

    page.locator("#id_text").focus()
    page.keyboard.type("居民在路上反映:紫阳湖公园东门护栏松动。")
    page.keyboard.press("Tab")
    assert focused(page) == "id_community"
    page.keyboard.press("Tab")
    assert focused(page) == "id_photo"
    page.locator("#id_photo").set_input_files(
        [{"name": "rail.jpg", "mimeType": "image/jpeg", "buffer": jpeg()}]
    )
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "记录问题"
    page.keyboard.press("Enter")

    page.wait_for_url(ITEM_PAGE)
    item = Suggestion.objects.get()
    assert page.get_by_text(f"已记录,跟踪码 {item.tracking_code}").is_visible()
    assert item.title == "居民在路上反映:紫阳湖公园东门护栏松动"
    assert item.raised_by == zhang and item.photos.count() == 1
    assert no_horizontal_scroll(page)
    page.goto("/my/suggestions/")
    assert page.get_by_role("link", name=item.title).is_visible()
    assert blocked == []


def test_the_form_and_its_errors_are_usable_at_both_widths(
    any_page, deputy_user, zhang
):
    from suggestions.models import Suggestion

    page = any_page
    login(page, deputy_user.username, PASSWORD)
    page.wait_for_url("**/my/")
    assert_accessible(page)
    assert page.evaluate(SMALL_TARGETS_JS) == []
    page.goto(NEW)
    assert_usable(page, public=False)
    page.get_by_role("button", name="记录问题").click()
    summary = page.locator("#error-summary")
    summary.wait_for()
    assert focused(page) == "error-summary"
    assert "请写下选民反映的问题。" in summary.inner_text()
    assert_usable(page, public=False)
    assert page.evaluate(SMALL_TEXT_JS) == []
    summary.get_by_role("link").first.click()
    assert focused(page) == "id_text"
    assert not Suggestion.objects.exists()


def test_a_photo_too_large_is_named_in_chinese_before_sending(
    phone_page, deputy_user, zhang
):
    from suggestions.models import Suggestion

    page = phone_page
    blocked = csp_reports(page)
    login(page, deputy_user.username, PASSWORD)
    page.wait_for_url("**/my/")
    page.goto(NEW)
    page.locator("#id_text").fill("楼道灯不亮。")
    big = b"\xff\xd8" + b"\0" * (10 * 1024 * 1024 + 500_000)
    page.locator("#id_photo").set_input_files(
        [{"name": "big.jpg", "mimeType": "image/jpeg", "buffer": big}]
    )
    status = page.locator("[data-photo-status]")
    assert re.search(r"这张照片有 10\.\d MB", status.inner_text())
    page.get_by_role("button", name="记录问题").click()
    page.wait_for_timeout(500)
    assert page.url.endswith(NEW)
    assert focused(page) == "id_photo"
    assert not Suggestion.objects.exists()
    assert blocked == []


def test_a_double_tap_on_the_button_makes_one_item(phone_page, deputy_user, zhang):
    from suggestions.models import Suggestion

    page = phone_page
    login(page, deputy_user.username, PASSWORD)
    page.wait_for_url("**/my/")
    page.goto(NEW)
    page.locator("#id_text").fill("小区门口路灯不亮。")
    page.get_by_role("button", name="记录问题").dblclick()
    page.wait_for_url(ITEM_PAGE)
    assert Suggestion.objects.count() == 1
