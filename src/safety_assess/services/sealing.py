"""Which district key this installation seals bundles to (an assessor's laptop), and the district's own key (the
district's installation), kept per data folder."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from safety_assess.base.files import writing
from safety_assess.bundles.safezip import BundleError
from safety_assess.keys.district_key import (
    DistrictPublicKey,
    load_or_create_private,
    load_private,
    public_of,
    read_key_file,
)
from safety_assess.keys.key_files import KeyFileError
from safety_assess.keys.sealed import SealError, open_sealed
from safety_assess.services.workspace import Workspace
from safety_assess.storage import meta

SEALING_KEY = "district_public_key"
SEALING_DISTRICT = "district_key_district"


def sealing_key(workspace: Workspace) -> DistrictPublicKey | None:
    """The district key bundles exported here are sealed to; None when none was imported."""
    text = meta.get(workspace.database, SEALING_KEY)
    if not text:
        return None
    return DistrictPublicKey(bytes.fromhex(text), meta.get(workspace.database, SEALING_DISTRICT) or "")


def import_sealing_key(workspace: Workspace, path: Path) -> tuple[DistrictPublicKey, DistrictPublicKey | None]:
    """Seal every later bundle to the key in the file at ``path``; returns it and the key it replaced."""
    key = read_key_file(path)
    before = sealing_key(workspace)
    meta.put(workspace.database, SEALING_KEY, key.public_key.hex())
    meta.put(workspace.database, SEALING_DISTRICT, key.district)
    return key, before


def forget_sealing_key(workspace: Workspace) -> DistrictPublicKey | None:
    """Export unencrypted bundles again; returns the key that was set."""
    before = sealing_key(workspace)
    meta.put(workspace.database, SEALING_KEY, "")
    meta.put(workspace.database, SEALING_DISTRICT, "")
    return before


def district_public_key(workspace: Workspace, create: bool = False) -> DistrictPublicKey | None:
    """This installation's district key (the public half, to hand to assessors), made first when ``create``."""
    path = workspace.data_dir.district_key
    private = load_or_create_private(path) if create else load_private(path)
    return public_of(private, workspace.settings.district_name) if private is not None else None


def export_district_key(workspace: Workspace, target: Path) -> DistrictPublicKey:
    """Write this installation's district key file (the public half) to ``target``, making the key the first time."""
    key = district_public_key(workspace, create=True)
    assert key is not None
    with writing(workspace.data_dir, target) as partial:
        partial.write_text(key.to_json() + "\n", encoding="utf-8")
    return key


def unsealed(workspace: Workspace, sealed: Path, folder: Path) -> Path:
    """The bundle inside a sealed one, decrypted into ``folder`` under the same file name; BundleError when this
    installation has no district key, the bundle is for another one, or it was damaged or altered."""
    private = _private(workspace, sealed)
    target = folder / sealed.name
    try:
        open_sealed(sealed, target, private)
    except SealError as error:
        raise BundleError(f"{error}") from None
    return target


def _private(workspace: Workspace, sealed: Path) -> X25519PrivateKey:
    try:
        private = load_private(workspace.data_dir.district_key)
    except KeyFileError as error:
        raise BundleError(f"{sealed.name}: it is encrypted, and {error}") from None
    if private is None:
        raise BundleError(
            f"{sealed.name}: it is encrypted to a district key, and this installation holds none; "
            "import it where the district key was made"
        )
    return private
