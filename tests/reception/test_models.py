"""Rules about stations, the eight-haves standard and sessions."""

import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from reception.models import (
    DEFAULT_STANDARD_ITEMS,
    MAX_VOTERS_PER_SESSION,
    DelegationVisit,
    ReceptionSession,
    StandardCheck,
    StandardItem,
    Station,
)
from tests.factories import DeputyFactory

from .factories import (
    DelegationVisitFactory,
    ReceptionSessionFactory,
    StationFactory,
    check_every_item,
)

pytestmark = pytest.mark.django_db


def tick_all(station, met=True):
    check_every_item(station, met=met)


def test_the_eight_default_items_exist_after_migrating():
    names = list(StandardItem.objects.active().values_list("name", flat=True))
    assert names == [name for _code, name in DEFAULT_STANDARD_ITEMS]


def test_ensure_defaults_keeps_a_renamed_item_and_adds_nothing_twice():
    item = StandardItem.objects.get(code="sign")
    item.name = "有醒目标牌"
    item.save()
    assert StandardItem.objects.ensure_defaults() == 0
    assert StandardItem.objects.count() == 8
    assert StandardItem.objects.get(code="sign").name == "有醒目标牌"


def test_a_station_with_every_item_met_meets_the_standard():
    station = StationFactory()
    tick_all(station)
    annotated = Station.objects.with_standard().get(pk=station.pk)
    assert (annotated.items_met, annotated.items_total) == (8, 8)
    assert annotated.meets_standard is True
    assert list(Station.objects.meeting_standard()) == [station]


def test_one_item_not_met_means_the_standard_is_not_met():
    station = StationFactory()
    tick_all(station)
    StandardCheck.objects.filter(station=station, item__code="funds").update(met=False)
    annotated = Station.objects.with_standard().get(pk=station.pk)
    assert annotated.items_met == 7
    assert annotated.meets_standard is False
    assert not Station.objects.meeting_standard().exists()


def test_a_new_item_in_force_must_be_met_too():
    station = StationFactory()
    tick_all(station)
    StandardItem.objects.create(code="wifi", name="有网络", ordering=9)
    assert not Station.objects.meeting_standard().exists()
    tick_all(station)
    assert Station.objects.meeting_standard().count() == 1


def test_a_retired_item_no_longer_counts():
    station = StationFactory()
    tick_all(station)
    StandardCheck.objects.filter(station=station, item__code="funds").update(met=False)
    StandardItem.objects.filter(code="funds").update(active=False)
    annotated = Station.objects.with_standard().get(pk=station.pk)
    assert (annotated.items_met, annotated.items_total) == (7, 7)
    assert annotated.meets_standard is True


def test_without_any_item_in_force_no_station_meets_the_standard():
    station = StationFactory()
    tick_all(station)
    StandardItem.objects.update(active=False)
    assert not Station.objects.meeting_standard().exists()


def test_stations_upgraded_in_a_year():
    StationFactory(upgraded_on=datetime.date(2018, 5, 1))
    StationFactory(upgraded_on=datetime.date(2019, 1, 1))
    StationFactory(upgraded_on=None)
    assert Station.objects.upgraded_in(2018).count() == 1


def test_delegation_visits_in_a_year():
    DelegationVisitFactory(date=datetime.date(2018, 12, 31))
    DelegationVisitFactory(date=datetime.date(2019, 1, 1))
    assert DelegationVisit.objects.in_year(2018).count() == 1


def test_sessions_and_voters_in_a_year_use_local_time():
    # 2018-12-31 23:30 in Wuhan is still 2018, although it is 15:30 UTC.
    late = datetime.datetime(2018, 12, 31, 15, 30, tzinfo=datetime.UTC)
    ReceptionSessionFactory(started_at=late, voters_received=7)
    ReceptionSessionFactory(
        started_at=datetime.datetime(2018, 12, 31, 16, 30, tzinfo=datetime.UTC),
        voters_received=100,
    )
    assert ReceptionSession.objects.in_year(2018).count() == 1
    assert ReceptionSession.objects.in_year(2018).voters_total() == 7
    assert ReceptionSession.objects.in_year(2017).voters_total() == 0


def test_a_deputy_may_be_named_at_an_assigned_or_open_station_only():
    zhang, wang = DeputyFactory(), DeputyFactory()
    assigned = StationFactory(deputies=[zhang])
    office = StationFactory(kind=Station.Kind.STREET_OFFICE, open_to_all_deputies=True)
    assert assigned.accepts_deputy(zhang)
    assert not assigned.accepts_deputy(wang)
    assert office.accepts_deputy(wang)
    assert set(Station.objects.for_deputy(wang)) == {office}
    assert set(Station.objects.for_deputy(zhang)) == {assigned, office}


def test_a_station_out_of_service_takes_no_session():
    zhang = DeputyFactory()
    StationFactory(deputies=[zhang], active=False)
    assert not Station.objects.for_deputy(zhang).exists()


def test_the_deputy_edit_window_closes_after_seven_days():
    session = ReceptionSessionFactory()
    now = timezone.now()
    session.created_at = now - datetime.timedelta(days=6, hours=23)
    assert session.deputy_can_edit(now)
    session.created_at = now - datetime.timedelta(days=7, seconds=1)
    assert not session.deputy_can_edit(now)


def test_the_database_refuses_an_absurd_voter_count():
    with pytest.raises(IntegrityError):
        ReceptionSessionFactory(voters_received=MAX_VOTERS_PER_SESSION + 1)
