"""Sealed bundles: only the district's key opens them, and any change, reordering or cut is detected."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from safety_assess.keys.sealed import (
    HEADER,
    SealError,
    SecretKey,
    is_sealed,
    open_sealed,
    public_bytes,
    seal,
    sealed_size,
)

CHUNK = 1000


@pytest.fixture
def district() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


@pytest.fixture
def sealed(tmp_path: Path, district: X25519PrivateKey) -> tuple[Path, bytes]:
    data = os.urandom(3500)  # four chunks, the last one short
    plain = tmp_path / "bundle.sabundle"
    plain.write_bytes(data)
    target = tmp_path / "bundle.sealed"
    seal(plain, target, public_bytes(district.public_key()), chunk=CHUNK)
    return target, data


def chunks(path: Path) -> tuple[bytes, list[bytes]]:
    raw = path.read_bytes()
    header, rest, parts = raw[: HEADER.size], raw[HEADER.size :], []
    while rest:
        (length,) = struct.unpack(">I", rest[:4])
        parts.append(rest[: 4 + length])
        rest = rest[4 + length :]
    return header, parts


def test_the_district_key_opens_what_was_sealed_for_it(
    sealed: tuple[Path, bytes], district: X25519PrivateKey, tmp_path: Path
) -> None:
    path, data = sealed
    assert is_sealed(path) and data not in path.read_bytes()
    out = tmp_path / "opened"
    open_sealed(path, out, district, chunk=CHUNK)
    assert out.read_bytes() == data


def test_another_key_is_told_so(sealed: tuple[Path, bytes], tmp_path: Path) -> None:
    with pytest.raises(SealError, match=r"bundle\.sealed: it is sealed for another district key"):
        open_sealed(sealed[0], tmp_path / "x", X25519PrivateKey.generate(), chunk=CHUNK)
    assert not (tmp_path / "x").exists()


def _flip(header: bytes, parts: list[bytes]) -> bytes:
    second = bytearray(parts[1])
    second[10] ^= 1
    return header + parts[0] + bytes(second) + b"".join(parts[2:])


def _swap(header: bytes, parts: list[bytes]) -> bytes:
    return header + parts[1] + parts[0] + b"".join(parts[2:])


def _cut_last(header: bytes, parts: list[bytes]) -> bytes:
    return header + b"".join(parts[:-1])


def _truncate(header: bytes, parts: list[bytes]) -> bytes:
    return (header + b"".join(parts))[:-7]


def _header(header: bytes, parts: list[bytes]) -> bytes:
    changed = bytearray(header)
    changed[-1] ^= 1  # the salt
    return bytes(changed) + b"".join(parts)


@pytest.mark.parametrize("change", [_flip, _swap, _cut_last, _truncate, _header])
def test_any_change_is_detected(
    sealed: tuple[Path, bytes], district: X25519PrivateKey, tmp_path: Path, change: object
) -> None:
    header, parts = chunks(sealed[0])
    altered = tmp_path / "altered.sealed"
    altered.write_bytes(change(header, parts))  # type: ignore[operator]
    with pytest.raises(SealError, match="damaged, incomplete or was altered"):
        open_sealed(altered, tmp_path / "out", district, chunk=CHUNK)
    assert not (tmp_path / "out").exists()


def test_a_plain_file_is_not_sealed(tmp_path: Path, district: X25519PrivateKey) -> None:
    plain = tmp_path / "plain.sabundle"
    plain.write_bytes(b"PK\x03\x04 not sealed")
    assert not is_sealed(plain)
    with pytest.raises(SealError, match="not a sealed file"):
        open_sealed(plain, tmp_path / "out", district)


def test_a_key_no_sender_could_have_made_is_told_as_altered(
    sealed: tuple[Path, bytes], district: X25519PrivateKey, tmp_path: Path
) -> None:
    header, parts = chunks(sealed[0])
    magic, version, recipient, _ephemeral, salt = HEADER.unpack(header)
    altered = tmp_path / "altered.sealed"
    altered.write_bytes(HEADER.pack(magic, version, recipient, bytes(32), salt) + b"".join(parts))  # a low-order key
    with pytest.raises(SealError, match="damaged, incomplete or was altered"):
        open_sealed(altered, tmp_path / "out", district, chunk=CHUNK)
    assert not (tmp_path / "out").exists()


def test_a_secret_key_seals_and_opens_and_another_is_told_so(tmp_path: Path) -> None:
    secret, data = SecretKey(os.urandom(32)), os.urandom(2500)
    plain, target, out = tmp_path / "plain", tmp_path / "sealed", tmp_path / "out"
    plain.write_bytes(data)
    seal(plain, target, secret, chunk=CHUNK)
    assert target.stat().st_size == sealed_size(len(data), secret, chunk=CHUNK) and data not in target.read_bytes()
    open_sealed(target, out, secret, chunk=CHUNK)
    assert out.read_bytes() == data
    with pytest.raises(SealError, match="sealed: it is sealed with another key"):
        open_sealed(target, out, SecretKey(os.urandom(32)), chunk=CHUNK)
    with pytest.raises(SealError, match="it is not a file sealed with a secret key"):
        open_sealed(plain, out, secret, chunk=CHUNK)
    altered = bytearray(target.read_bytes())
    altered[-5] ^= 1
    target.write_bytes(bytes(altered))
    with pytest.raises(SealError, match="damaged, incomplete or was altered"):
        open_sealed(target, out, secret, chunk=CHUNK)
    assert not out.exists() and secret.key.hex() not in repr(secret)


@pytest.mark.parametrize("size", [0, 1, CHUNK, CHUNK + 1])
def test_the_sealed_size_is_known_before_sealing(tmp_path: Path, district: X25519PrivateKey, size: int) -> None:
    plain, target = tmp_path / "plain", tmp_path / "sealed"
    plain.write_bytes(b"x" * size)
    recipient = public_bytes(district.public_key())
    seal(plain, target, recipient, chunk=CHUNK)
    assert target.stat().st_size == sealed_size(size, recipient, chunk=CHUNK)


def _with_header(path: Path, tmp_path: Path, **changes: object) -> Path:
    """The sealed file with fields of its header replaced (version, recipient), its chunks as they were."""
    header, parts = chunks(path)
    fields = dict(zip(("magic", "version", "recipient", "ephemeral", "salt"), HEADER.unpack(header), strict=True))
    altered = tmp_path / "altered.sealed"
    altered.write_bytes(HEADER.pack(*{**fields, **changes}.values()) + b"".join(parts))
    return altered


@pytest.mark.parametrize("version", [0, 2, 3, 129, 255])
def test_a_damaged_version_byte_is_told_as_damage_not_as_a_newer_format(
    sealed: tuple[Path, bytes], district: X25519PrivateKey, tmp_path: Path, version: int
) -> None:
    altered = _with_header(sealed[0], tmp_path, version=version)
    with pytest.raises(SealError) as raised:
        open_sealed(altered, tmp_path / "out", district, chunk=CHUNK)
    assert str(raised.value) == "altered.sealed: it is damaged, incomplete or was altered"
    assert "update" not in str(raised.value) and not (tmp_path / "out").exists()


def test_a_newer_format_asks_for_an_update(
    sealed: tuple[Path, bytes], district: X25519PrivateKey, tmp_path: Path
) -> None:
    """A later format (here: version 2, whose chunks do not open as version 1 would) asks to update the app."""
    newer = _with_header(sealed[0], tmp_path, version=2, salt=os.urandom(16))
    with pytest.raises(SealError, match=r"altered\.sealed: it was written by a newer Safety Assess \(format 2; this"):
        open_sealed(newer, tmp_path / "out", district, chunk=CHUNK)


def test_a_damaged_recipient_byte_is_told_as_damage_not_as_another_key(
    sealed: tuple[Path, bytes], district: X25519PrivateKey, tmp_path: Path
) -> None:
    recipient = bytearray(HEADER.unpack(chunks(sealed[0])[0])[2])
    recipient[3] ^= 0x10
    altered = _with_header(sealed[0], tmp_path, recipient=bytes(recipient))
    with pytest.raises(SealError, match=r"altered\.sealed: it is damaged, incomplete or was altered"):
        open_sealed(altered, tmp_path / "out", district, chunk=CHUNK)


def test_a_damaged_version_byte_of_a_secret_key_file_is_told_as_damage(tmp_path: Path) -> None:
    secret, plain, target = SecretKey(os.urandom(32)), tmp_path / "plain", tmp_path / "backup.sealed"
    plain.write_bytes(os.urandom(2500))
    seal(plain, target, secret, chunk=CHUNK)
    for version, message in ((2, "damaged, incomplete or was altered"), (0, "damaged, incomplete or was altered")):
        data = bytearray(target.read_bytes())
        data[8] = version  # the version byte, after the 8-byte magic
        altered = tmp_path / "altered.sealed"
        altered.write_bytes(bytes(data))
        with pytest.raises(SealError, match=rf"^altered\.sealed: it is {message}$"):
            open_sealed(altered, tmp_path / "out", secret, chunk=CHUNK)
    with pytest.raises(SealError, match=r"^backup\.sealed: it is sealed with another key$"):
        open_sealed(target, tmp_path / "out", SecretKey(os.urandom(32)), chunk=CHUNK)
