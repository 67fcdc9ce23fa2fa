"""Whose key signs: the data folder's own, or on a shared database the district's one identity; trusted devices
listed and revoked."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.domain.errors import NotFoundError
from safety_assess.keys.device import from_pem, load_or_create
from safety_assess.keys.key_files import KeyFileError
from safety_assess.services.identity import DISTRICT_SIGNING_KEY, revoke_device, trusted_devices
from safety_assess.services.workspace import Workspace
from safety_assess.storage import meta
from safety_assess.storage.devices import AlreadyRevoked
from safety_assess.storage.orm import DeviceRow


def test_a_key_survives_its_pem_text_and_a_damaged_one_is_named(tmp_path: Path) -> None:
    key = load_or_create(tmp_path / "key.pem")
    assert from_pem(key.to_pem(), "the key").public_key == key.public_key
    with pytest.raises(KeyFileError, match="the stored key is damaged"):
        from_pem("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n", "the stored key")


def test_on_its_own_database_the_data_folders_key_signs(workspace: Workspace) -> None:
    if workspace.shared:
        pytest.skip("a server database is the district's: see the next test")
    assert workspace.device_key.public_key == load_or_create(workspace.data_dir.device_key).public_key
    assert meta.get(workspace.database, DISTRICT_SIGNING_KEY) is None


@pytest.mark.postgres_only
def test_every_staff_computer_on_a_shared_database_signs_as_the_district(workspace: Workspace, tmp_path: Path) -> None:
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), workspace.target.url)
    try:
        first = workspace.device_key
        assert first.public_key == load_or_create(workspace.data_dir.device_key).public_key  # the first brings its own
        assert colleague.device_key.public_key == first.public_key
        assert load_or_create(colleague.data_dir.device_key).public_key != first.public_key
        meta.put(workspace.database, DISTRICT_SIGNING_KEY, "damaged")
        late = Workspace.open(DataDir(tmp_path / "late"), workspace.target.url)
        with pytest.raises(KeyFileError, match=r"signing key in the shared database .* is damaged"):
            _ = late.device_key
        late.close()
    finally:
        colleague.close()


def test_trusted_devices_are_listed_and_revoked_once(workspace: Workspace) -> None:
    with workspace.database.session() as session:
        session.add(DeviceRow(installation_id="laptop-1", public_key="00" * 32, fingerprint="SA-AAAA", name="Ann"))
    [device] = trusted_devices(workspace)
    assert (device.fingerprint, device.name, device.revoked_at) == ("SA-AAAA", "Ann", None)
    with pytest.raises(NotFoundError, match="SA-BBBB"):
        revoke_device(workspace, "SA-BBBB")
    revoked = revoke_device(workspace, " sa-aaaa ")
    assert revoked.revoked_at is not None and trusted_devices(workspace) == [revoked]
    with pytest.raises(AlreadyRevoked, match="revoked already"):
        revoke_device(workspace, "SA-AAAA")
