"""The roster on a phone: a deputy's duty page, and a resident who scans a
station's poster and follows the page's button to the suggestion form."""

import datetime

import pytest

from tests.conftest import PASSWORD

from .conftest import assert_accessible, login, no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def rostered_station(zhang):
    from django.utils import timezone

    from tests.factories import DeputyFactory
    from tests.reception.factories import ReceptionSessionFactory, StationFactory
    from tests.rosters.factories import weekly_from_tomorrow

    colleague = DeputyFactory(name="王示例")
    station = StationFactory(
        name="梅隐寺示例接待站", slug="meiyinsi-demo", deputies=[zhang, colleague]
    )
    weekly_from_tomorrow(station, [zhang, colleague])
    last_week = timezone.localdate() - datetime.timedelta(days=6)
    ReceptionSessionFactory(
        station=station,
        started_at=timezone.make_aware(
            datetime.datetime.combine(last_week, datetime.time(10, 0))
        ),
        deputies=[zhang],
    )
    return station


def test_a_deputy_reads_the_roster_on_a_phone(
    phone_page, desktop_page, deputy_user, rostered_station
):
    page = phone_page
    login(page, deputy_user.username, PASSWORD)
    page.wait_for_url("**/my/")
    page.get_by_role("link", name="我的接待日安排").click()
    page.wait_for_url("**/my/roster/")
    assert page.get_by_role("heading", name="即将到来的接待日").is_visible()
    assert page.get_by_role("link", name="梅隐寺示例接待站").first.is_visible()
    assert page.get_by_role("link", name="已登记接待:接待选民 10 人").is_visible()
    assert no_horizontal_scroll(page)
    assert_accessible(page)
    login(desktop_page, deputy_user.username, PASSWORD)
    desktop_page.wait_for_url("**/my/")
    desktop_page.goto("/my/roster/")
    assert_accessible(desktop_page)


def test_a_poster_code_leads_to_the_suggestion_form_for_the_station(
    phone_page, desktop_page, rostered_station
):
    page = phone_page
    page.goto(f"/stations/{rostered_station.slug}/?from=qr")
    assert page.get_by_role("heading", name="近期接待日").is_visible()
    assert no_horizontal_scroll(page)
    assert_accessible(page)
    page.get_by_role("link", name="提出意见建议").click()
    page.wait_for_url(f"**/suggest/?station={rostered_station.slug}")
    assert page.locator("form").first.is_visible()
    desktop_page.goto(f"/stations/{rostered_station.slug}/")
    assert_accessible(desktop_page)
