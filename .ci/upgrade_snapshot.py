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


if __name__ == "__main__":
    db, media = Path(sys.argv[1]), Path(sys.argv[2])
    snapshot = {"tables": table_counts(db), "files": file_digests(media)}
    if "--orm" in sys.argv[3:]:
        snapshot["orm"] = orm_counts()
    json.dump(snapshot, sys.stdout, indent=1, sort_keys=True)
