"""The public station page's eight-haves checks, in real Chromium: each item in
words with its date and evidence photo, on a phone and a desktop, by keyboard."""

import datetime

import pytest

from .conftest import assert_accessible, no_horizontal_scroll
from .test_accessibility import SMALL_TARGETS_JS, SMALL_TEXT_JS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def checked_station(db):
    from reception.models import StandardItem
    from tests.reception.factories import (
        StationFactory,
        check_every_item,
        jpeg_upload,
    )

    StandardItem.objects.ensure_defaults()
    station = StationFactory(name="梅隐寺示例接待站", slug="meiyinsi-demo")
    checks = check_every_item(station, on=datetime.date(2018, 4, 20), missing={"funds"})
    for check in checks[:2]:
        check.evidence.save("evidence.jpg", jpeg_upload(size=(640, 480)), save=True)
    return station, checks


def read_checks(page, station):
    page.goto(f"/stations/{station.slug}/")
    section = page.get_by_role("region", name="“八有”建设标准")
    assert section.is_visible()
    assert section.get_by_text("按最近一次检查,8 项中已达标 7 项。").is_visible()
    items = section.get_by_role("listitem")
    assert items.count() == 8
    venue = items.filter(has_text="有场所")
    assert "已达标" in venue.inner_text() and "2018-04-20" in venue.inner_text()
    funds = items.filter(has_text="有经费")
    assert "未达标" in funds.inner_text()
    return section


@pytest.mark.parametrize("viewport", ["phone_page", "desktop_page"])
def test_the_station_page_shows_its_checks(request, viewport, checked_station):
    page = request.getfixturevalue(viewport)
    station, checks = checked_station
    section = read_checks(page, station)
    photo = section.get_by_role("link", name="“有场所”的检查照片")
    assert photo.get_attribute("href") == checks[0].evidence.url
    box = photo.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert no_horizontal_scroll(page)
    assert_accessible(page)
    assert page.evaluate(SMALL_TARGETS_JS) == []
    assert page.evaluate(SMALL_TEXT_JS) == []


def test_the_evidence_photo_opens_by_keyboard(phone_page, checked_station):
    page = phone_page
    station, checks = checked_station
    read_checks(page, station)
    target = checks[0].evidence.url
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == target:
            break
    else:
        pytest.fail("the evidence photo's link is never reached by Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
