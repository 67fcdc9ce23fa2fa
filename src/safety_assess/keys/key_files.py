"""Private keys kept in the data folder as PEM files readable by this user only; made once, never replaced (a
damaged one is reported: what was signed or sealed with it must stay readable)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from safety_assess.domain.errors import SafetyAssessError

Key = TypeVar("Key", bound=PrivateKeyTypes)


class KeyFileError(SafetyAssessError):
    """A key file in the data folder cannot be read or written."""


def load_key(path: Path, kind: type, what: str) -> Any:
    """The key of class ``kind`` stored at ``path``; None when there is no file. ``what`` names it in errors.
    (``kind`` is a plain type: cryptography's key classes are abstract, which mypy refuses as ``type[T]``.)"""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise KeyFileError(f"the {what} {path} cannot be read: {error.strerror}") from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise KeyFileError(f"the {what} {path} is damaged; restore it from a backup") from None
    if not isinstance(key, kind):
        raise KeyFileError(f"the {what} {path} is not a key of the expected kind")
    return key


def load_or_create_key(path: Path, kind: type, generate: Callable[[], Key], what: str) -> Key:
    """The stored key, or a new one made and stored (readable by this user only) when there is none yet."""
    existing: Key | None = load_key(path, kind, what)
    if existing is not None:
        return existing
    key = generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return load_or_create_key(path, kind, generate, what)  # another process made it first: use theirs
    except OSError as error:
        raise KeyFileError(f"the {what} {path} cannot be written: {error.strerror}") from None
    with os.fdopen(handle, "wb") as out:
        out.write(pem)
        out.flush()
        os.fsync(out.fileno())
    return key
