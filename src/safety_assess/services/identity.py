"""Whose key signs the bundles exported here, and whose bundles are trusted here.

On its own database an installation signs with its data folder's device key (keys/device.py). On a shared
database every staff computer is one installation to the laptops (one installation id, kept in the database), so
they all sign with one key too: the district's signing identity, kept in the database sealed with the district staff
key (keys/staff.py), a file every staff computer holds and the database does not. The first staff computer to need
the identity brings its own device key (the computer that sent campus packs until now keeps the identity laptops
already trust) and makes the staff key; the others get a copy of that file. See docs/shared-database.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from safety_assess.domain.records import TrustedDevice
from safety_assess.keys.device import DeviceKey, fingerprint, from_pem, load_or_create
from safety_assess.keys.key_files import KeyFileError
from safety_assess.keys.sealed import SealError
from safety_assess.keys.staff import new_staff_key, open_text, read_staff_key, seal_text, write_staff_key
from safety_assess.storage import devices, meta

if TYPE_CHECKING:
    from safety_assess.services.workspace import Workspace

DISTRICT_SIGNING_KEY = "district_signing_key"
"""The app_meta entry holding the district's signing key, sealed with the staff key (keys/staff.py)."""
DISTRICT_SIGNING_PUBLIC = "district_signing_public"
"""The app_meta entry holding its public half (hex): the fingerprint, shown on computers that cannot sign too."""


def signing_key(workspace: Workspace) -> DeviceKey:
    """The data folder's device key; on a shared database, the district's signing identity (made from this
    computer's device key when there is none yet). KeyFileError saying what to do when this computer lacks the
    staff key or holds another one."""
    own = load_or_create(workspace.data_dir.device_key)
    if not workspace.shared:
        return own
    sealed = meta.get(workspace.database, DISTRICT_SIGNING_KEY) or _establish(workspace, own)
    staff_file = workspace.data_dir.district_staff_key
    staff = read_staff_key(staff_file)
    if staff is None:
        raise KeyFileError(
            f"this computer cannot sign for the district yet: copy {staff_file.name} from the data folder of a staff "
            f"computer that can into {staff_file.parent}"
        )
    try:
        return from_pem(open_text(sealed, staff), f"the district's signing key in {workspace.target}")
    except SealError:
        raise KeyFileError(
            f"the district's signing key in {workspace.target} is not sealed with this computer's {staff_file.name} "
            f"({staff_file}); copy that file again from a staff computer that can sign"
        ) from None


def _establish(workspace: Workspace, own: DeviceKey) -> str:
    """Make this computer's device key the district's identity, sealed with its staff key (made and kept first, so
    the identity is never sealed with a key nobody holds); the identity kept, ours or one made meanwhile."""
    staff_file = workspace.data_dir.district_staff_key
    staff = read_staff_key(staff_file)
    if staff is None:
        staff = new_staff_key()
        write_staff_key(staff_file, staff)
    sealed = seal_text(own.to_pem(), staff)
    kept = meta.claim(workspace.database, DISTRICT_SIGNING_KEY, sealed)
    if kept == sealed:
        meta.put(workspace.database, DISTRICT_SIGNING_PUBLIC, own.public_key.hex())
    return kept


def signing_public_key(workspace: Workspace) -> bytes:
    """The public half of the key bundles exported here are signed with (on a shared database, readable on a
    computer that cannot sign too)."""
    if workspace.shared:
        public = meta.get(workspace.database, DISTRICT_SIGNING_PUBLIC)
        if public:
            return bytes.fromhex(public)
    return workspace.device_key.public_key


def signing_fingerprint(workspace: Workspace) -> str:
    return fingerprint(signing_public_key(workspace))


def trusted_devices(workspace: Workspace) -> list[TrustedDevice]:
    """Every device whose bundles were trusted here, revoked ones too; the most recently trusted first."""
    return devices.trusted_devices(workspace.database)


def revoke_device(workspace: Workspace, chosen: str) -> TrustedDevice:
    """Refuse the bundles of the device with the fingerprint ``chosen`` from now on (what it brought stays);
    NotFoundError or AlreadyRevoked."""
    return devices.revoke(workspace.database, chosen)
