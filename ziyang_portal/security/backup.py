"""Backup and restore of the whole portal: the database and the uploaded files.

A backup is a directory holding

- ``database.dump`` (``pg_dump -Fc``) on PostgreSQL, or ``database.sqlite3``
  (SQLite's online backup API, safe while the portal runs) on SQLite;
- ``media.tar.gz``, every file under MEDIA_ROOT;
- ``manifest.json``: when and from what it was made, the number of rows of every
  table, the SHA-256 of both files and of every media file.

A restore goes into an EMPTY database only (a fresh ``createdb``, or a SQLite
file that does not exist yet) and refuses to overwrite media files; it checks
the checksums first and the row counts and files afterwards.
See SECURITY.md ("Backup and restore") for the procedure.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}
FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def row_counts(using: str = "default") -> dict[str, int]:
    """Rows per table of every model the portal manages, by model label."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.proxy or not opts.managed:
            continue
        counts[opts.label] = model._base_manager.using(using).count()
    return dict(sorted(counts.items()))


def media_checksums(media_root: Path) -> dict[str, str]:
    if not media_root.exists():
        return {}
    return {
        path.relative_to(media_root).as_posix(): sha256(path)
        for path in sorted(media_root.rglob("*"))
        if path.is_file()
    }


# -- backup ----------------------------------------------------------------


def create_backup(output: Path, *, using: str = "default", media_root=None) -> dict:
    """Write a backup into `output` (created; must be empty) and return its manifest."""
    output = Path(output)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    if output.exists() and any(output.iterdir()):
        raise BackupError(
            _("%(path)s is not empty; choose a new directory.") % {"path": output}
        )
    output.mkdir(parents=True, exist_ok=True)
    connection = connections[using]
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(
            _("Backups of %(engine)s databases are not supported.") % {"engine": vendor}
        )
    database_file = output / DATABASE_FILES[vendor]
    counts = row_counts(using)
    if vendor == "sqlite":
        _sqlite_backup(connection, database_file)
    else:
        _pg_dump(connection, database_file)
    media_files = media_checksums(media_root)
    media_file = output / MEDIA_ARCHIVE
    with tarfile.open(media_file, "w:gz") as archive:
        for name in media_files:
            archive.add(media_root / name, arcname=name, recursive=False)
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "engine": vendor,
        "database": database_file.name,
        "media": media_file.name,
        "checksums": {
            database_file.name: sha256(database_file),
            media_file.name: sha256(media_file),
        },
        "counts": counts,
        "media_files": media_files,
    }
    (output / MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    os.chmod(output, 0o700)
    for path in output.iterdir():
        os.chmod(path, 0o600)
    return manifest


def _sqlite_backup(connection, target: Path) -> None:
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        with connection.wrap_database_errors:
            connection.connection.backup(destination)
    finally:
        destination.close()


def _pg_environment(connection) -> dict[str, str]:
    params = connection.settings_dict
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if params.get(key):
            env[variable] = str(params[key])
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    if not shutil.which(command[0]):
        raise BackupError(
            _(
                "%(program)s is not installed "
                "(Debian: apt-get install postgresql-client)."
            )
            % {"program": command[0]}
        )
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s")
            % {"program": command[0], "error": result.stderr.strip()[:2000]}
        )


def _pg_dump(connection, target: Path) -> None:
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "-f",
            str(target),
        ],
        _pg_environment(connection),
    )


# -- restore ---------------------------------------------------------------


def read_manifest(source: Path) -> dict:
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(
            _("%(path)s holds no readable manifest.json: %(error)s")
            % {"path": source, "error": exc}
        ) from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(
            _("Unknown backup format %(format)r.") % {"format": manifest.get("format")}
        )
    for name, expected in manifest["checksums"].items():
        path = source / name
        if not path.is_file():
            raise BackupError(
                _("%(name)s is missing from the backup.") % {"name": name}
            )
        if sha256(path) != expected:
            raise BackupError(
                _("%(name)s is damaged: its checksum does not match.") % {"name": name}
            )
    return manifest


def database_is_empty(using: str = "default") -> bool:
    connection = connections[using]
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def restore_backup(source: Path, *, using: str = "default", media_root=None) -> list:
    """Restore a backup into an empty database and media directory.

    Returns the differences found by the check afterwards (empty when every
    table has its rows and every file its content).
    """
    source = Path(source)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    manifest = read_manifest(source)
    connection = connections[using]
    if connection.vendor != manifest["engine"]:
        raise BackupError(
            _("The backup is of a %(backup)s database; the target is %(target)s.")
            % {"backup": manifest["engine"], "target": connection.vendor}
        )
    if not database_is_empty(using):
        raise BackupError(
            _(
                "The target database is not empty. Restore into a new, empty "
                "database (createdb, or a SQLite file that does not exist yet)."
            )
        )
    clashes = [n for n in manifest["media_files"] if (media_root / n).exists()]
    if clashes:
        raise BackupError(
            _(
                "%(count)d media files already exist under %(path)s (for example "
                "%(example)s); restore into an empty media directory."
            )
            % {"count": len(clashes), "path": media_root, "example": clashes[0]}
        )
    database_file = source / manifest["database"]
    if connection.vendor == "sqlite":
        _sqlite_restore(connection, database_file)
    else:
        _pg_restore(connection, database_file)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / manifest["media"], "r:gz") as archive:
        # The "data" filter refuses absolute paths, links out of the tree and
        # device files, so a tampered archive cannot write outside MEDIA_ROOT.
        archive.extractall(media_root, filter="data")
    return verify_restore(manifest, using=using, media_root=media_root)


def _sqlite_restore(connection, database_file: Path) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{database_file}?mode=ro", uri=True)
    try:
        with connection.wrap_database_errors:
            source.backup(connection.connection)
    finally:
        source.close()


def _pg_restore(connection, database_file: Path) -> None:
    env = _pg_environment(connection)
    connection.close()
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={env.get('PGDATABASE', '')}",
            str(database_file),
        ],
        env,
    )


def verify_restore(manifest: dict, *, using: str, media_root: Path) -> list[str]:
    problems = []
    restored = row_counts(using)
    for label, expected in manifest["counts"].items():
        found = restored.get(label)
        if found != expected:
            problems.append(
                _("%(table)s: %(found)s rows restored, %(expected)s backed up")
                % {"table": label, "found": found, "expected": expected}
            )
    for name, expected in manifest["media_files"].items():
        path = media_root / name
        if not path.is_file():
            problems.append(_("Media file missing: %(name)s") % {"name": name})
        elif sha256(path) != expected:
            problems.append(_("Media file differs: %(name)s") % {"name": name})
    return problems
