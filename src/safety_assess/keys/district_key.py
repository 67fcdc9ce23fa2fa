"""The district's encryption key: bundles sealed to it can be opened only at the district.

The district installation makes an X25519 key pair once (the private half stays in its data folder,
``district-key.pem``, readable by the user only) and hands out the public half as a small key file. An assessor
imports that file once; from then on every bundle they export is sealed to it (keys/sealed.py).

Key file (``.sadistrictkey``), UTF-8 JSON:
    {"format": "safety-assess-district-key", "format_version": 1, "district": "...",
     "public_key": "<64 hex digits>", "fingerprint": "SD-XXXX-..."}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.versions import version_problem
from safety_assess.keys.device import fingerprint
from safety_assess.keys.key_files import load_key, load_or_create_key
from safety_assess.keys.sealed import public_bytes

KEY_FILE_FORMAT = "safety-assess-district-key"
KEY_FILE_VERSION = 1
KEY_FILE_LIMIT = 64 * 1024
PREFIX = "SD"


class DistrictKeyError(SafetyAssessError):
    """A district key or key file cannot be read, written or used."""


@dataclass(frozen=True)
class DistrictPublicKey:
    public_key: bytes
    district: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key, PREFIX)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": KEY_FILE_FORMAT,
                "format_version": KEY_FILE_VERSION,
                "district": self.district,
                "public_key": self.public_key.hex(),
                "fingerprint": self.fingerprint,
            },
            indent=2,
            ensure_ascii=False,
        )


def parse_key_file(data: bytes, name: str) -> DistrictPublicKey:
    """The key a district key file holds; DistrictKeyError naming the file and what is wrong."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DistrictKeyError(f"{name}: not a district key file (it is not JSON)") from None
    if not isinstance(document, dict) or document.get("format") != KEY_FILE_FORMAT:
        raise DistrictKeyError(f"{name}: not a district key file")
    problem = version_problem(document.get("format_version"), KEY_FILE_VERSION, "use it")
    if problem is not None:
        raise DistrictKeyError(f"{name}: {problem}")
    text, district = document.get("public_key"), document.get("district", "")
    try:
        key = bytes.fromhex(text) if isinstance(text, str) else b""
    except ValueError:
        key = b""
    if len(key) != 32 or not isinstance(district, str):
        raise DistrictKeyError(f"{name}: its public key is damaged (expected 64 hex digits)")
    found = DistrictPublicKey(key, district.strip()[:200])
    if document.get("fingerprint") not in (None, found.fingerprint):
        raise DistrictKeyError(f"{name}: its fingerprint does not belong to its key; the file was altered")
    return found


def read_key_file(path: Path) -> DistrictPublicKey:
    try:
        with path.open("rb") as handle:
            data = handle.read(KEY_FILE_LIMIT + 1)
    except OSError as error:
        raise DistrictKeyError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(data) > KEY_FILE_LIMIT:
        raise DistrictKeyError(f"{path.name}: too large to be a district key file")
    return parse_key_file(data, path.name)


def load_private(path: Path) -> X25519PrivateKey | None:
    """The district's private key stored at ``path``; None when this installation has none."""
    key: X25519PrivateKey | None = load_key(path, X25519PrivateKey, "district key")
    return key


def load_or_create_private(path: Path) -> X25519PrivateKey:
    """The district's private key, made and stored (readable by this user only) the first time."""
    return load_or_create_key(path, X25519PrivateKey, X25519PrivateKey.generate, "district key")


def public_of(private: X25519PrivateKey, district: str) -> DistrictPublicKey:
    return DistrictPublicKey(public_bytes(private.public_key()), district)
