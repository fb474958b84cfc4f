"""The eight-haves (八有) items exist from the first deployment.

A data migration, not only the demo loader: a production portal has no demo data
but needs the standard on day one. Staff may rename the items afterwards; the
codes stay, so `StandardItem.objects.ensure_defaults()` (used by the demo and
the tests) never duplicates a renamed item.
"""

from django.db import migrations

# A copy, not an import: a migration must not change when models.py does.
DEFAULTS = [
    ("venue", "有场所"),
    ("sign", "有标牌"),
    ("rules", "有制度"),
    ("staff", "有人员"),
    ("plan", "有计划"),
    ("funds", "有经费"),
    ("records", "有档案"),
    ("activities", "有活动"),
]


def create_defaults(apps, schema_editor):
    StandardItem = apps.get_model("reception", "StandardItem")
    for order, (code, name) in enumerate(DEFAULTS, start=1):
        StandardItem.objects.using(schema_editor.connection.alias).get_or_create(
            code=code, defaults={"name": name, "ordering": order}
        )


class Migration(migrations.Migration):
    dependencies = [("reception", "0001_initial")]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
