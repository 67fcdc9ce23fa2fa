"""This installation's signing key: an Ed25519 key pair made on first use, kept in the data folder.

Every bundle this installation exports is signed with it; the district recognises the device by the key's
fingerprint, shown in the app and printed by ``safety-assess device show``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from safety_assess.keys.key_files import KeyFileError, load_or_create_key

FINGERPRINT_BYTES = 16


def fingerprint(public_key: bytes, prefix: str = "SA") -> str:
    """A short, readable name for a public key: 'SA-3F2A-9C01-...' (128 bits of its SHA-256)."""
    digest = hashlib.sha256(public_key).hexdigest()[: FINGERPRINT_BYTES * 2].upper()
    return f"{prefix}-" + "-".join(digest[i : i + 4] for i in range(0, len(digest), 4))


@dataclass(frozen=True)
class DeviceKey:
    private_key: Ed25519PrivateKey

    @property
    def public_key(self) -> bytes:
        """The raw 32-byte public key."""
        return self.private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)

    def to_pem(self) -> str:
        """The private key as PKCS#8 PEM text (to be kept where only its holders can read it)."""
        return self.private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode("ascii")


def from_pem(text: str, what: str) -> DeviceKey:
    """The signing key written by ``DeviceKey.to_pem``; KeyFileError naming ``what`` when it is damaged."""
    try:
        key = serialization.load_pem_private_key(text.encode("ascii"), password=None)
    except (ValueError, TypeError, UnicodeEncodeError):
        raise KeyFileError(f"{what} is damaged") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{what} is not a signing key")
    return DeviceKey(key)


def verify(public_key: bytes, signature: bytes, data: bytes) -> bool:
    """Whether ``signature`` is the key's signature of ``data`` (False for a malformed key or signature too)."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def load_or_create(path: Path) -> DeviceKey:
    """The key stored at ``path``; made and stored (readable by this user only) when there is none yet.

    A damaged key file is reported, never replaced: bundles signed with it must stay verifiable.
    """
    return DeviceKey(load_or_create_key(path, Ed25519PrivateKey, Ed25519PrivateKey.generate, "device key"))
