"""Upgrading a database whose checks and stations were recorded without dates
keeps every row and gives each the date the migration documents."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("reception", "0004_move_session_photos")]
AFTER = [("reception", "0006_check_dates_required")]
D = datetime.date


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_undated_checks_and_retired_stations_get_their_documented_dates():
    try:
        old = migrate(BEFORE)
        Station = old.get_model("reception", "Station")
        Item = old.get_model("reception", "StandardItem")
        Check = old.get_model("reception", "StandardCheck")
        sign, venue = Item.objects.get(code="sign"), Item.objects.get(code="venue")
        upgraded = Station.objects.create(
            name="甲示例站", slug="a", address="示例路1号", upgraded_on=D(2018, 4, 20)
        )
        retired = Station.objects.create(
            name="乙示例站", slug="b", address="示例路2号", active=False
        )
        Check.objects.create(station=upgraded, item=sign, met=True)
        Check.objects.create(
            station=upgraded, item=venue, met=True, checked_on=D(2017, 1, 5)
        )
        Check.objects.create(station=retired, item=sign, met=False)

        new = migrate(AFTER)
        Station = new.get_model("reception", "Station")
        Check = new.get_model("reception", "StandardCheck")
        dates = {
            (c.station.slug, c.item.code): (c.checked_on, c.met)
            for c in Check.objects.select_related("station", "item")
        }
        assert dates == {
            ("a", "sign"): (D(2018, 4, 20), True),  # the upgrade day
            ("a", "venue"): (D(2017, 1, 5), True),  # its own date kept
            ("b", "sign"): (D(2000, 1, 1), False),  # no upgrade day
        }
        service = {
            s.slug: (s.active, s.opened_on, s.closed_on) for s in Station.objects.all()
        }
        assert service == {
            "a": (True, None, None),
            "b": (False, None, D(2000, 1, 1)),
        }
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
