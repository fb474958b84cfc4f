"""The committee's back office for stations, visits and sessions."""

import datetime
import io
import zoneinfo

import pytest
from openpyxl import load_workbook

from reception.models import ReceptionSession, Station
from tests.factories import DeputyFactory
from tests.utils import assert_constant_queries

from .factories import (
    DelegationVisitFactory,
    ReceptionSessionFactory,
    SessionIssueFactory,
    SessionPhotoFactory,
    StationFactory,
    check_every_item,
)

pytestmark = pytest.mark.django_db

CHANGELISTS = "/admin/reception/{}/"


WUHAN = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(year, month, day=10):
    return datetime.datetime(year, month, day, 9, 0, tzinfo=WUHAN)


def test_station_changelist_shows_at_a_glance_who_meets_the_standard(staff_client):
    good = StationFactory(name="达标示例站")
    check_every_item(good)
    poor = StationFactory(name="未达标示例站")
    check_every_item(poor, missing={"sign"})
    response = staff_client.get("/admin/reception/station/")
    assert response.status_code == 200
    rows = {s.name: s for s in response.context["cl"].result_list}
    assert rows["达标示例站"].meets_standard is True
    assert rows["未达标示例站"].meets_standard is False
    html = response.content.decode()
    assert "8/8" in html and "7/8" in html


