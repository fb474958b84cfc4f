"""Backup and restore of the whole portal: the database and the uploaded files.

A backup is a directory, owner-only (0700, files 0600), holding

- ``database.dump.enc`` (``pg_dump -Fc``) on PostgreSQL, or
  ``database.sqlite3.enc`` (SQLite's online backup API, safe while the portal
  runs) on SQLite;
- ``media.tar.gz.enc``, every file under MEDIA_ROOT;
- ``contents.json.enc``: the SHA-256 of the database file and the name and
  SHA-256 of every media file, and the row count of every table;
- ``manifest.json``, readable without the key and free of personal data: when
  and from what it was made, the row count of every table, the number of media
  files, the fingerprint of the key and the SHA-256 of each encrypted file.

Every ``.enc`` file is sealed with BACKUP_KEY (security/backup_encryption.py);
without the key nothing is written. A restore goes into an EMPTY database only
(a fresh ``createdb``, or a SQLite file that does not exist yet) and refuses to
overwrite media files; it decrypts and authenticates every file before it
touches the database, restores files owner-only, and checks the row counts and
files afterwards (security/restore.py). See SECURITY.md ("Backup and restore").
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

from security.backup_encryption import (
    ALGORITHM,
    EncryptingWriter,
    EncryptionError,
    encrypt_file,
    key_id,
    load_key,
)

MANIFEST = "manifest.json"
CONTENTS = "contents.json.enc"
MEDIA_ARCHIVE = "media.tar.gz.enc"
DATABASE_FILES = {"sqlite": "database.sqlite3.enc", "postgresql": "database.dump.enc"}
FORMAT = 2


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why."""


def backup_key() -> bytes:
    """The BACKUP_KEY setting as key bytes; refuses a missing or malformed key."""
    try:
        return load_key(settings.BACKUP_KEY)
    except EncryptionError as exc:
        raise BackupError(str(exc)) from exc


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
    """Write an encrypted backup into `output` (created; must be empty).

    Returns the readable manifest.
    """
    key = backup_key()
    output = Path(output)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    if output.exists() and any(output.iterdir()):
        raise BackupError(
            _("%(path)s is not empty; choose a new directory.") % {"path": output}
        )
    connection = connections[using]
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(
            _("Backups of %(engine)s databases are not supported.") % {"engine": vendor}
        )
    output.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(output, 0o700)
    counts = row_counts(using)
    database_name = DATABASE_FILES[vendor]
    database_sha256 = _write_database(connection, output / database_name, key)
    media_files = media_checksums(media_root)
    with (
        EncryptingWriter(output / MEDIA_ARCHIVE, key, MEDIA_ARCHIVE) as sealed,
        tarfile.open(fileobj=sealed, mode="w|gz") as archive,
    ):
        for name in media_files:
            archive.add(media_root / name, arcname=name, recursive=False)
    contents = {
        "database_sha256": database_sha256,
        "counts": counts,
        "media_files": media_files,
    }
    with EncryptingWriter(output / CONTENTS, key, CONTENTS) as sealed:
        sealed.write(json.dumps(contents, ensure_ascii=False).encode("utf-8"))
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "engine": vendor,
        "database": database_name,
        "media": MEDIA_ARCHIVE,
        "contents": CONTENTS,
        "encryption": {"algorithm": ALGORITHM, "key_id": key_id(key)},
        "checksums": {
            name: sha256(output / name)
            for name in (database_name, MEDIA_ARCHIVE, CONTENTS)
        },
        "counts": counts,
        "media_file_count": len(media_files),
    }
    fd = os.open(output / MANIFEST, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2, ensure_ascii=False)
    return manifest


def _write_database(connection, target: Path, key: bytes) -> str:
    """Dump the database sealed into `target`; return the plain dump's SHA-256.

    The plain dump exists only in a private (0700) temporary directory, removed
    as soon as it is sealed.
    """
    with tempfile.TemporaryDirectory(prefix="ziyang-backup-") as work:
        plain = Path(work, target.name.removesuffix(".enc"))
        if connection.vendor == "sqlite":
            _sqlite_backup(connection, plain)
        else:
            _pg_dump(connection, plain)
        digest = sha256(plain)
        encrypt_file(plain, target, key, target.name)
    return digest


def _sqlite_backup(connection, target: Path) -> None:
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        with connection.wrap_database_errors:
            connection.connection.backup(destination)
    finally:
        destination.close()


def pg_environment(connection) -> dict[str, str]:
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


def run_client(command: list[str], env: dict[str, str]) -> None:
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
    run_client(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "-f",
            str(target),
        ],
        pg_environment(connection),
    )
