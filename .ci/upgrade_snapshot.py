"""Row counts of every table and a digest of every stored file, as JSON.

    python .ci/upgrade_snapshot.py SQLITE_FILE MEDIA_DIR [--orm]

Reads the SQLite file directly, so that the same script describes a database
made by any version of the portal. With --orm it also counts the rows of every
model through Django (run from the checkout whose models are being checked, with
DATABASE_URL naming the same file), keyed by the model's table.
"""

import hashlib
import json
import sqlite3
import sys
from pathlib import Path


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            name: conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]
            for name in names
        }


# Tables that grow with every new model: compared by their rows' keys (each row
# before must still be there), not by their counts.
KEYED = {
    # Rows keep their ids when a model changes app (the content-type move).
    "django_content_type": "SELECT id FROM django_content_type",
    "auth_permission": "SELECT id FROM auth_permission",
    # Roles gain the permissions of new models when they are synced.
    "auth_group_permissions": "SELECT group_id || ':' || permission_id"
    " FROM auth_group_permissions",
}


def keyed_rows(db: Path) -> dict[str, list[str]]:
    with sqlite3.connect(db) as conn:
        return {
            table: sorted(str(row[0]) for row in conn.execute(query))
            for table, query in KEYED.items()
        }


def file_digests(media: Path) -> dict[str, str]:
    return {
        str(path.relative_to(media)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media.rglob("*"))
        if path.is_file()
    }


def orm_counts() -> dict[str, int]:
    import os

    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ziyang_portal.settings.local")
    import django
    from django.apps import apps

    django.setup()
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.db_table] = model._base_manager.count()
    return counts


def stale_content_types() -> list[str]:
    """Content types of no installed model: left behind by a model that moved."""
    from django.contrib.contenttypes.models import ContentType

    return sorted(
        f"{ct.app_label}.{ct.model}"
        for ct in ContentType.objects.all()
        if ct.model_class() is None
    )


if __name__ == "__main__":
    db, media = Path(sys.argv[1]), Path(sys.argv[2])
    snapshot = {
        "tables": table_counts(db),
        "keys": keyed_rows(db),
        "files": file_digests(media),
    }
    if "--orm" in sys.argv[3:]:
        snapshot["orm"] = orm_counts()
        snapshot["stale_content_types"] = stale_content_types()
    json.dump(snapshot, sys.stdout, indent=1, sort_keys=True)
