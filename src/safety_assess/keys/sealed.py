"""Files sealed with ChaCha20-Poly1305 in chunks: bundles sealed to the district (readable only with the district's
private key, so a lost USB stick reveals nothing), and backup files sealed with a secret key.

Two ways to key a file, one way to write it:

- to a public key: an ephemeral X25519 key agrees a secret with the district's public key; HKDF-SHA256 turns it
  into the file's key. Header: MAGIC (8) | version (1) | recipient key id (16) | ephemeral public key (32) |
  salt (16).
- with a secret key (32 random or derived bytes, see SecretKey): HKDF-SHA256 of it with the file's own salt is the
  file's key. Header: SECRET_MAGIC (8) | version (1) | key id (16) | salt (16).

The file is then encrypted in chunks (1 MiB), each with a nonce made of its number and a flag for the last one, and
the header as associated data. So chunks cannot be altered, reordered, dropped or cut off at the end without the
opening failing. Each chunk is a 4-byte big-endian length and that many bytes of ciphertext (16 of them the tag).
Memory does not grow with the file.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.versions import Readable, readable, update_needed

MAGIC = b"SASEALED"
SECRET_MAGIC = b"SASECRET"
VERSION = 1
HEADER = struct.Struct(">8sB16s32s16s")
SECRET_HEADER = struct.Struct(">8sB16s16s")
CHUNK = 1024 * 1024
TAG = 16
INFO = b"safety-assess sealed bundle v1"
SECRET_INFO = b"safety-assess sealed file v1 (secret key)"
SECRET_ID_INFO = b"safety-assess secret key id v1"
ALTERED = "it is damaged, incomplete or was altered"


class SealError(SafetyAssessError):
    """A sealed file cannot be opened: another key, or damaged or altered."""


@dataclass(frozen=True, repr=False)
class SecretKey:
    """A symmetric key (32 bytes) files are sealed with; its ``id`` (16 bytes) names it without revealing it."""

    key: bytes

    @property
    def id(self) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=16, salt=None, info=SECRET_ID_INFO).derive(self.key)

    def __repr__(self) -> str:
        return f"SecretKey(id={self.id.hex()})"


class Reader(Protocol):
    """What a file is sealed from: an open file, or anything that reads like one."""

    def read(self, size: int, /) -> bytes: ...


class Writer(Protocol):
    """What a file is sealed or opened into: an open file, or anything that writes like one."""

    def write(self, data: bytes, /) -> object: ...


Recipient = bytes | SecretKey
"""Whom a file is sealed for: a raw X25519 public key, or a secret key."""
Opener = X25519PrivateKey | SecretKey
"""What opens a sealed file: the X25519 private key it was sealed to, or the secret key it was sealed with."""


def key_id(public_key: bytes) -> bytes:
    return hashlib.sha256(public_key).digest()[:16]


def public_bytes(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def is_sealed(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _cipher(secret: bytes, salt: bytes, info: bytes) -> ChaCha20Poly1305:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)
    return ChaCha20Poly1305(key)


def _nonce(number: int, last: bool) -> bytes:
    return number.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _header_for(recipient: Recipient) -> tuple[bytes, ChaCha20Poly1305]:
    salt = os.urandom(16)
    if isinstance(recipient, SecretKey):
        header = SECRET_HEADER.pack(SECRET_MAGIC, VERSION, recipient.id, salt)
        return header, _cipher(recipient.key, salt, SECRET_INFO)
    ephemeral = X25519PrivateKey.generate()
    header = HEADER.pack(MAGIC, VERSION, key_id(recipient), public_bytes(ephemeral.public_key()), salt)
    return header, _cipher(ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient)), salt, INFO)


def sealed_size(plain_size: int, recipient: Recipient, chunk: int = CHUNK) -> int:
    """The size of a file of ``plain_size`` bytes once sealed for ``recipient``."""
    header = SECRET_HEADER.size if isinstance(recipient, SecretKey) else HEADER.size
    chunks = max(1, -(-plain_size // chunk))
    return header + plain_size + chunks * (4 + TAG)


def seal(
    source: Path, target: Path, recipient: Recipient, chunk: int = CHUNK, done: Callable[[int], None] | None = None
) -> None:
    """Encrypt ``source`` into ``target`` for the holder of the private key matching ``recipient`` (raw X25519), or
    with a secret key; ``done`` is told the bytes sealed so far after each chunk (and may raise to stop)."""
    with source.open("rb") as src, target.open("wb") as out:
        seal_stream(src, out, recipient, chunk, done)


def seal_stream(
    src: Reader, out: Writer, recipient: Recipient, chunk: int = CHUNK, done: Callable[[int], None] | None = None
) -> None:
    """As ``seal``, from an open file (or anything with ``read``) into another."""
    header, cipher = _header_for(recipient)
    out.write(header)
    number, current = 0, src.read(chunk)
    while True:
        following = src.read(chunk)
        sealed = cipher.encrypt(_nonce(number, not following), current, header)
        out.write(struct.pack(">I", len(sealed)) + sealed)
        if done is not None:
            done((number + 1) * chunk)
        if not following:
            break
        number, current = number + 1, following


def open_sealed(source: Path, target: Path, key: Opener, chunk: int = CHUNK) -> None:
    """Decrypt ``source`` into ``target``; SealError (and ``target`` removed) when it is not ours or was altered."""
    try:
        with source.open("rb") as src, target.open("wb") as out:
            open_stream(src, out, key, chunk)
    except SealError as error:
        target.unlink(missing_ok=True)
        raise SealError(f"{source.name}: {error}") from None
    except OSError as error:
        target.unlink(missing_ok=True)
        raise SealError(f"{source.name}: cannot be read ({error.strerror or error})") from None


def open_stream(src: BinaryIO, out: Writer, key: Opener, chunk: int = CHUNK) -> None:
    """As ``open_sealed``, from an open file into another (anything with ``write``); what was written before a
    SealError must be thrown away by the caller."""
    header, cipher = _read_header(src, key, chunk)
    number = 0
    while True:
        sealed = _next_chunk(src, chunk)
        last = _at_end(src)
        try:
            out.write(cipher.decrypt(_nonce(number, last), sealed, header))
        except InvalidTag:
            raise SealError(ALTERED) from None
        if last:
            return
        number += 1


def _read_header(src: BinaryIO, key: Opener, chunk: int) -> tuple[bytes, ChaCha20Poly1305]:
    if isinstance(key, SecretKey):
        return _read_secret_header(src, key, chunk)
    header = src.read(HEADER.size)
    if len(header) < HEADER.size or not header.startswith(MAGIC):
        raise SealError("it is not a sealed file")
    _, version, _, ephemeral, salt = HEADER.unpack(header)
    try:
        shared = key.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    except ValueError:  # a key no sender could have made (a low-order point): altered
        raise SealError(ALTERED) from None
    cipher = _cipher(shared, salt, INFO)
    ours = HEADER.pack(MAGIC, VERSION, key_id(public_bytes(key.public_key())), ephemeral, salt)
    if header != ours:
        raise SealError(_header_problem(src, chunk, version, cipher, ours, "it is sealed for another district key"))
    return header, cipher


def _read_secret_header(src: BinaryIO, key: SecretKey, chunk: int) -> tuple[bytes, ChaCha20Poly1305]:
    header = src.read(SECRET_HEADER.size)
    if len(header) < SECRET_HEADER.size or not header.startswith(SECRET_MAGIC):
        raise SealError("it is not a file sealed with a secret key")
    _, version, _, salt = SECRET_HEADER.unpack(header)
    cipher = _cipher(key.key, salt, SECRET_INFO)
    ours = SECRET_HEADER.pack(SECRET_MAGIC, VERSION, key.id, salt)
    if header != ours:
        raise SealError(_header_problem(src, chunk, version, cipher, ours, "it is sealed with another key"))
    return header, cipher


def _header_problem(
    src: BinaryIO, chunk: int, version: int, cipher: ChaCha20Poly1305, ours: bytes, other_key: str
) -> str:
    """Why a header names another format or another key. A damaged byte can make it say either, and a version no
    Safety Assess wrote (0) is damage; so when the first chunk opens under the header this app would have written
    for this key (``ours``), the header was damaged. Otherwise it is as the header says: newer, or another key."""
    state = readable(version, VERSION)
    if state is Readable.DAMAGED or _opens_under(src, chunk, cipher, ours):
        return ALTERED
    return update_needed(version, VERSION) if state is Readable.NEWER else other_key


def _opens_under(src: BinaryIO, chunk: int, cipher: ChaCha20Poly1305, header: bytes) -> bool:
    try:
        sealed = _next_chunk(src, chunk)
        cipher.decrypt(_nonce(0, _at_end(src)), sealed, header)
    except (InvalidTag, SealError):
        return False
    return True


def _next_chunk(src: BinaryIO, chunk: int) -> bytes:
    size = src.read(4)
    if len(size) < 4:
        raise SealError(ALTERED)
    (length,) = struct.unpack(">I", size)
    if not TAG <= length <= chunk + TAG:
        raise SealError(ALTERED)
    sealed = src.read(length)
    if len(sealed) < length:
        raise SealError(ALTERED)
    return sealed


def _at_end(src: BinaryIO) -> bool:
    here = src.tell()
    more = src.read(1)
    src.seek(here)
    return not more
