"""The 2018 demo year reproduces the report's figures from its records."""

import pytest
from django.core.management import call_command

from reception.models import (
    DelegationVisit,
    ReceptionSession,
    SessionIssue,
    SessionPhoto,
    StandardCheck,
    StandardItem,
    Station,
)

pytestmark = pytest.mark.django_db

SEED_DELEGATIONS = {
    "全国人大办公厅",
    "江西省新余市渝水区人大",
    "山东省济南市槐荫区人大常委会",
    "山东省潍坊市奎文区人大代表",
}


@pytest.fixture
def demo(demo_2018, db):
    """The demo year, loaded once for this module."""
    return None


def test_nine_community_stations_were_upgraded_in_2018(demo):
    upgraded = Station.objects.upgraded_in(2018)
    assert upgraded.count() == 9
    assert set(upgraded.values_list("kind", flat=True)) == {Station.Kind.COMMUNITY}


def test_every_upgraded_station_meets_all_eight_items(demo):
    assert StandardItem.objects.active().count() == 8
    meeting = Station.objects.upgraded_in(2018).meeting_standard()
    assert meeting.count() == 9
    for station in Station.objects.community_stations().with_standard():
        assert (station.items_met, station.items_total) == (8, 8)
    assert not StandardCheck.objects.filter(met=True, evidence="").exists()


def test_the_street_office_is_a_venue_open_to_every_deputy(demo):
    office = Station.objects.get(kind=Station.Kind.STREET_OFFICE)
    assert office.open_to_all_deputies
    assert office.community is None


def test_the_four_delegation_visits_of_the_seed(demo):
    visits = DelegationVisit.objects.in_year(2018)
    assert visits.count() == 4
    assert set(visits.values_list("visiting_body", flat=True)) == SEED_DELEGATIONS
    assert all(visit.photos.exists() for visit in visits)


def test_five_sessions_received_129_voters(demo):
    sessions = ReceptionSession.objects.in_year(2018)
    assert sessions.count() == 5
    assert sessions.voters_total() == 129
    kinds = set(sessions.values_list("station__kind", flat=True))
    assert kinds == {Station.Kind.COMMUNITY, Station.Kind.STREET_OFFICE}


def test_each_session_has_issue_lines_and_photos(demo):
    for session in ReceptionSession.objects.in_year(2018):
        assert 2 <= session.issues.count() <= 6
        assert session.photos.count() >= 1
        assert session.deputies.exists()
    assert SessionIssue.objects.count() >= 15


def test_demo_issue_lines_and_summaries_hold_no_phone_number(demo):
    import re

    mobile = re.compile(r"1[3-9]\d{9}")
    texts = list(SessionIssue.objects.values_list("text", flat=True))
    texts += list(ReceptionSession.objects.values_list("summary", flat=True))
    assert not [t for t in texts if mobile.search(t)]


def test_demo_deputy_zhang_took_part_in_a_session_she_logged(demo):
    session = ReceptionSession.objects.get(
        station__slug="meiyinsi", started_at__year=2018
    )
    assert session.created_by.username == "deputy"
    assert session.deputies.filter(name="张某华").exists()


def test_loading_the_demo_twice_changes_nothing(demo):
    models = [Station, StandardCheck, DelegationVisit, ReceptionSession]
    models += [SessionIssue, SessionPhoto]
    before = {m: m.objects.count() for m in models}
    photos = set(SessionPhoto.objects.values_list("image", flat=True))
    call_command("load_demo")
    assert {m: m.objects.count() for m in models} == before
    assert set(SessionPhoto.objects.values_list("image", flat=True)) == photos


def test_the_demo_session_photos_are_private_and_shown_to_their_deputy(demo, client):
    from django.conf import settings
    from django.contrib.auth import get_user_model

    photos = SessionPhoto.objects.filter(session__station__slug="meiyinsi")
    assert photos.count() == 2
    for photo in SessionPhoto.objects.all():
        assert photo.image.name.startswith("private/reception/sessions/")
        assert not photo.image.name.startswith(settings.PUBLIC_MEDIA_PREFIXES)
    client.force_login(get_user_model().objects.get(username="deputy"))
    session = photos.first().session
    html = client.get(session.get_absolute_url()).content.decode()
    archive = client.get("/my/archive/", {"year": "2018"}).content.decode()
    for photo in photos:
        assert f'src="{photo.image.url}"' in html
        assert f'src="{photo.image.url}"' in archive
        assert client.get(photo.image.url).status_code == 200


def test_the_demo_checks_are_dated_on_each_stations_upgrade_day(demo):
    import datetime

    stations = Station.objects.community_stations()
    for station in stations:
        assert station.opened_on < station.upgraded_on
        days = set(station.checks.values_list("checked_on", flat=True))
        assert days == {station.upgraded_on}
    end_2017 = datetime.date(2017, 12, 31)
    assert stations.in_service_on(end_2017).count() == 9
    assert not stations.meeting_standard(end_2017).exists()
    assert stations.meeting_standard(datetime.date(2018, 12, 31)).count() == 9
