"""The benchmark database: creating it, emptying the portal's tables, resetting ids."""

from urllib.parse import urlsplit, urlunsplit


def portal_models():
    """The models whose rows the generator makes (and a wipe removes)."""
    from django.apps import apps

    keep = {"contenttypes", "sessions", "admin"}
    keep_models = {"auth.permission", "auth.group", "auth.group_permissions"}
    models = []
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if model._meta.app_label in keep or label in keep_models:
            continue
        if not model._meta.managed or model._meta.proxy:
            continue
        models.append(model)
    return models


def reset_sequences(connection) -> None:
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), portal_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def has_records() -> bool:
    from deputies.models import Deputy
    from suggestions.models import Suggestion

    return Suggestion.objects.exists() or Deputy.objects.exists()


def wipe() -> None:
    """Empty the portal's tables (TRUNCATE on PostgreSQL, DELETE elsewhere)."""
    from django.core.management.color import no_style
    from django.db import connection, transaction

    tables = [m._meta.db_table for m in portal_models()]
    tables += ["django_session", "django_admin_log"]
    existing = set(connection.introspection.table_names())
    statements = connection.ops.sql_flush(
        no_style(),
        [t for t in tables if t in existing],
        reset_sequences=True,
        allow_cascade=True,
    )
    with transaction.atomic():
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA defer_foreign_keys = ON")
            elif connection.vendor == "postgresql":
                # TRUNCATE refuses tables with deferred checks still pending.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        connection.ops.execute_sql_flush(statements)


def ensure_database(url: str) -> bool:
    """Create the PostgreSQL database of ``url`` if it is missing; True if made."""
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        return False
    import psycopg2
    from psycopg2 import sql

    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    conn = psycopg2.connect(server)
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                return False
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return True
    finally:
        conn.close()
