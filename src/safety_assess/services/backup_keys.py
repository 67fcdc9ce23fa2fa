"""How backups are protected: sealed to the district key, encrypted with a passphrase, or, only when the user says
so, not encrypted.

- District key: each file is sealed to the district's public key (the one loaded for bundles). Only the district,
  with its private key, can open the backup; this laptop cannot.
- Passphrase: scrypt turns the passphrase and a salt into a secret key that seals each file. The data folder keeps
  that key (``backup-key.json``, readable by this user only) so automatic backups need no one to type it; the
  passphrase itself is never stored. Restoring asks for the passphrase.
- Not encrypted: the backup is a plain data folder.

Which one: the settings' ``backup_encryption``; when it was never chosen, the district key if one is loaded, else
none is made until the user chooses (an unencrypted backup is never made unasked).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from pydantic import Field

from safety_assess.base.atomic import WriteError, write_text
from safety_assess.base.datadir import DataDir
from safety_assess.base.settings import Settings
from safety_assess.keys.district_key import DistrictPublicKey
from safety_assess.keys.sealed import Recipient, SecretKey, key_id
from safety_assess.services.backup_format import BackupError, Header, ScryptParameters, Strict, database_file
from safety_assess.services.sealing import sealing_key
from safety_assess.services.workspace import Workspace

KEY_FILE = "backup-key.json"
KEY_FILE_FORMAT = "safety-assess-backup-key"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
"""scrypt work factors for new passphrase keys (128 MiB, about half a second); a backup records the ones it used."""
MIN_PASSPHRASE = 10
NOT_CHOSEN = (
    "backups are encrypted, and no way is chosen yet: choose one in Settings > Data and backups (a passphrase, the "
    "district key, or not encrypted)"
)


@dataclass(frozen=True)
class Protection:
    """How one backup is protected: whom its files are sealed for, how its photos are named, its header."""

    header: Header
    recipient: Recipient | None = None
    names_key: bytes = b""

    @property
    def encrypted(self) -> bool:
        return self.recipient is not None

    def describe(self) -> str:
        if self.header.encryption == "district":
            return f"encrypted to the district key {self.header.fingerprint}: only the district can open it"
        return "encrypted with your passphrase" if self.encrypted else "not encrypted: anyone who finds it can read it"

    def photo_name(self, sha256: str) -> str:
        """A sealed photo's file name: the same photo under the same key has the same name in every backup (so it
        is sealed once and linked after), and the name does not tell the photo's SHA-256 to anyone without this
        data folder's names key."""
        mark = bytes.fromhex(self.header.key_id) + bytes.fromhex(sha256)
        return hmac.new(self.names_key, mark, hashlib.sha256).hexdigest()


UNENCRYPTED = Protection(Header(encryption="none"))


class KeyFile(Strict):
    """``backup-key.json`` in the data folder. Never in a backup."""

    format: str = KEY_FILE_FORMAT
    format_version: int = 1
    names_key: str = Field(pattern=r"^[0-9a-f]{64}$")
    scrypt: ScryptParameters
    passphrase_key: str = Field(default="", pattern=r"^([0-9a-f]{64})?$")
    """The key derived from the passphrase chosen in Settings; empty when none was chosen."""


def derive(passphrase: str, parameters: ScryptParameters) -> SecretKey:
    scrypt = Scrypt(salt=bytes.fromhex(parameters.salt), length=32, n=parameters.n, r=parameters.r, p=parameters.p)
    return SecretKey(scrypt.derive(passphrase.encode("utf-8")))


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise BackupError(f"the passphrase is too short: use at least {MIN_PASSPHRASE} characters")


def key_file(data_dir: DataDir) -> Path:
    return data_dir.root / KEY_FILE


def load_key_file(data_dir: DataDir) -> KeyFile:
    """The data folder's backup keys, made (and kept) the first time."""
    path = key_file(data_dir)
    try:
        return KeyFile.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        pass
    except (OSError, ValueError):
        raise BackupError(f"{path} is damaged; remove it and choose the backup passphrase again") from None
    made = KeyFile(names_key=os.urandom(32).hex(), scrypt=new_parameters())
    save_key_file(data_dir, made)
    return made


def save_key_file(data_dir: DataDir, keys: KeyFile) -> None:
    """Written whole, readable by this user only."""
    try:
        write_text(key_file(data_dir), json.dumps(keys.model_dump(), indent=2))
    except WriteError as error:
        raise BackupError(f"{error}") from None


def new_parameters() -> ScryptParameters:
    return ScryptParameters(salt=os.urandom(16).hex(), n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)


def set_passphrase(data_dir: DataDir, passphrase: str) -> None:
    """Encrypt the backups made from now on with ``passphrase`` (its key is kept, never the passphrase)."""
    check_passphrase(passphrase)
    keys = load_key_file(data_dir)
    key = derive(passphrase, keys.scrypt)
    save_key_file(data_dir, keys.model_copy(update={"passphrase_key": key.key.hex()}))


def has_passphrase(data_dir: DataDir) -> bool:
    try:
        return bool(KeyFile.model_validate_json(key_file(data_dir).read_bytes()).passphrase_key)
    except (OSError, ValueError):
        return False


def protection_for(
    workspace: Workspace, settings: Settings, *, passphrase: str | None = None, unencrypted: bool = False
) -> Protection:
    """How the next backup is protected: as asked (a passphrase given now, or not encrypted), else as the settings
    say; BackupError when that cannot be done (or for a shared database, backed up on its server)."""
    database_file(workspace)
    if unencrypted:
        return UNENCRYPTED
    if passphrase is not None:
        check_passphrase(passphrase)
        keys = load_key_file(workspace.data_dir)
        return _with_secret(keys, derive(passphrase, keys.scrypt))
    mode = settings.backup_encryption or ("district" if _district(workspace) else "")
    if mode == "none":
        return UNENCRYPTED
    if mode == "passphrase":
        keys = load_key_file(workspace.data_dir)
        if not keys.passphrase_key:
            raise BackupError("backups are encrypted with a passphrase, and none is set: set it in Settings")
        return _with_secret(keys, SecretKey(bytes.fromhex(keys.passphrase_key)))
    if mode == "district":
        return _to_district(workspace)
    raise BackupError(NOT_CHOSEN)


def _with_secret(keys: KeyFile, secret: SecretKey) -> Protection:
    header = Header(encryption="passphrase", key_id=secret.id.hex(), scrypt=keys.scrypt)
    return Protection(header, secret, bytes.fromhex(keys.names_key))


def _to_district(workspace: Workspace) -> Protection:
    key = _district(workspace)
    if key is None:
        raise BackupError(
            "backups are encrypted to the district key, and none is loaded: use Sync > Use district key file, or "
            "choose a passphrase in Settings"
        )
    header = Header(
        encryption="district", key_id=key_id(key.public_key).hex(), district=key.district, fingerprint=key.fingerprint
    )
    return Protection(header, key.public_key, bytes.fromhex(load_key_file(workspace.data_dir).names_key))


def _district(workspace: Workspace) -> DistrictPublicKey | None:
    return sealing_key(workspace)
