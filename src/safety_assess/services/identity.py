"""Whose key signs the bundles exported here, and whose bundles are trusted here.

On its own database an installation signs with its data folder's device key (keys/device.py). On a shared
database every staff computer is one installation to the laptops (one installation id, kept in the database), so
they all sign with one key too: the district's signing identity, kept in the database. The first staff computer to
need it brings its own device key: the computer that sent campus packs until now keeps the identity laptops already
trust. See docs/shared-database.md for what this protects against and what it does not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from safety_assess.domain.records import TrustedDevice
from safety_assess.keys.device import DeviceKey, from_pem, load_or_create
from safety_assess.storage import devices, meta

if TYPE_CHECKING:
    from safety_assess.services.workspace import Workspace

DISTRICT_SIGNING_KEY = "district_signing_key"
"""The app_meta entry holding the district's signing key (PKCS#8 PEM) on a shared database."""


def signing_key(workspace: Workspace) -> DeviceKey:
    """The data folder's device key; on a shared database, the district's signing identity (this computer's device
    key becomes it when there is none yet)."""
    own = load_or_create(workspace.data_dir.device_key)
    if not workspace.shared:
        return own
    kept = meta.claim(workspace.database, DISTRICT_SIGNING_KEY, own.to_pem())
    return from_pem(kept, f"the district's signing key in the shared database {workspace.target}")


def trusted_devices(workspace: Workspace) -> list[TrustedDevice]:
    """Every device whose bundles were trusted here, revoked ones too; the most recently trusted first."""
    return devices.trusted_devices(workspace.database)


def revoke_device(workspace: Workspace, fingerprint: str) -> TrustedDevice:
    """Refuse the device's bundles from now on (what it brought stays); NotFoundError or AlreadyRevoked."""
    return devices.revoke(workspace.database, fingerprint)
