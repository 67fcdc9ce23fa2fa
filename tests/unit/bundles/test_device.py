"""The device key: made once, kept private, stable, and never replaced when damaged."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from safety_assess.keys.device import fingerprint, load_or_create, verify
from safety_assess.keys.key_files import KeyFileError


def test_a_key_is_made_once_and_kept_private(tmp_path: Path) -> None:
    path = tmp_path / "device-key.pem"
    first = load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = load_or_create(path)
    assert again.public_key == first.public_key and len(first.public_key) == 32
    assert first.fingerprint == fingerprint(first.public_key) and first.fingerprint.count("-") == 8


def test_signatures_verify_only_for_the_same_key_and_data(tmp_path: Path) -> None:
    key, other = load_or_create(tmp_path / "a.pem"), load_or_create(tmp_path / "b.pem")
    signature = key.sign(b"manifest")
    assert verify(key.public_key, signature, b"manifest")
    assert not verify(key.public_key, signature, b"manifest!")
    assert not verify(other.public_key, signature, b"manifest")
    assert not verify(b"short", signature, b"manifest") and not verify(key.public_key, b"bad", b"manifest")


def test_a_damaged_key_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "device-key.pem"
    path.write_bytes(b"-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n")
    with pytest.raises(KeyFileError, match="is damaged; restore it from a backup"):
        load_or_create(path)
    assert b"garbage" in path.read_bytes()
