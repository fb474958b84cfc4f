"""The deputies' directory and a profile on a 360 px phone screen."""

import pytest

from .conftest import assert_accessible, no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from core.demo import load_accounts
    from deputies import demo

    load_accounts(None)
    demo.load(None)


def test_the_directory_fits_a_phone_and_is_accessible(phone_page, demo):
    phone_page.goto("/deputies/")
    assert phone_page.get_by_role("heading", name="人大代表", level=1).is_visible()
    assert phone_page.get_by_role("link", name="张某华").is_visible()
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_a_resident_filters_by_level_and_opens_a_profile(phone_page, demo):
    phone_page.goto("/deputies/")
    phone_page.get_by_label("层级").select_option(label="市")
    phone_page.get_by_role("button", name="搜索").click()
    phone_page.wait_for_url("**level=city**")
    assert phone_page.get_by_role("link", name="马某东").is_visible()
    assert phone_page.get_by_role("link", name="张某华").count() == 0
    phone_page.get_by_role("link", name="马某东").click()
    assert phone_page.get_by_role("heading", name="马某东", level=1).is_visible()
    assert "1390000" not in phone_page.content()
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_a_profile_with_photos_fits_a_phone(phone_page, demo):
    from deputies.models import Deputy

    zhang = Deputy.objects.get(name="张某华")
    phone_page.goto(f"/deputies/{zhang.pk}/")
    assert phone_page.get_by_role("heading", name="近期履职活动").is_visible()
    assert phone_page.locator("img.activity-thumb").count() > 0
    assert no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