def test_a_station_added_in_the_admin_has_no_check_until_one_is_made(staff_client, db):
    from tests.factories import CommunityFactory

    community = CommunityFactory()
    data = {
        "name": "新建示例站",
        "slug": "new-demo",
        "kind": "station",
        "community": community.pk,
        "address": "示例路1号",
        "ordering": 0,
        "checks-TOTAL_FORMS": "0",
        "checks-INITIAL_FORMS": "0",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
    }
    response = staff_client.post("/admin/reception/station/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    station = Station.objects.get(slug="new-demo")
    assert not station.checks.exists()
    assert station.active and station.closed_on is None
    listed = Station.objects.with_standard().get(pk=station.pk)
    assert (listed.items_met, listed.meets_standard) == (0, False)


@pytest.mark.parametrize(
    "model", ["station", "receptionsession", "delegationvisit", "standarditem"]
)
def test_changelists_make_a_constant_number_of_queries(staff_client, model):
    def add(n):
        for _ in range(n):
            station = StationFactory(deputies=[DeputyFactory()])
            check_every_item(station)
            session = ReceptionSessionFactory(
                station=station, deputies=[DeputyFactory(), DeputyFactory()]
            )
            SessionIssueFactory(session=session)
            SessionPhotoFactory(session=session)
            DelegationVisitFactory().stations.set([station])

    url = CHANGELISTS.format(model)
    assert_constant_queries(lambda: staff_client.get(url), add)
    assert staff_client.get(url).status_code == 200


def test_the_session_changelist_links_to_the_statistics(staff_client):
    html = staff_client.get("/admin/reception/receptionsession/").content.decode()
    assert "/admin/reception/receptionsession/statistics/" in html
    assert "年度统计" in html


def test_sessions_are_filtered_by_station_deputy_and_month(staff_client, zhang, li):
    a, b = StationFactory(), StationFactory()
    may = ReceptionSessionFactory(station=a, deputies=[zhang], started_at=at(2018, 5))
    june = ReceptionSessionFactory(station=b, deputies=[li], started_at=at(2018, 6))
    url = "/admin/reception/receptionsession/"

    def listed(query):
        response = staff_client.get(url + query)
        assert response.status_code == 200
        return {s.pk for s in response.context["cl"].result_list}

    assert listed(f"?station__id__exact={a.pk}") == {may.pk}
    assert listed(f"?deputies__id__exact={li.pk}") == {june.pk}
    assert listed("?month=2018-05") == {may.pk}
    assert listed("?month=garbage") == set()


def test_yearly_statistics_per_station(staff_client, zhang, li):
    station = StationFactory(name="统计示例站", deputies=[zhang, li])
    ReceptionSessionFactory(
        station=station, deputies=[zhang], started_at=at(2018, 3), voters_received=30
    )
    ReceptionSessionFactory(
        station=station,
        deputies=[zhang, li],
        started_at=at(2018, 9),
        voters_received=12,
    )
    ReceptionSessionFactory(
        station=station, deputies=[li], started_at=at(2019, 1), voters_received=99
    )
    response = staff_client.get(
        "/admin/reception/receptionsession/statistics/?year=2018"
    )
    assert response.status_code == 200
    row = next(r for r in response.context["rows"] if r.station == station)
    assert (row.sessions, row.voters, row.attendances) == (2, 42, 3)
    assert (row.deputies_present, row.deputies_assigned, row.attendance_rate) == (
        2,
        2,
        100,
    )
    assert response.context["totals"]["voters"] == 42
    deputies = {d.name: d.n_sessions for d in response.context["deputies"]}
    assert deputies == {zhang.name: 2, li.name: 1}
    voters = {d.name: d.n_voters for d in response.context["deputies"]}
    assert voters == {zhang.name: 42, li.name: 12}
    assert "2018年接待选民统计" in response.content.decode()


def test_statistics_tolerate_a_bad_year(staff_client):
    response = staff_client.get(
        "/admin/reception/receptionsession/statistics/?year=abc"
    )
    assert response.status_code == 200


def test_statistics_query_count_does_not_grow_with_sessions(staff_client):
    station = StationFactory(deputies=[DeputyFactory()])

    def add(n):
        for _ in range(n):
            ReceptionSessionFactory(
                station=station, deputies=[DeputyFactory()], started_at=at(2018, 4)
            )
            StationFactory(deputies=[DeputyFactory()])

    url = "/admin/reception/receptionsession/statistics/?year=2018"
    assert_constant_queries(lambda: staff_client.get(url), add)


def test_the_year_exports_to_excel_with_one_row_per_session_and_issue(
    staff_client, zhang
):
    station = StationFactory(name="导出示例站")
    session = ReceptionSessionFactory(
        station=station, deputies=[zhang], started_at=at(2018, 5), voters_received=25
    )
    SessionIssueFactory(session=session, text="路灯不亮")
    ReceptionSessionFactory(station=station, started_at=at(2019, 5))
    response = staff_client.get(
        "/admin/reception/receptionsession/statistics/?year=2018&format=xlsx"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    sessions, issues = book.worksheets
    rows = list(sessions.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 2  # one session and the total row
    assert rows[0][2] == "导出示例站" and rows[0][4] == zhang.name and rows[0][5] == 25
    assert rows[-1][0] == "合计" and rows[-1][5] == 25
    issue_rows = list(issues.iter_rows(min_row=2, values_only=True))
    assert [r[5] for r in issue_rows] == ["路灯不亮"]
    assert str(session.issues.get().uid) == issue_rows[0][0]
    # No deputy's private phone reaches the file.
    text = " ".join(str(c) for r in rows for c in r)
    assert zhang.phone not in text


def test_the_export_action_exports_the_selected_sessions(staff_client):
    keep = ReceptionSessionFactory(voters_received=7)
    ReceptionSessionFactory(voters_received=8)
    response = staff_client.post(
        "/admin/reception/receptionsession/",
        {"action": "export_xlsx", "_selected_action": [keep.pk]},
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    assert [r[5] for r in rows] == [7, 7]


def test_statistics_and_export_are_refused_to_deputies_and_residents(
    deputy_client, resident_client, client
):
    ReceptionSessionFactory()
    url = "/admin/reception/receptionsession/statistics/?format=xlsx"
    for c in (deputy_client, resident_client, client):
        response = c.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_staff_log_a_session_in_the_admin_as_its_creator(
    staff_client, staff_user, zhang
):
    station = StationFactory(deputies=[zhang])
    data = {
        "station": station.pk,
        "started_at_0": "2018-05-10",
        "started_at_1": "09:00:00",
        "mode": "centralised",
        "deputies": [zhang.pk],
        "voters_received": "18",
        "summary": "",
        "issues-TOTAL_FORMS": "1",
        "issues-INITIAL_FORMS": "0",
        "issues-0-text": "后台登记的问题",
        "issues-0-ordering": "0",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
    }
    response = staff_client.post("/admin/reception/receptionsession/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    session = ReceptionSession.objects.get()
    assert session.created_by == staff_user
    assert session.issues.get().text == "后台登记的问题"


def test_stations_are_filtered_by_whether_they_meet_the_standard(staff_client):
    good, poor = StationFactory(), StationFactory()
    check_every_item(good)
    check_every_item(poor, met=False)

    def listed(value):
        response = staff_client.get(f"/admin/reception/station/?standard={value}")
        return {s.pk for s in response.context["cl"].result_list}

    assert listed("yes") == {good.pk}
    assert listed("no") == {poor.pk}
