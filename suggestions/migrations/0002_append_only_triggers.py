"""Database triggers that refuse UPDATE on the append-only tables.

The models refuse update and delete through the ORM; the triggers make the
database itself refuse changes to a written row, whatever the client. DELETE is
left to the ORM and to PROTECT foreign keys, because test databases are emptied
with DELETE (SQLite) between transactional tests.
"""

from django.db import migrations

TABLES = [
    "suggestions_timelineentry",
    "suggestions_escalationfollowup",
    "suggestions_personaldatareveal",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "sqlite":
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'append-only table'); END;"
            )
        elif vendor == "postgresql":
            schema_editor.execute(
                "CREATE OR REPLACE FUNCTION suggestions_refuse_update() "
                "RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'append-only table %', TG_TABLE_NAME; "
                "END; $$ LANGUAGE plpgsql;",
                params=None,  # the % above is PL/pgSQL's, not a placeholder
            )
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION suggestions_refuse_update();"
            )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only;")
        elif vendor == "postgresql":
            schema_editor.execute(
                f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};"
            )
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS suggestions_refuse_update();")


class Migration(migrations.Migration):
    dependencies = [("suggestions", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
