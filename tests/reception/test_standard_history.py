"""Dated eight-haves checks with their history, and the days stations were in
service: the state on a day, the public station page and the admin."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from reception.models import StandardCheck, StandardItem, Station
from tests.utils import assert_constant_queries

from .factories import (
    StandardCheckFactory,
    StationFactory,
    check_every_item,
    jpeg_upload,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def state(station, day):
    row = Station.objects.with_standard(day).get(pk=station.pk)
    return row.items_met, row.items_total, row.meets_standard


# The state on a day ---------------------------------------------------------


def test_the_state_on_a_day_is_the_latest_check_of_each_item_by_then():
    station = StationFactory()
    check_every_item(station, on=D(2017, 5, 1))
    funds = StandardItem.objects.get(code="funds")
    StandardCheckFactory(
        station=station, item=funds, met=False, checked_on=D(2018, 3, 1)
    )
    StandardCheckFactory(
        station=station, item=funds, met=True, checked_on=D(2019, 2, 1)
    )
    assert state(station, D(2017, 4, 30)) == (0, 8, False)
    assert state(station, D(2017, 12, 31)) == (8, 8, True)
    assert state(station, D(2018, 12, 31)) == (7, 8, False)
    assert state(station, D(2019, 2, 1)) == (8, 8, True)
    assert station.checks.count() == 10  # every check kept
    in_force = StandardCheck.objects.as_of(D(2018, 12, 31)).filter(station=station)
    assert in_force.count() == 8
    assert in_force.get(item=funds).checked_on == D(2018, 3, 1)


def test_a_check_after_the_day_never_counts_for_it():
    station = StationFactory()
    check_every_item(station, on=D(2019, 1, 1))
    assert state(station, D(2018, 12, 31)) == (0, 8, False)
    assert not Station.objects.meeting_standard(D(2018, 12, 31)).exists()
    assert Station.objects.meeting_standard(D(2019, 1, 1)).count() == 1


def test_stations_checked_in_a_year():
    a, b, c = StationFactory(), StationFactory(), StationFactory()
    StandardCheckFactory(
        station=a, item=StandardItem.objects.first(), checked_on=D(2018, 12, 31)
    )
    StandardCheckFactory(
        station=b, item=StandardItem.objects.first(), checked_on=D(2019, 1, 1)
    )
    retired = StandardItem.objects.create(code="old", name="旧标准", active=False)
    StandardCheckFactory(station=c, item=retired, checked_on=D(2018, 6, 1))
    assert list(Station.objects.checked_in(2018)) == [a]


def test_one_check_per_item_station_and_day():
    station = StationFactory()
    item = StandardItem.objects.first()
    StandardCheckFactory(station=station, item=item, checked_on=D(2018, 1, 2))
    with pytest.raises(IntegrityError), transaction.atomic():
        StandardCheck.objects.create(
            station=station, item=item, checked_on=D(2018, 1, 2), met=False
        )


def test_a_check_needs_its_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        StandardCheck.objects.create(
            station=StationFactory(), item=StandardItem.objects.first()
        )


# Days in service --------------------------------------------------------------


def test_stations_in_service_on_a_day():
    always = StationFactory()
    opened = StationFactory(opened_on=D(2018, 7, 1))
    retired = StationFactory(opened_on=D(2016, 1, 1), closed_on=D(2018, 7, 1))

    def serving(day):
        return set(Station.objects.in_service_on(day))

    assert serving(D(2015, 12, 31)) == {always}
    assert serving(D(2017, 12, 31)) == {always, retired}
    assert serving(D(2018, 6, 30)) == {always, retired}
    assert serving(D(2018, 7, 1)) == {always, opened}
    assert retired.in_service_on(D(2018, 6, 30))
    assert not retired.in_service_on(D(2018, 7, 1))
    assert not retired.active and opened.active and always.active


def test_marking_a_station_out_of_service_retires_it_today():
    station = StationFactory(active=False)
    assert station.closed_on == timezone.localdate()
    assert not Station.objects.in_service().filter(pk=station.pk).exists()
    station.closed_on, station.active = None, True
    station.save()
    station.refresh_from_db()
    assert station.active and station.closed_on is None


def test_in_service_is_kept_equal_to_not_retired_in_the_database():
    station = StationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Station.objects.filter(pk=station.pk).update(active=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        Station.objects.filter(pk=station.pk).update(
            opened_on=D(2018, 5, 1), closed_on=D(2018, 5, 1), active=False
        )


# The public station page --------------------------------------------------------


def test_the_station_page_shows_each_item_in_words_with_date_and_photo(client, station):
    check_every_item(station, on=D(2018, 4, 20), missing={"funds"})
    sign = station.checks.get(item__code="sign")
    sign.evidence.save("sign.jpg", jpeg_upload(), save=True)
    StandardCheckFactory(
        station=station,
        item=StandardItem.objects.get(code="venue"),
        met=False,
        checked_on=D(2017, 1, 5),
    )
    StandardItem.objects.create(code="wifi", name="有网络", ordering=9)
    html = client.get(f"/stations/{station.slug}/").content.decode()
    assert "“八有”建设标准" in html
    assert "9 项中已达标 7 项" in html
    assert html.count("已达标</strong>") == 7
    assert html.count("未达标</strong>") == 1
    assert "尚未检查" in html  # the new item
    assert html.count('<time datetime="2018-04-20">2018-04-20</time>') == 8
    assert "2017-01-05" not in html  # the older check is history
    url = sign.evidence.url
    assert f'<a class="standard-evidence" href="{url}"><img src="{url}"' in html
    assert f"“有标牌”的检查照片（{station.name}，2018-04-20 检查" in html


def test_the_station_page_shows_no_check_dated_in_the_future(client, station):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    check_every_item(station, on=tomorrow)
    html = client.get(f"/stations/{station.slug}/").content.decode()
    assert html.count("尚未检查") == 8


def test_the_street_office_page_has_no_standard_section(client, office):
    assert (
        "“八有”建设标准" not in client.get(f"/stations/{office.slug}/").content.decode()
    )


def test_the_station_list_gives_each_stations_items_met(client, station):
    check_every_item(station, missing={"funds", "plan"})
    html = client.get("/stations/").content.decode()
    assert "8 项中已达标 6 项" in html


def test_the_station_pages_queries_stay_constant_with_checks(client, station):
    def add_checks(n):
        start = station.checks.count()
        for i in range(n):
            check_every_item(station, on=D(2010, 1, 1) + datetime.timedelta(start + i))

    assert_constant_queries(
        lambda: client.get(f"/stations/{station.slug}/"), add_checks
    )

    def add_stations(n):
        for _ in range(n):
            check_every_item(StationFactory())

    assert_constant_queries(lambda: client.get("/stations/"), add_stations)


def test_a_station_not_yet_open_is_not_public(client, db):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    StationFactory(slug="soon", opened_on=tomorrow)
    assert client.get("/stations/soon/").status_code == 404


def test_the_station_page_gives_the_checks_in_english(client, station):
    check_every_item(station, on=D(2018, 4, 20), missing={"funds"})
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(f"/stations/{station.slug}/").content.decode()
    assert "Eight-haves standard" in html
    assert "7 of the 8 items met, as last checked." in html
    assert html.count("Not met</strong>") == 1
