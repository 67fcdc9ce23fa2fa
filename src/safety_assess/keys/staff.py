"""The district staff key: a secret of 32 random bytes kept in each staff computer's data folder (the same file on
every one), with which the district's signing key is sealed in the shared database. The database, or a dump of it,
alone cannot sign as the district; a computer joins by receiving a copy of the file.

The file holds the key as 64 hex digits and a newline, readable by its user only. The sealed signing key is text:
``sealed-v1:`` and the base64 of keys/sealed.py's format, sealed with the key.
"""

from __future__ import annotations

import base64
import binascii
import io
import os
from pathlib import Path

from safety_assess.keys.key_files import KeyFileError
from safety_assess.keys.sealed import SealError, SecretKey, open_stream, seal_stream

PREFIX = "sealed-v1:"
KEY_BYTES = 32


def new_staff_key() -> SecretKey:
    return SecretKey(os.urandom(KEY_BYTES))


def read_staff_key(path: Path) -> SecretKey | None:
    """The key in the file; None when there is none; KeyFileError when it is damaged."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise KeyFileError(f"the district staff key {path} cannot be read ({error})") from None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyFileError(f"the district staff key {path} is damaged; copy it again from another staff computer")
    return SecretKey(key)


def write_staff_key(path: Path, key: SecretKey) -> None:
    """Keep the key in a new file readable by this user only; KeyFileError when the file exists or cannot be made."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise KeyFileError(f"the district staff key {path} cannot be written: {error.strerror}") from None
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write(key.key.hex() + "\n")
        out.flush()
        os.fsync(out.fileno())


def seal_text(text: str, key: SecretKey) -> str:
    sealed = io.BytesIO()
    seal_stream(io.BytesIO(text.encode("utf-8")), sealed, key)
    return PREFIX + base64.b64encode(sealed.getvalue()).decode("ascii")


def open_text(sealed: str, key: SecretKey) -> str:
    """The text sealed by ``seal_text``; SealError when another key sealed it or it was altered."""
    if not sealed.startswith(PREFIX):
        raise SealError("it is not sealed with a district staff key")
    try:
        data = base64.b64decode(sealed[len(PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise SealError("it is damaged") from None
    out = io.BytesIO()
    open_stream(io.BytesIO(data), out, key)
    return out.getvalue().decode("utf-8")
