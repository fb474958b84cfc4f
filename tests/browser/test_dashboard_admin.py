"""Staff open the back office on the demo year: the dashboard is the first page,
readable with a screen reader (axe) and usable on a phone; a deputy sees their
own dashboard in the workspace."""

import io

import pytest

from .conftest import assert_accessible, login, no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())


def test_the_admin_dashboard_of_2018_is_accessible(desktop_page, demo):
    page = desktop_page
    login(page, "staff", "ziyang-staff-2018")
    page.goto("/admin/?year=2018")
    assert page.get_by_role("heading", name="2018年工作概况:全街道").is_visible()
    voters = page.locator('[data-metric="reception.voters"] td').first
    assert voters.inner_text() == "129"
    assert page.locator("figure.dash-figure").count() == 7
    assert page.locator("table[data-series]").count() == 7
    assert_accessible(page)
    # The filter is usable from the keyboard and narrows to one community.
    page.get_by_label("社区", exact=True).select_option(label="梅隐寺社区")
    page.get_by_role("button", name="查看").press("Enter")
    page.wait_for_url("**community=*")
    assert page.get_by_role("heading", name="2018年工作概况:梅隐寺社区").is_visible()
    assert_accessible(page)
    # Numbers lead to the records behind them.
    page.locator('[data-metric="received"] a').first.click()
    page.wait_for_url("**/admin/suggestions/suggestion/**")
    assert "e=1" not in page.url


def test_a_deputy_dashboard_fits_a_phone(phone_page, demo):
    page = phone_page
    login(page, "deputy", "ziyang-deputy-2018")
    page.goto("/my/dashboard/?year=2018")
    assert page.get_by_role("heading", name="2018年我的履职情况").is_visible()
    assert no_horizontal_scroll(page)
    assert_accessible(page)
