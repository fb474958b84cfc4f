"""The public open-data page reads well on a phone and passes axe."""

import pytest

from .conftest import assert_accessible, no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_open_data_page_fits_a_phone_and_is_accessible(phone_page):
    from tests.reception.factories import StationFactory

    StationFactory()
    page = phone_page
    page.goto("/open-data/")
    assert page.get_by_role("heading", name="开放数据").is_visible()
    assert page.get_by_role("link", name="下载ZIP压缩包").is_visible()
    assert no_horizontal_scroll(page)
    assert_accessible(page)
