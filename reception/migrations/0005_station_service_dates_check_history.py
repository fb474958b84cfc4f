"""Stations carry the days they were in service; a station is checked many times.

Every existing row is kept:

- A check recorded without a date is dated the station's upgrade date (提档升级,
  when the checklist was filled in), else 1 January 2000 (`UNDATED_CHECK`), a day
  before any of the portal's records: the check then stands as the station's
  state in every year until a later check, as the report read it before. The
  portal did not record when a check row was written, so no other date exists.
- A station out of service is given 1 January 2000 (`UNDATED_RETIREMENT`) as its
  retirement day, so that, as before, no year's report counts it as in service;
  staff enter the real day in the admin. Stations in service keep an empty
  "in service from" (in service since before the records begin).

Reversing drops the dates of service and keeps the checks' dates; it fails if
two checks of one item at one station remain, since only one was allowed then.
"""

import datetime

from django.db import migrations, models

UNDATED_CHECK = datetime.date(2000, 1, 1)
UNDATED_RETIREMENT = datetime.date(2000, 1, 1)


def date_the_records(apps, schema_editor):
    db = schema_editor.connection.alias
    Station = apps.get_model("reception", "Station")
    StandardCheck = apps.get_model("reception", "StandardCheck")
    undated = StandardCheck.objects.using(db).filter(checked_on__isnull=True)
    for check in undated.select_related("station"):
        check.checked_on = check.station.upgraded_on or UNDATED_CHECK
        check.save(update_fields=["checked_on"])
    Station.objects.using(db).filter(active=False, closed_on__isnull=True).update(
        closed_on=UNDATED_RETIREMENT
    )


class Migration(migrations.Migration):
    dependencies = [
        ("deputies", "0002_activities_reports_byelections"),
        ("reception", "0004_move_session_photos"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="standardcheck",
            options={
                "ordering": ["-checked_on", "-pk"],
                "verbose_name": "standard check",
                "verbose_name_plural": "eight-haves checks",
            },
        ),
        migrations.RemoveConstraint(
            model_name="standardcheck",
            name="reception_one_check_per_item",
        ),
        migrations.AddField(
            model_name="station",
            name="closed_on",
            field=models.DateField(
                blank=True,
                help_text="The first day the station is no longer in service; empty while it is in service.",
                null=True,
                verbose_name="retired on",
            ),
        ),
        migrations.AddField(
            model_name="station",
            name="opened_on",
            field=models.DateField(
                blank=True,
                help_text="The day the station came into service; empty if it was in service before the portal's records begin.",
                null=True,
                verbose_name="in service from",
            ),
        ),
        migrations.RunPython(date_the_records, migrations.RunPython.noop),
    ]
