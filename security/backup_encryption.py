"""Encryption of backup files: AES-256-GCM in the STREAM construction, chunk by chunk.

Every file of a backup is sealed with a key of its own, derived from BACKUP_KEY
(32 random bytes, URL-safe base64 — the format of ``Fernet.generate_key()``) by
HKDF-SHA256 with a random 16-byte salt and the file's name, so that files cannot
be swapped or renamed unnoticed. A sealed file is

    header  = b"ZYBKENC1" + salt (16 bytes)
    chunk_i = AES-256-GCM(file key, nonce_i, plaintext chunk_i, aad=header)

with plaintext chunks of CHUNK_SIZE bytes (the last one 0 to CHUNK_SIZE bytes)
and ``nonce_i`` = the chunk number (11 bytes, big-endian) + one byte that is 1 on
the last chunk and 0 before it. This is the STREAM construction of Hoang,
Reyhanitabar, Rogaway and Vizár ("Online Authenticated-Encryption and its
Nonce-Reuse Misuse-Resistance", 2015), as used by age and Tink: a changed,
reordered, dropped, truncated or appended chunk fails authentication, and memory
stays at one chunk whatever the file's size. The key itself is never written;
``key_id`` is a one-way fingerprint that tells which key a backup needs.
"""

import base64
import binascii
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.utils.translation import gettext as _

MAGIC = b"ZYBKENC1"
SALT_SIZE = 16
HEADER_SIZE = len(MAGIC) + SALT_SIZE
CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
ALGORITHM = "AES-256-GCM STREAM, 64 KiB chunks, HKDF-SHA256 per-file keys"
GENERATE_KEY = (
    'python -c "from cryptography.fernet import Fernet; '
    'print(Fernet.generate_key().decode())"'
)


class EncryptionError(Exception):
    """A missing or malformed key, or a file that does not decrypt."""


def load_key(value: str) -> bytes:
    """The 32 bytes of BACKUP_KEY; refuses an empty or malformed value."""
    if not value:
        raise EncryptionError(
            _(
                "BACKUP_KEY is not set: backups are always encrypted and nothing "
                "was written. Generate a key with\n  %(command)s\nset it as the "
                "BACKUP_KEY environment variable and keep two copies of it outside "
                "the backups (see SECURITY.md, 'Backup and restore')."
            )
            % {"command": GENERATE_KEY}
        )
    try:
        key = base64.urlsafe_b64decode(value.strip().encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        key = b""
    if len(key) != 32:
        raise EncryptionError(
            _(
                "BACKUP_KEY is not a valid key (32 bytes in URL-safe base64). "
                "Generate one with\n  %(command)s"
            )
            % {"command": GENERATE_KEY}
        )
    return key


def _hkdf(key: bytes, salt: bytes | None, info: bytes, length: int = 32) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(
        key
    )


def key_id(key: bytes) -> str:
    """A fingerprint of the key (not the key): which key opens a backup."""
    return _hkdf(key, None, b"ziyang-portal backup key id", 8).hex()


def _file_cipher(key: bytes, salt: bytes, name: str) -> AESGCM:
    info = b"ziyang-portal backup file v1 " + name.encode("utf-8")
    return AESGCM(_hkdf(key, salt, info))


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class EncryptingWriter:
    """A binary file-like object that seals what is written into `path`.

    `path` is created owner-only (0600) and must not exist. ``close()`` writes
    the last chunk; a writer left unclosed leaves a file that fails to decrypt.
    """

    def __init__(self, path, key: bytes, name: str):
        salt = os.urandom(SALT_SIZE)
        self._header = MAGIC + salt
        self._cipher = _file_cipher(key, salt, name)
        self._counter = 0
        self._buffer = bytearray()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(fd, 0o600)
        self._file = os.fdopen(fd, "wb")
        self._file.write(self._header)
        self.closed = False

    def write(self, data) -> int:
        self._buffer += data
        # Keep at least one byte back: only close() knows which chunk is last.
        while len(self._buffer) > CHUNK_SIZE:
            self._seal(bytes(self._buffer[:CHUNK_SIZE]), last=False)
            del self._buffer[:CHUNK_SIZE]
        return len(data)

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        nonce = _nonce(self._counter, last)
        self._file.write(self._cipher.encrypt(nonce, chunk, self._header))
        self._counter += 1

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        if self.closed:
            return
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()
        self._file.close()
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if exc_info[0] is None:
            self.close()
        else:
            self._file.close()
            self.closed = True


def encrypt_file(source, target, key: bytes, name: str) -> None:
    """Seal the file `source` into `target`, CHUNK_SIZE bytes at a time."""
    with open(source, "rb") as plain, EncryptingWriter(target, key, name) as sealed:
        for chunk in iter(lambda: plain.read(CHUNK_SIZE), b""):
            sealed.write(chunk)


def decrypt_chunks(path, key: bytes, name: str):
    """Yield the plaintext of the sealed file `path`, chunk by chunk.

    Raises EncryptionError at the first chunk that does not authenticate (a
    wrong key, or a file changed in any way), so a caller must not act on the
    chunks before the generator is exhausted.
    """
    refused = EncryptionError(
        _(
            "%(name)s cannot be decrypted: BACKUP_KEY is not the key of this "
            "backup, or the file was altered. Nothing was restored."
        )
        % {"name": name}
    )
    with open(path, "rb") as sealed:
        header = sealed.read(HEADER_SIZE)
        if len(header) != HEADER_SIZE or not header.startswith(MAGIC):
            raise refused
        cipher = _file_cipher(key, header[len(MAGIC) :], name)
        counter = 0
        chunk = sealed.read(CHUNK_SIZE + TAG_SIZE)
        while True:
            following = sealed.read(CHUNK_SIZE + TAG_SIZE)
            last = not following
            try:
                yield cipher.decrypt(_nonce(counter, last), chunk, header)
            except InvalidTag:
                raise refused from None
            if last:
                return
            chunk, counter = following, counter + 1


def decrypt_file(source, target, key: bytes, name: str) -> None:
    """Open the sealed file `source` into a new owner-only file `target`."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "wb") as plain:
        for chunk in decrypt_chunks(source, key, name):
            plain.write(chunk)
