"""The iCalendar feeds and the A4 posters of stations and deputies."""

import datetime
import io
import subprocess
import tempfile
from pathlib import Path

import pytest
import zxingcpp
from django.utils import timezone
from icalendar import Calendar
from PIL import Image

from rosters.posters import qr_target
from tests.factories import DeputyFactory
from tests.reception.factories import StationFactory

from .factories import weekly_from_tomorrow


def tomorrow():
    return timezone.localdate() + datetime.timedelta(days=1)


def pdf_text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    ).stdout.decode()


def pdf_page_count(content: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(content)).pages)


def qr_codes_on_first_page(content: bytes) -> list[str]:
    """What a phone reads from the printed page: rendered at 100 dpi, decoded."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "100", "-singlefile", "-", str(root)],
            input=content,
            check=True,
        )
        image = Image.open(root.with_suffix(".png"))
        return [code.text for code in zxingcpp.read_barcodes(image)]


# iCalendar ------------------------------------------------------------------


def test_the_station_feed_has_one_event_per_planned_date(client, station, zhang):
    rule = weekly_from_tomorrow(station, [zhang])
    response = client.get(f"/stations/{station.slug}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    # From two weeks ago (within the feed's past) to a year ahead, weekly.
    assert 50 <= len(events) <= 56
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == len(uids)
    first_coming = next(
        event for event in events if event.decoded("DTSTART").date() == tomorrow()
    )
    assert str(first_coming["UID"]) == (
        f"rosters-{rule.pk}-{tomorrow():%Y%m%d}@ziyang-portal"
    )
    assert first_coming["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert "梅隐寺示例接待站" in str(first_coming["SUMMARY"])
    assert b"BEGIN:VTIMEZONE" in response.content
    # The same UIDs on the next request: calendars update, never duplicate.
    again = Calendar.from_ical(
        client.get(f"/stations/{station.slug}/calendar.ics").content
    )
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == uids


def test_the_feeds_hold_no_personal_data(client, station, zhang):
    weekly_from_tomorrow(station, [zhang])
    for url in (
        f"/stations/{station.slug}/calendar.ics",
        f"/deputies/{zhang.pk}/calendar.ics",
    ):
        body = client.get(url).content.decode()
        assert zhang.phone not in body
        assert "13900001111" not in body


def test_the_deputy_feed_lists_only_the_deputys_dates(
    client, station, zhang, li, li_station
):
    weekly_from_tomorrow(station, [zhang])
    weekly_from_tomorrow(li_station, [li])
    calendar = Calendar.from_ical(
        client.get(f"/deputies/{zhang.pk}/calendar.ics").content
    )
    locations = {str(event["LOCATION"]) for event in calendar.walk("VEVENT")}
    assert locations == {f"{station.name} {station.address}"}


def test_feeds_of_a_station_out_of_service_or_a_past_deputy_are_404(client, db):
    retired = StationFactory(active=False)
    former = DeputyFactory(active_to=datetime.date(2016, 12, 31))
    assert client.get(f"/stations/{retired.slug}/calendar.ics").status_code == 404
    assert client.get("/stations/nowhere/calendar.ics").status_code == 404
    assert client.get(f"/deputies/{former.pk}/calendar.ics").status_code == 404
    assert client.get("/deputies/999999/calendar.ics").status_code == 404


def test_feeds_answer_get_only(client, station):
    assert client.post(f"/stations/{station.slug}/calendar.ics").status_code == 405


# Posters --------------------------------------------------------------------


def test_the_station_poster_is_an_a4_pdf_with_name_dates_and_qr(client, station, zhang):
    weekly_from_tomorrow(station, [zhang])
    response = client.get(f"/stations/{station.slug}/poster.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "梅隐寺示例接待站" in text
    assert f"{tomorrow():%Y-%m-%d}" in text
    assert "张示例" in text
    assert "扫码" in text  # Chinese text, not empty boxes
    assert "13900001111" not in text
    expected = qr_target(f"http://testserver/stations/{station.slug}/")
    assert qr_codes_on_first_page(response.content) == [expected]
    assert expected == f"http://testserver/stations/{station.slug}/?from=qr"
    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(response.content)).pages[0].mediabox
    # A4 in points (210 x 297 mm).
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_the_deputy_poster_names_the_deputy_stations_and_dates(client, station, zhang):
    weekly_from_tomorrow(station, [zhang])
    response = client.get(f"/deputies/{zhang.pk}/poster.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "张示例" in text
    assert "梅隐寺示例接待站" in text
    assert f"{tomorrow():%Y-%m-%d}" in text
    assert qr_codes_on_first_page(response.content) == [
        f"http://testserver/deputies/{zhang.pk}/?from=qr"
    ]


def test_posters_only_for_stations_in_service_and_serving_deputies(client, db):
    retired = StationFactory(active=False)
    former = DeputyFactory(active_to=datetime.date(2016, 12, 31))
    assert client.get(f"/stations/{retired.slug}/poster.pdf").status_code == 404
    assert client.get(f"/deputies/{former.pk}/poster.pdf").status_code == 404


def test_a_poster_without_planned_dates_says_so(client, station):
    text = pdf_text(client.get(f"/stations/{station.slug}/poster.pdf").content)
    assert "尚未安排接待日期" in text


# Every poster at once ---------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "deputy", "resident"])
def test_every_poster_is_for_staff_only(request, client, station, who):
    if who != "anonymous":
        client = request.getfixturevalue(f"{who}_client")
    assert client.get("/rosters/posters.pdf").status_code == 403


def test_staff_download_every_poster_as_one_pdf(
    staff_client, station, li_station, zhang, li
):
    weekly_from_tomorrow(station, [zhang])
    response = staff_client.get("/rosters/posters.pdf")
    assert response.status_code == 200
    # Two stations and two serving deputies (Zhang, Li; the colleague too).
    from rosters.views import Deputy

    pages = 2 + Deputy.objects.current().count()
    assert pdf_page_count(response.content) == pages
    text = pdf_text(response.content)
    for name in ("梅隐寺示例接待站", "津水路示例接待站", "张示例", "李示例"):
        assert name in text


def test_the_feeds_make_a_constant_number_of_queries(client, station, zhang):
    from tests.utils import assert_constant_queries

    def add_rules(n):
        for _ in range(n):
            weekly_from_tomorrow(station, [zhang])

    assert_constant_queries(
        lambda: client.get(f"/stations/{station.slug}/calendar.ics"), add_rules
    )
    assert_constant_queries(
        lambda: client.get(f"/deputies/{zhang.pk}/calendar.ics"), add_rules
    )
