"""Staff record dated eight-haves checks and the days of service in the admin."""

import datetime

import pytest
from django.utils import timezone

from reception.models import StandardCheck, StandardItem, Station
from tests.utils import assert_constant_queries

from .factories import StandardCheckFactory, StationFactory, check_every_item

pytestmark = pytest.mark.django_db

D = datetime.date


def station_form(station, checks=(), **changes) -> dict:
    """The station's change form as the admin posts it, with new check rows."""
    data = {
        "name": station.name,
        "slug": station.slug,
        "kind": station.kind,
        "community": station.community_id or "",
        "address": station.address,
        "ordering": station.ordering,
        "opened_on": station.opened_on or "",
        "closed_on": station.closed_on or "",
        "upgraded_on": station.upgraded_on or "",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
    }
    existing = list(station.checks.order_by("-checked_on", "item__ordering"))
    data["checks-INITIAL_FORMS"] = str(len(existing))
    data["checks-TOTAL_FORMS"] = str(len(existing) + len(checks))
    for i, check in enumerate(existing):
        data[f"checks-{i}-id"] = check.pk
        data[f"checks-{i}-station"] = station.pk
    for i, row in enumerate(checks, start=len(existing)):
        data[f"checks-{i}-station"] = station.pk
        for key, value in row.items():
            data[f"checks-{i}-{key}"] = value
    data.update(changes)
    return data


def change_url(station):
    return f"/admin/reception/station/{station.pk}/change/"


def test_staff_add_a_new_dated_check_and_the_old_one_stays(staff_client):
    station = StationFactory()
    old = StandardCheckFactory(
        station=station,
        item=StandardItem.objects.get(code="funds"),
        met=False,
        checked_on=D(2017, 3, 1),
        note="经费未落实",
    )
    funds = StandardItem.objects.get(code="funds")
    new = {"checked_on": "2018-05-02", "item": funds.pk, "met": "on", "note": "已落实"}
    response = staff_client.post(change_url(station), station_form(station, [new]))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(
        station.checks.order_by("checked_on").values_list("checked_on", "met", "note")
    ) == [(D(2017, 3, 1), False, "经费未落实"), (D(2018, 5, 2), True, "已落实")]
    old.refresh_from_db()
    assert (old.met, old.note) == (False, "经费未落实")


def test_the_recorded_checks_are_read_only_on_the_station_page(staff_client):
    station = StationFactory()
    check = StandardCheckFactory(
        station=station, item=StandardItem.objects.first(), met=False
    )
    data = station_form(station)
    data["checks-0-met"] = "on"
    data["checks-0-note"] = "改写"
    assert staff_client.post(change_url(station), data).status_code == 302
    check.refresh_from_db()
    assert (check.met, check.note) == (False, "")


def test_a_second_check_of_an_item_on_one_day_is_refused_in_chinese(staff_client):
    station = StationFactory()
    item = StandardItem.objects.first()
    StandardCheckFactory(station=station, item=item, checked_on=D(2018, 5, 2))
    again = {"checked_on": "2018-05-02", "item": item.pk}
    response = staff_client.post(change_url(station), station_form(station, [again]))
    assert response.status_code == 200
    assert "该接待站这一天已检查过此项" in response.content.decode()
    assert station.checks.count() == 1


@pytest.mark.parametrize(
    "row, message",
    [
        ({"item": "first"}, "这个字段是必须的"),
        ({"checked_on": "tomorrow", "item": "first"}, "检查日期不能晚于今天"),
        ({"checked_on": "2018-13-40", "item": "first"}, "输入一个有效的日期。"),
    ],
)
def test_a_check_without_a_good_date_saves_nothing(staff_client, row, message):
    station = StationFactory()
    row = dict(row, item=StandardItem.objects.first().pk)
    if row.get("checked_on") == "tomorrow":
        row["checked_on"] = timezone.localdate() + datetime.timedelta(days=1)
    data = station_form(station, [row], address="改过的地址")
    response = staff_client.post(change_url(station), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    station.refresh_from_db()
    assert not station.checks.exists()
    assert station.address != "改过的地址"


def test_staff_retire_a_station_and_bring_it_back(staff_client):
    station = StationFactory(opened_on=D(2016, 3, 1))
    data = station_form(station, closed_on="2018-09-01")
    assert staff_client.post(change_url(station), data).status_code == 302
    station.refresh_from_db()
    assert (station.active, station.closed_on) == (False, D(2018, 9, 1))
    assert station.in_service_on(D(2018, 8, 31))
    data = station_form(station, closed_on="")
    assert staff_client.post(change_url(station), data).status_code == 302
    station.refresh_from_db()
    assert (station.active, station.closed_on) == (True, None)


@pytest.mark.parametrize(
    "dates, message",
    [
        ({"opened_on": "2018-05-01", "closed_on": "2018-04-01"}, "撤销日期应晚于"),
        ({"closed_on": "tomorrow"}, "撤销日期不能晚于今天"),
    ],
)
def test_impossible_days_of_service_are_refused(staff_client, dates, message):
    station = StationFactory()
    if dates.get("closed_on") == "tomorrow":
        dates = {"closed_on": timezone.localdate() + datetime.timedelta(days=1)}
    response = staff_client.post(change_url(station), station_form(station, **dates))
    assert response.status_code == 200
    assert message in response.content.decode()
    station.refresh_from_db()
    assert station.active and station.closed_on is None


def test_deputies_and_visitors_cannot_record_checks(client, deputy_client):
    station = StationFactory()
    row = {"checked_on": "2018-05-02", "item": StandardItem.objects.first().pk}
    for who in (client, deputy_client):
        response = who.post(change_url(station), station_form(station, [row]))
        assert response.status_code in (302, 403)
        assert "/login/" in response.get("Location", "/login/")
        assert who.get("/admin/reception/standardcheck/").status_code in (302, 403)
    assert not StandardCheck.objects.exists()


def test_the_checks_list_shows_the_history_latest_first(staff_client):
    station = StationFactory(name="历史示例站")
    check_every_item(station, on=D(2017, 1, 3))
    check_every_item(station, on=D(2018, 1, 3), missing={"sign"})
    response = staff_client.get("/admin/reception/standardcheck/")
    assert response.status_code == 200
    days = [c.checked_on for c in response.context["cl"].result_list]
    assert days == sorted(days, reverse=True) and len(days) == 16


def test_the_check_pages_make_a_constant_number_of_queries(staff_client):
    station = StationFactory()

    def add_checks(n):
        start = station.checks.count()
        for i in range(n):
            check_every_item(station, on=D(2010, 1, 1) + datetime.timedelta(start + i))

    assert_constant_queries(lambda: staff_client.get(change_url(station)), add_checks)
    assert_constant_queries(
        lambda: staff_client.get("/admin/reception/standardcheck/"), add_checks
    )
    assert_constant_queries(
        lambda: staff_client.get("/admin/reception/standarditem/"),
        lambda n: [check_every_item(StationFactory()) for _ in range(n)],
    )


def test_the_item_list_counts_the_stations_meeting_it_today(staff_client):
    a, b = StationFactory(), StationFactory()
    check_every_item(a, on=D(2017, 1, 3))
    check_every_item(a, on=D(2018, 1, 3), missing={"sign"})
    check_every_item(b)
    retired = StationFactory(active=False)
    check_every_item(retired)
    response = staff_client.get("/admin/reception/standarditem/")
    counts = {i.code: i.n_met for i in response.context["cl"].result_list}
    assert counts["sign"] == 1 and counts["venue"] == 2
    assert Station.objects.count() == 3
