"""Bundles sealed to the district: readable only with the district's private key, so a lost USB stick reveals
nothing.

An ephemeral X25519 key agrees a secret with the district's public key; HKDF-SHA256 turns it into a
ChaCha20-Poly1305 key; the bundle is encrypted in chunks (1 MiB), each with a nonce made of its number and a flag
for the last one, and the header as associated data. So chunks cannot be altered, reordered, dropped or cut off
at the end without the opening failing. Memory does not grow with the bundle.

Layout: MAGIC (8) | version (1) | recipient key id (16) | ephemeral public key (32) | salt (16), then chunks, each
a 4-byte big-endian length and that many bytes of ciphertext (16 of them the tag).
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.versions import Readable, readable, update_needed

MAGIC = b"SASEALED"
VERSION = 1
HEADER = struct.Struct(">8sB16s32s16s")
CHUNK = 1024 * 1024
TAG = 16
INFO = b"safety-assess sealed bundle v1"
DAMAGED = "it is damaged, incomplete or was altered"


class SealError(SafetyAssessError):
    """A sealed bundle cannot be opened: another district's key, or damaged or altered."""


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


def _cipher(shared: bytes, salt: bytes) -> ChaCha20Poly1305:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=INFO).derive(shared)
    return ChaCha20Poly1305(key)


def _nonce(number: int, last: bool) -> bytes:
    return number.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def seal(
    source: Path, target: Path, recipient: bytes, chunk: int = CHUNK, done: Callable[[int], None] | None = None
) -> None:
    """Encrypt ``source`` into ``target`` for the holder of the private key matching ``recipient`` (raw X25519);
    ``done`` is told the bytes sealed so far after each chunk (and may raise to stop)."""
    ephemeral = X25519PrivateKey.generate()
    salt = os.urandom(16)
    header = HEADER.pack(MAGIC, VERSION, key_id(recipient), public_bytes(ephemeral.public_key()), salt)
    cipher = _cipher(ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient)), salt)
    with source.open("rb") as src, target.open("wb") as out:
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


def open_sealed(source: Path, target: Path, private_key: X25519PrivateKey, chunk: int = CHUNK) -> None:
    """Decrypt ``source`` into ``target``; SealError (and ``target`` removed) when it is not ours or was altered."""
    try:
        with source.open("rb") as src, target.open("wb") as out:
            _open(src, out, private_key, chunk)
    except SealError as error:
        target.unlink(missing_ok=True)
        raise SealError(f"{source.name}: {error}") from None
    except OSError as error:
        target.unlink(missing_ok=True)
        raise SealError(f"{source.name}: cannot be read ({error.strerror or error})") from None


def _open(src: BinaryIO, out: BinaryIO, private_key: X25519PrivateKey, chunk: int) -> None:
    header = src.read(HEADER.size)
    if len(header) < HEADER.size or not header.startswith(MAGIC):
        raise SealError("it is not a sealed bundle")
    _, version, recipient, ephemeral, salt = HEADER.unpack(header)
    if version != VERSION or recipient != key_id(public_bytes(private_key.public_key())):
        raise SealError(_header_problem(src, private_key, chunk, header))
    try:
        shared = private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    except ValueError:  # a key no sender could have made (a low-order point): altered
        raise SealError(DAMAGED) from None
    cipher = _cipher(shared, salt)
    number = 0
    while True:
        sealed = _next_chunk(src, chunk)
        last = _at_end(src)
        try:
            out.write(cipher.decrypt(_nonce(number, last), sealed, header))
        except InvalidTag:
            raise SealError(DAMAGED) from None
        if last:
            return
        number += 1


def _header_problem(src: BinaryIO, private_key: X25519PrivateKey, chunk: int, header: bytes) -> str:
    """Why a header names another format or another key. A damaged byte can make it say either, so when the
    first chunk opens as this format sealed to this key, the header was damaged; else it is as the header says."""
    _, version, _, ephemeral, salt = HEADER.unpack(header)
    state = readable(version, VERSION)
    if state is Readable.DAMAGED or _opens_as_ours(src, private_key, chunk, ephemeral, salt):
        return DAMAGED
    if state is Readable.NEWER:
        return update_needed(version, VERSION)
    return "it is sealed for another district key"


def _opens_as_ours(src: BinaryIO, private_key: X25519PrivateKey, chunk: int, ephemeral: bytes, salt: bytes) -> bool:
    ours = HEADER.pack(MAGIC, VERSION, key_id(public_bytes(private_key.public_key())), ephemeral, salt)
    try:
        shared = private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        sealed = _next_chunk(src, chunk)
        _cipher(shared, salt).decrypt(_nonce(0, _at_end(src)), sealed, ours)
    except (ValueError, InvalidTag, SealError):
        return False
    return True


def _next_chunk(src: BinaryIO, chunk: int) -> bytes:
    size = src.read(4)
    if len(size) < 4:
        raise SealError(DAMAGED)
    (length,) = struct.unpack(">I", size)
    if not TAG <= length <= chunk + TAG:
        raise SealError(DAMAGED)
    sealed = src.read(length)
    if len(sealed) < length:
        raise SealError(DAMAGED)
    return sealed


def _at_end(src: BinaryIO) -> bool:
    here = src.tell()
    more = src.read(1)
    src.seek(here)
    return not more
