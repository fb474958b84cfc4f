"""Backup and restore: the demo year comes back whole into an empty database.

One test serves both engines: on SQLite (the normal pass) through SQLite's
online backup API, on PostgreSQL (CI's PostgreSQL pass) through pg_dump and
pg_restore into a scratch database created and dropped here. Every test runs
with a fresh BACKUP_KEY (tests/security/test_backup_encryption.py covers the
encryption itself).
"""

import json
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, connections, models
from django.db.utils import load_backend

from security.backup import MANIFEST, row_counts
from security.restore import database_is_empty

pytestmark = pytest.mark.django_db(transaction=True)

ALIAS = "restore_target"


@pytest.fixture(autouse=True)
def backup_key(settings):
    """A new BACKUP_KEY for each test, as `manage.py backup` needs one."""
    settings.BACKUP_KEY = Fernet.generate_key().decode()
    return settings.BACKUP_KEY


@contextmanager
def scratch_database(tmp_path: Path):
    """An empty database of the same engine as the tests', under ALIAS."""
    params = dict(connection.settings_dict)
    vendor = connection.vendor
    if vendor == "sqlite":
        params["NAME"] = str(tmp_path / "restored.sqlite3")
    elif vendor == "postgresql":
        params["NAME"] = f"test_restore_{os.getpid()}"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{params["NAME"]}"')
            cursor.execute(f'CREATE DATABASE "{params["NAME"]}"')
    else:
        pytest.fail(f"no backup procedure for {vendor}")
    # Made by hand rather than added to DATABASES: Django's test case lets a
    # dynamically created connection through its per-test database guard.
    connections[ALIAS] = load_backend(params["ENGINE"]).DatabaseWrapper(params, ALIAS)
    try:
        yield ALIAS
    finally:
        connections[ALIAS].close()
        del connections[ALIAS]
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    f'DROP DATABASE IF EXISTS "{params["NAME"]}" WITH (FORCE)'
                )


def every_row(using):
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        rows[model._meta.label] = list(
            model._base_manager.using(using).order_by("pk").values_list()
        )
    return rows


def stored_files(using):
    """(field value) of every file or image field of every row."""
    names = set()
    for model in apps.get_models():
        fields = [f for f in model._meta.fields if isinstance(f, models.FileField)]
        for field in fields:
            names.update(
                n
                for n in model._base_manager.using(using).values_list(
                    field.name, flat=True
                )
                if n
            )
    return names


def test_a_backup_of_the_demo_year_restores_every_record_and_file(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("load_demo")
    files = stored_files("default")
    assert files, "the demo year should hold photos"
    backup = tmp_path / "backup"
    call_command("backup", "--output", str(backup))

    manifest = json.loads((backup / MANIFEST).read_text())
    assert manifest["engine"] == connection.vendor
    assert manifest["counts"] == row_counts("default")
    assert manifest["counts"]["deputies.Deputy"] >= 15
    assert manifest["media_file_count"] >= len(files)

    restored_media = tmp_path / "restored-media"
    with scratch_database(tmp_path) as alias:
        call_command(
            "restore",
            str(backup),
            "--database",
            alias,
            "--media-root",
            str(restored_media),
        )
        original, restored = every_row("default"), every_row(alias)
        assert restored.keys() == original.keys()
        for label in original:
            assert restored[label] == original[label], f"{label} differs after restore"
        assert stored_files(alias) == files
    for name in files:
        before = Path(settings.MEDIA_ROOT, name).read_bytes()
        assert (restored_media / name).read_bytes() == before, name


def test_restore_refuses_a_database_that_is_not_empty(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("backup", "--output", str(tmp_path / "backup"))
    counts = row_counts("default")
    with pytest.raises(CommandError, match="不是空"):
        call_command(
            "restore", str(tmp_path / "backup"), "--media-root", str(tmp_path / "m2")
        )
    assert row_counts("default") == counts


def test_restore_refuses_a_damaged_backup(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    backup = tmp_path / "backup"
    call_command("backup", "--output", str(backup))
    manifest = json.loads((backup / MANIFEST).read_text())
    with open(backup / manifest["database"], "ab") as fh:
        fh.write(b"tampered")
    with scratch_database(tmp_path) as alias:
        with pytest.raises(CommandError, match="已损坏"):
            call_command("restore", str(backup), "--database", alias)
        assert database_is_empty(alias)


def test_backup_refuses_to_write_into_a_directory_that_is_not_empty(tmp_path):
    (tmp_path / "old.txt").write_text("keep me")
    with pytest.raises(CommandError, match="不是空"):
        call_command("backup", "--output", str(tmp_path))
    assert (tmp_path / "old.txt").read_text() == "keep me"
