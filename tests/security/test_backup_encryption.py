"""Encrypted backups: no personal data in the clear, the key never written, a
wrong key or an altered file refused before anything is restored, and restored
files readable by their owner only whatever the umask.

Runs on the tests' engine like test_backup.py (SQLite normally, PostgreSQL in
CI's PostgreSQL pass), restoring into a scratch database.
"""

import base64
import gzip
import json
import os
import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection, connections

from security.backup import MANIFEST, sha256
from security.backup_encryption import (
    CHUNK_SIZE,
    HEADER_SIZE,
    EncryptingWriter,
    EncryptionError,
    decrypt_chunks,
    key_id,
    load_key,
)
from security.restore import database_is_empty
from suggestions.models import Suggestion
from tests.factories import CommunityFactory
from tests.security.test_backup import scratch_database
from tests.suggestions.factories import CategoryFactory, SuggestionFactory

pytestmark = pytest.mark.django_db(transaction=True)

RESIDENT_NAME = "欧阳晓岚"
RESIDENT_PHONE = "13907310526"
PHOTO_NAME = "suggestions/photos/ouyang-xiaolan-door.jpg"
PHOTO = os.urandom(3 * 1024)
REFUSED = "无法解密"


@pytest.fixture
def key(settings):
    settings.BACKUP_KEY = Fernet.generate_key().decode()
    return settings.BACKUP_KEY


