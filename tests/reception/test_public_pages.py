"""The public station pages and this app's sections of shared pages."""

import pytest

from reception import archive, home, profile
from tests.utils import assert_constant_queries

from .factories import (
    ReceptionSessionFactory,
    SessionIssueFactory,
    SessionPhotoFactory,
    StationFactory,
)

pytestmark = pytest.mark.django_db


def test_the_station_list_shows_schedule_and_assigned_deputies(
    client, station, zhang, colleague, office
):
    response = client.get("/stations/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "人大代表接待站" in html
    assert station.name in html and office.name in html
    assert station.reception_days in html and station.opening_hours in html
    assert zhang.name in html and colleague.name in html
    assert "街道全体人大代表" in html  # the office is open to every deputy


def test_the_station_list_hides_stations_out_of_service(client, db):
    StationFactory(name="已撤销示例站", active=False)
    assert "已撤销示例站" not in client.get("/stations/").content.decode()


def test_the_station_list_rejects_post(client, db):
    assert client.post("/stations/").status_code == 405


def test_the_station_page_shows_recent_sessions_without_personal_data(
    client, station, zhang
):
    session = ReceptionSessionFactory(
        station=station,
        deputies=[zhang],
        voters_received=17,
        summary="居民反映路灯问题,联系电话13812345678。",
    )
    SessionIssueFactory(session=session, text="某居民反映其家门口路灯不亮")
    SessionPhotoFactory(session=session)
    response = client.get(f"/stations/{station.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "接待选民 17 人" in html
    assert "反映问题 1 个" in html
    assert "138****5678" in html
    assert "13812345678" not in html
    # Issue lines stay in the workspace and the suggestions app.
    assert "家门口路灯不亮" not in html
    assert zhang.phone not in html
    # Session photos may show voters' faces: not on the public page.
    photo = session.photos.get()
    assert photo.image.url not in html
    assert photo.image.name.rsplit("/", 1)[-1] not in html
    assert "/media/" + photo.image.name not in html
    assert "reception/sessions" not in html


def test_the_station_page_shows_at_most_five_sessions(client, station, zhang):
    for voters in range(1, 8):
        ReceptionSessionFactory(
            station=station, deputies=[zhang], voters_received=voters
        )
    response = client.get(f"/stations/{station.slug}/")
    assert len(response.context["sessions"]) == 5


def test_an_unknown_or_retired_station_is_404(client, db):
    StationFactory(slug="retired", active=False)
    assert client.get("/stations/nowhere/").status_code == 404
    assert client.get("/stations/retired/").status_code == 404


def test_the_station_pages_make_a_constant_number_of_queries(client, station, zhang):
    from tests.factories import DeputyFactory

    def add_stations(n):
        for _ in range(n):
            StationFactory(deputies=[DeputyFactory(), DeputyFactory()])

    assert_constant_queries(lambda: client.get("/stations/"), add_stations)

    def add_sessions(n):
        for _ in range(n):
            session = ReceptionSessionFactory(
                station=station, deputies=[zhang, DeputyFactory()]
            )
            SessionIssueFactory(session=session)
            SessionPhotoFactory(session=session)

    assert_constant_queries(
        lambda: client.get(f"/stations/{station.slug}/"), add_sessions
    )


def test_the_home_page_lists_the_stations(client, station):
    html = client.get("/").content.decode()
    assert station.name in html
    assert f"/stations/{station.slug}/" in html


def test_the_home_section_is_left_out_without_stations(rf, db):
    assert home.section(rf.get("/")) is None


def test_the_profile_section_names_the_deputys_stations(station, zhang, li):
    assert [s.name for s in profile.section(zhang)["stations"]] == [station.name]
    assert profile.section(li) is None


def test_the_archive_section_counts_sessions_voters_and_photos_per_year(
    station, zhang, colleague
):
    import datetime
    import zoneinfo

    def at(year):
        wuhan = zoneinfo.ZoneInfo("Asia/Shanghai")
        return datetime.datetime(year, 6, 1, 9, 0, tzinfo=wuhan)

    s1 = ReceptionSessionFactory(
        station=station, deputies=[zhang], started_at=at(2018), voters_received=20
    )
    ReceptionSessionFactory(
        station=station,
        deputies=[zhang, colleague],
        started_at=at(2018),
        voters_received=9,
    )
    ReceptionSessionFactory(
        station=station, deputies=[zhang], started_at=at(2019), voters_received=4
    )
    ReceptionSessionFactory(station=station, deputies=[colleague], started_at=at(2018))
    SessionIssueFactory(session=s1)
    SessionPhotoFactory(session=s1)
    section = archive.section(zhang, 2018)
    assert section["session_count"] == 2
    assert section["voters"] == 29
    assert section["issues"] == 1
    assert len(section["photos"]) == 1
    assert archive.section(zhang, None)["session_count"] == 3
    assert archive.section(zhang, 2017) is None


def test_the_archive_section_renders(station, zhang):
    from django.template.loader import render_to_string

    ReceptionSessionFactory(station=station, deputies=[zhang], voters_received=11)
    html = render_to_string(
        "reception/_archive.html", {"section": archive.section(zhang, None)}
    )
    assert "共参加接待活动 1 次,接待选民 11 人,收集问题 0 个。" in html
    assert station.name in html


def test_the_station_pages_also_work_in_english(client, station, zhang):
    ReceptionSessionFactory(station=station, deputies=[zhang], voters_received=3)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/stations/").content.decode()
    assert '<h1 class="h3">Deputies\' reception stations</h1>' in html
    html = client.get(f"/stations/{station.slug}/").content.decode()
    assert "3 voters received" in html
    assert "Recent reception sessions" in html
