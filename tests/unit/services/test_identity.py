"""Whose key signs: the data folder's own, or on a shared database the district's one identity; trusted devices
listed and revoked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.domain.errors import NotFoundError
from safety_assess.keys.device import from_pem, load_or_create
from safety_assess.keys.key_files import KeyFileError
from safety_assess.keys.staff import new_staff_key, write_staff_key
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
    assert workspace.signing_fingerprint == workspace.device_key.fingerprint
    assert not workspace.data_dir.district_staff_key.exists()


@pytest.mark.postgres_only
def test_every_staff_computer_on_a_shared_database_signs_as_the_district(workspace: Workspace, tmp_path: Path) -> None:
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), workspace.target.url)
    try:
        first = workspace.device_key
        assert first.public_key == load_or_create(workspace.data_dir.device_key).public_key  # the first brings its own
        stored = meta.get(workspace.database, DISTRICT_SIGNING_KEY) or ""
        assert stored.startswith("sealed-v1:") and "PRIVATE KEY" not in stored  # a dump alone cannot sign
        assert colleague.signing_fingerprint == first.fingerprint  # known before it can sign
        with pytest.raises(KeyFileError, match=r"cannot sign for the district yet: copy district-staff\.key"):
            _ = colleague.device_key
        shutil.copy(workspace.data_dir.district_staff_key, colleague.data_dir.district_staff_key)
        assert colleague.device_key.public_key == first.public_key
        assert load_or_create(colleague.data_dir.device_key).public_key != first.public_key
    finally:
        colleague.close()


@pytest.mark.postgres_only
def test_another_staff_key_is_told_plainly(workspace: Workspace, tmp_path: Path) -> None:
    _ = workspace.device_key
    stranger = Workspace.open(DataDir(tmp_path / "stranger"), workspace.target.url)
    try:
        write_staff_key(stranger.data_dir.district_staff_key, new_staff_key())
        with pytest.raises(KeyFileError, match=r"is not sealed with this computer's district-staff\.key"):
            _ = stranger.device_key
        stranger.data_dir.district_staff_key.write_text("damaged\n")
        with pytest.raises(KeyFileError, match=r"district staff key .* is damaged"):
            _ = stranger.device_key
    finally:
        stranger.close()


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
