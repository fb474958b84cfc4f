"""A deputy logs a reception session from a phone, in real Chromium."""

import io
import re

import pytest
from PIL import Image

from tests.conftest import PASSWORD

from .conftest import assert_accessible, login, no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SESSION_PAGE = re.compile(r".*/my/sessions/\d+/$")


@pytest.fixture
def zhang_station(zhang):
    from tests.factories import DeputyFactory
    from tests.reception.factories import StationFactory

    colleague = DeputyFactory(name="王示例")
    return StationFactory(
        name="梅隐寺示例接待站", slug="meiyinsi-demo", deputies=[zhang, colleague]
    )


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 200)).save(buffer, format="JPEG")
    return buffer.getvalue()


def test_a_deputy_logs_a_session_with_a_photo_on_a_phone(
    phone_page, deputy_user, zhang, zhang_station
):
    from reception.models import ReceptionSession

    page = phone_page
    login(page, deputy_user.username, PASSWORD)
    page.wait_for_url("**/my/")
    page.get_by_role("link", name="我的接待记录").click()
    page.get_by_role("link", name="登记接待").click()
    page.wait_for_url("**/my/sessions/new/")
    assert no_horizontal_scroll(page)
    assert page.get_by_label("接待地点").input_value() == str(zhang_station.pk)
    # Colleagues of the station are offered, never ticked for the deputy.
    assert not page.get_by_label("王示例").is_checked()
    page.get_by_label("王示例").check()
    page.get_by_label("接待选民人数").fill("18")
    page.locator("#id_issues-0-text").fill("小区路灯不亮,夜间出行不便。")
    page.locator("#id_issues-1-text").fill("楼道堆放杂物。")
    page.locator("#id_photos").set_input_files(
        [{"name": "scene.jpg", "mimeType": "image/jpeg", "buffer": jpeg()}]
    )
    page.get_by_role("button", name="提交登记").click()
    page.wait_for_url(SESSION_PAGE)
    assert page.get_by_text("接待活动已登记。").is_visible()
    assert no_horizontal_scroll(page)
    session = ReceptionSession.objects.get()
    assert session.voters_received == 18
    assert session.issues.count() == 2
    assert session.photos.count() == 1
    assert {d.name for d in session.deputies.all()} == {zhang.name, "王示例"}
    assert page.locator(f"img[src='{session.photos.get().image.url}']").is_visible()


def test_the_add_issue_button_adds_a_line(
    phone_page, deputy_user, zhang, zhang_station
):
    from reception.models import ReceptionSession

    page = phone_page
    login(page, deputy_user.username, PASSWORD)
    page.wait_for_url("**/my/")
    page.goto("/my/sessions/new/")
    page.get_by_role("button", name="再添加一个问题").click()
    page.locator("#id_issues-3-text").fill("第四个问题")
    page.get_by_label("接待选民人数").fill("5")
    page.get_by_role("button", name="提交登记").click()
    page.wait_for_url(SESSION_PAGE)
    assert list(
        ReceptionSession.objects.get().issues.values_list("text", flat=True)
    ) == ["第四个问题"]


def tab_to(page, name: str, limit: int = 120) -> None:
    """Press Tab until the element named `name` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == name:
            return
    raise AssertionError(f"{name} never received the keyboard focus")


def test_the_same_flow_works_with_the_keyboard_only(
    phone_page, deputy_user, zhang, zhang_station
):
    from reception.models import ReceptionSession

    page = phone_page
    page.goto("/accounts/login/")
    tab_to(page, "username")
    page.keyboard.type(deputy_user.username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/my/")
    page.goto("/my/sessions/new/")
    tab_to(page, "mode")
    page.keyboard.press("ArrowDown")  # 日常接待
    tab_to(page, "voters_received")
    page.keyboard.type("9")
    tab_to(page, "issues-0-text")
    page.keyboard.type("希望增设休闲座椅。")
    tab_to(page, "summary")
    page.keyboard.type("日常接待。")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    page.keyboard.press("Enter")
    page.wait_for_url(SESSION_PAGE)
    session = ReceptionSession.objects.get()
    assert session.mode == ReceptionSession.Mode.ROUTINE
    assert session.voters_received == 9
    assert list(session.deputies.all()) == [zhang]
    assert session.issues.get().text == "希望增设休闲座椅。"


def test_errors_are_announced_and_nothing_is_saved(
    phone_page, deputy_user, zhang, zhang_station
):
    from reception.models import ReceptionSession

    page = phone_page
    login(page, deputy_user.username, PASSWORD)
    page.wait_for_url("**/my/")
    page.goto("/my/sessions/new/")
    page.get_by_label("接待选民人数").fill("-4")
    page.get_by_role("button", name="提交登记").click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert")
    assert "接待人数不能为负数" in alert.inner_text()
    assert page.evaluate("document.activeElement.id") == "form-errors"
    assert not ReceptionSession.objects.exists()


def test_the_session_form_is_accessible(phone_page, deputy_user, zhang, zhang_station):
    login(phone_page, deputy_user.username, PASSWORD)
    phone_page.wait_for_url("**/my/")
    phone_page.goto("/my/sessions/new/")
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_the_station_pages_are_accessible_and_fit_a_phone(phone_page, zhang_station):
    phone_page.goto("/stations/")
    assert phone_page.get_by_role("heading", name="人大代表接待站").is_visible()
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
    phone_page.get_by_role("link", name=zhang_station.name).click()
    phone_page.wait_for_url(f"**/stations/{zhang_station.slug}/")
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_only_deputies_allowed_at_the_chosen_venue_are_offered(
    phone_page, deputy_user, zhang, zhang_station, li
):
    from reception.models import Station
    from tests.reception.factories import StationFactory

    office = StationFactory(
        name="示例街道代表室",
        slug="office-demo",
        kind=Station.Kind.STREET_OFFICE,
        community=None,
        open_to_all_deputies=True,
    )
    page = phone_page
    login(page, deputy_user.username, PASSWORD)
    page.wait_for_url("**/my/")
    page.goto("/my/sessions/new/")
    assert page.get_by_label("王示例").is_visible()
    assert not page.get_by_label(li.name).is_visible()
    page.get_by_label("接待地点").select_option(str(office.pk))
    assert page.get_by_label(li.name).is_visible()
    page.get_by_label(li.name).check()
    page.get_by_label("接待地点").select_option(str(zhang_station.pk))
    assert not page.get_by_label(li.name).is_visible()
    assert not page.get_by_label(li.name).is_checked()