@pytest.fixture
def resident_backup(tmp_path, settings, key):
    """A backup of a database holding one resident's suggestion and photo."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    # Only the row matters here, so it is saved without the intake service.
    SuggestionFactory.build(
        community=CommunityFactory(),
        category=CategoryFactory(),
        submitter_name=RESIDENT_NAME,
        submitter_phone=RESIDENT_PHONE,
    ).save()
    photo = Path(settings.MEDIA_ROOT, PHOTO_NAME)
    photo.parent.mkdir(parents=True)
    photo.write_bytes(PHOTO)
    backup = tmp_path / "backup"
    call_command("backup", "--output", str(backup))
    return backup


def readable_forms(data: bytes) -> list[bytes]:
    """The bytes as stored, and uncompressed when they are a gzip stream."""
    forms = [data]
    if data[:2] == b"\x1f\x8b":
        forms.append(gzip.decompress(data))
    return forms


def restore_into(backup: Path, tmp_path: Path, alias: str) -> Path:
    media = tmp_path / "restored-media"
    call_command(
        "restore", str(backup), "--database", alias, "--media-root", str(media)
    )
    return media


def forge(backup: Path, name: str, offset: int) -> None:
    """Flip one byte of a backup file and update the manifest's checksum, as
    somebody who can write to the backup would."""
    path = backup / name
    data = bytearray(path.read_bytes())
    data[offset % len(data)] ^= 0x01
    path.write_bytes(bytes(data))
    manifest = json.loads((backup / MANIFEST).read_text())
    manifest["checksums"][name] = sha256(path)
    (backup / MANIFEST).write_text(json.dumps(manifest))


def assert_refused_and_untouched(backup, tmp_path, match):
    with scratch_database(tmp_path) as alias:
        with pytest.raises(CommandError, match=match):
            restore_into(backup, tmp_path, alias)
        assert database_is_empty(alias)
    assert not (tmp_path / "restored-media").exists()


def test_backup_files_hold_no_plaintext_of_a_resident_or_the_key(resident_backup, key):
    assert Suggestion.objects.filter(submitter_phone=RESIDENT_PHONE).exists()
    secrets = [
        RESIDENT_NAME.encode(),
        RESIDENT_PHONE.encode(),
        PHOTO[:64],
        b"ouyang-xiaolan",
        key.encode(),
        base64.urlsafe_b64decode(key),
    ]
    files = sorted(resident_backup.iterdir())
    assert len(files) == 4
    for path in files:
        for data in readable_forms(path.read_bytes()):
            for secret in secrets:
                assert secret not in data, f"{secret!r} readable in {path.name}"
    manifest = json.loads((resident_backup / MANIFEST).read_text())
    assert manifest["media_file_count"] == 1
    assert manifest["encryption"]["key_id"] == key_id(load_key(key))


def test_an_encrypted_backup_restores_the_resident_and_the_photo(
    resident_backup, tmp_path
):
    with scratch_database(tmp_path) as alias:
        media = restore_into(resident_backup, tmp_path, alias)
        restored = Suggestion.objects.using(alias).get()
        assert (restored.submitter_name, restored.submitter_phone) == (
            RESIDENT_NAME,
            RESIDENT_PHONE,
        )
    assert (media / PHOTO_NAME).read_bytes() == PHOTO


def test_backup_without_a_key_is_refused_and_writes_nothing(tmp_path, settings):
    settings.BACKUP_KEY = ""
    output = tmp_path / "backup"
    with pytest.raises(CommandError, match="未设置 BACKUP_KEY") as refused:
        call_command("backup", "--output", str(output))
    assert "Fernet.generate_key().decode()" in str(refused.value)
    assert not output.exists()


def test_backup_with_a_malformed_key_is_refused(tmp_path, settings):
    settings.BACKUP_KEY = "not-a-key"
    with pytest.raises(CommandError, match="BACKUP_KEY 不是有效的密钥"):
        call_command("backup", "--output", str(tmp_path / "backup"))
    assert not (tmp_path / "backup").exists()


def test_restore_without_a_key_is_refused(resident_backup, tmp_path, settings):
    settings.BACKUP_KEY = ""
    assert_refused_and_untouched(resident_backup, tmp_path, "未设置 BACKUP_KEY")


def test_restore_with_a_wrong_key_is_refused_and_nothing_changes(
    resident_backup, tmp_path, settings
):
    settings.BACKUP_KEY = Fernet.generate_key().decode()
    assert_refused_and_untouched(
        resident_backup, tmp_path, "不是制作这份备份时所用的密钥"
    )


def test_a_wrong_key_fails_decryption_even_with_a_forged_fingerprint(
    resident_backup, tmp_path, settings
):
    settings.BACKUP_KEY = Fernet.generate_key().decode()
    manifest = json.loads((resident_backup / MANIFEST).read_text())
    manifest["encryption"]["key_id"] = key_id(load_key(settings.BACKUP_KEY))
    (resident_backup / MANIFEST).write_text(json.dumps(manifest))
    assert_refused_and_untouched(resident_backup, tmp_path, REFUSED)


@pytest.mark.parametrize(
    "part, offset",
    [
        ("database", 10),  # the salt
        ("database", HEADER_SIZE + 5),  # the first chunk
        ("database", -1),  # the last chunk's tag
        ("media", HEADER_SIZE + 100),
        ("contents", HEADER_SIZE + 1),
    ],
)
def test_a_tampered_byte_is_refused_before_anything_is_restored(
    resident_backup, tmp_path, part, offset
):
    manifest = json.loads((resident_backup / MANIFEST).read_text())
    forge(resident_backup, manifest[part], offset)
    assert_refused_and_untouched(resident_backup, tmp_path, REFUSED)


def test_restored_files_are_owner_only_whatever_the_umask(tmp_path, settings, key):
    previous = os.umask(0o022)
    try:
        settings.MEDIA_ROOT = str(tmp_path / "media")
        photo = Path(settings.MEDIA_ROOT, PHOTO_NAME)
        photo.parent.mkdir(parents=True)
        photo.write_bytes(PHOTO)
        backup = tmp_path / "backup"
        call_command("backup", "--output", str(backup))
        with scratch_database(tmp_path) as alias:
            media = restore_into(backup, tmp_path, alias)
            if connection.vendor == "sqlite":
                database = Path(connections[alias].settings_dict["NAME"])
                assert stat.S_IMODE(database.stat().st_mode) == 0o600
    finally:
        os.umask(previous)
    assert (media / PHOTO_NAME).read_bytes() == PHOTO
    modes = {
        path: stat.S_IMODE(path.stat().st_mode)
        for path in [media, backup, *media.rglob("*"), *backup.iterdir()]
    }
    assert modes[media / "suggestions"] == 0o700
    for path, mode in modes.items():
        assert mode == (0o700 if path.is_dir() else 0o600), path


@pytest.mark.parametrize(
    "size", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE + 7]
)
def test_the_stream_round_trips_and_refuses_truncation_and_extension(tmp_path, size):
    key, data = os.urandom(32), os.urandom(size)
    sealed = tmp_path / "file.enc"
    with EncryptingWriter(sealed, key, "file.enc") as writer:
        for start in range(0, size, 10_000):
            writer.write(data[start : start + 10_000])
    assert b"".join(decrypt_chunks(sealed, key, "file.enc")) == data
    with pytest.raises(EncryptionError):
        b"".join(decrypt_chunks(sealed, key, "renamed.enc"))
    whole = sealed.read_bytes()
    chunk = CHUNK_SIZE + 16
    altered = [whole + whole[HEADER_SIZE : HEADER_SIZE + chunk], whole[:-1]]
    if size > CHUNK_SIZE:
        altered.append(whole[: HEADER_SIZE + chunk])  # cut at a chunk boundary
    for variant in altered:
        sealed.write_bytes(variant)
        with pytest.raises(EncryptionError):
            b"".join(decrypt_chunks(sealed, key, "file.enc"))
