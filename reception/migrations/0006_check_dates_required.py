"""Every check has its date (given to the undated ones by 0005), several checks
of one item at one station are kept, one a day, and a station is in service
exactly until its retirement day."""

from django.db import migrations, models

import core.images


class Migration(migrations.Migration):
    dependencies = [("reception", "0005_station_service_dates_check_history")]

    operations = [
        migrations.AlterField(
            model_name="standardcheck",
            name="checked_on",
            field=models.DateField(
                help_text="The day the item was checked at the station.",
                verbose_name="date checked",
            ),
        ),
        migrations.AlterField(
            model_name="standardcheck",
            name="evidence",
            field=core.images.PortalImageField(
                blank=True,
                help_text="Shown on the public station page: photograph the station, never a resident.",
                upload_to=core.images.UploadTo("reception/evidence"),
                verbose_name="evidence photo",
            ),
        ),
        migrations.AlterField(
            model_name="station",
            name="active",
            field=models.BooleanField(
                default=True, editable=False, verbose_name="in service"
            ),
        ),
        migrations.AddConstraint(
            model_name="standardcheck",
            constraint=models.UniqueConstraint(
                fields=("station", "item", "checked_on"),
                name="reception_one_check_per_item_and_day",
                violation_error_message="This item was already checked at this station on that day; change that check instead.",
            ),
        ),
        migrations.AddConstraint(
            model_name="station",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("active", True), ("closed_on__isnull", True)),
                    models.Q(("active", False), ("closed_on__isnull", False)),
                    _connector="OR",
                ),
                name="reception_station_active_until_retired",
            ),
        ),
        migrations.AddConstraint(
            model_name="station",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("opened_on__isnull", True),
                    ("closed_on__isnull", True),
                    ("closed_on__gt", models.F("opened_on")),
                    _connector="OR",
                ),
                name="reception_station_opened_before_retired",
                violation_error_message="A station is retired after the day it came into service.",
            ),
        ),
    ]
