"""Restore of a backup made by security.backup, into an empty database.

The manifest's checksums and the key's fingerprint are checked first; then every
file is decrypted and authenticated into a private temporary directory before the
database or MEDIA_ROOT is touched. Restored files are owner-only (0600, folders
0700) whatever the umask, and every table's row count and every media file's
SHA-256 are checked afterwards.
"""

import json
import os
import sqlite3
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils.translation import gettext as _

from security.backup import (
    FORMAT,
    MANIFEST,
    BackupError,
    backup_key,
    pg_environment,
    row_counts,
    run_client,
    sha256,
)
from security.backup_encryption import EncryptionError, decrypt_file, key_id


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

    Every file is decrypted and authenticated before anything is restored.
    Returns the differences found by the check afterwards (empty when every
    table has its rows and every file its content).
    """
    source = Path(source)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    manifest = read_manifest(source)
    key = _key_of(manifest)
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
    # Plain copies exist only in a private (0700) temporary directory.
    with tempfile.TemporaryDirectory(prefix="ziyang-restore-") as work:
        contents, database_file, media_file = _decrypt(source, manifest, key, work)
        _refuse_media_clashes(contents["media_files"], media_root)
        if connection.vendor == "sqlite":
            _sqlite_restore(connection, database_file)
        else:
            _pg_restore(connection, database_file)
        _extract_media(media_file, media_root)
    return verify_restore(contents, using=using, media_root=media_root)


def _key_of(manifest: dict) -> bytes:
    key = backup_key()
    expected = manifest["encryption"]["key_id"]
    if key_id(key) != expected:
        raise BackupError(
            _(
                "BACKUP_KEY is not the key this backup was made with (the backup "
                "needs the key with fingerprint %(expected)s, BACKUP_KEY has "
                "%(found)s). Nothing was restored."
            )
            % {"expected": expected, "found": key_id(key)}
        )
    return key


def _decrypt(source: Path, manifest: dict, key: bytes, work) -> tuple:
    """Decrypt every file of the backup into `work`; refuse any that fails."""
    plain = {}
    try:
        for part in ("contents", "database", "media"):
            name = manifest[part]
            plain[part] = Path(work, name.removesuffix(".enc"))
            decrypt_file(source / name, plain[part], key, name)
    except EncryptionError as exc:
        raise BackupError(str(exc)) from exc
    contents = json.loads(plain["contents"].read_text(encoding="utf-8"))
    if sha256(plain["database"]) != contents["database_sha256"]:
        raise BackupError(
            _("%(name)s is damaged: its checksum does not match.")
            % {"name": manifest["database"]}
        )
    return contents, plain["database"], plain["media"]


def _refuse_media_clashes(media_files: dict, media_root: Path) -> None:
    clashes = [n for n in media_files if (media_root / n).exists()]
    if clashes:
        raise BackupError(
            _(
                "%(count)d media files already exist under %(path)s (for example "
                "%(example)s); restore into an empty media directory."
            )
            % {"count": len(clashes), "path": media_root, "example": clashes[0]}
        )


def _sqlite_file(connection) -> Path | None:
    name = str(connection.settings_dict["NAME"])
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)


def _restrict_sqlite(connection) -> None:
    """Make the SQLite file and its journals owner-only (0600)."""
    path = _sqlite_file(connection)
    if path is None:
        return
    for suffix in ("", "-journal", "-wal", "-shm"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            os.chmod(candidate, 0o600)


def _sqlite_restore(connection, database_file: Path) -> None:
    connection.ensure_connection()
    # Owner-only before the first row is written; SQLite gives its journal
    # files the database file's mode.
    _restrict_sqlite(connection)
    source = sqlite3.connect(f"file:{database_file}?mode=ro", uri=True)
    try:
        with connection.wrap_database_errors:
            source.backup(connection.connection)
    finally:
        source.close()
    _restrict_sqlite(connection)


def _pg_restore(connection, database_file: Path) -> None:
    env = pg_environment(connection)
    connection.close()
    run_client(
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


def _owner_only_member(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo:
    # The "data" filter refuses absolute paths, links out of the tree and
    # device files, so a tampered archive cannot write outside MEDIA_ROOT.
    member = tarfile.data_filter(member, path)
    return member.replace(mode=0o700 if member.isdir() else 0o600, deep=False)


def _extract_media(media_file: Path, media_root: Path) -> None:
    """Extract the media archive; every folder 0700, every file 0600."""
    media_root.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(media_root, 0o700)
    with tarfile.open(media_file, "r:gz") as archive:
        archive.extractall(media_root, filter=_owner_only_member)
    # Folders the archive names only as parents are made with the umask's mode.
    for folder, subfolders, files in os.walk(media_root):
        for name in subfolders:
            os.chmod(os.path.join(folder, name), 0o700)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o600)


def verify_restore(contents: dict, *, using: str, media_root: Path) -> list[str]:
    problems = []
    restored = row_counts(using)
    for label, expected in contents["counts"].items():
        found = restored.get(label)
        if found != expected:
            problems.append(
                _("%(table)s: %(found)s rows restored, %(expected)s backed up")
                % {"table": label, "found": found, "expected": expected}
            )
    for name, expected in contents["media_files"].items():
        path = media_root / name
        if not path.is_file():
            problems.append(_("Media file missing: %(name)s") % {"name": name})
        elif sha256(path) != expected:
            problems.append(_("Media file differs: %(name)s") % {"name": name})
    return problems
