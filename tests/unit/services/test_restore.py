"""Restoring a backup: the round trip with a passphrase and with the district key, and every refusal leaving
nothing written (a wrong key, a flipped byte in any file, a file missing or swapped, a folder not empty)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.base.jobs import Cancelled, Progress
from safety_assess.base.settings import Settings, load_settings, save_settings
from safety_assess.services.backup import back_up
from safety_assess.services.backup_format import BackupError
from safety_assess.services.backup_keys import UNENCRYPTED, protection_for, set_passphrase
from safety_assess.services.demo import Sample, make_sample
from safety_assess.services.restore import RestoreKeys, RestoreResult, restore
from safety_assess.services.sealing import district_public_key, import_sealing_key
from safety_assess.services.workspace import Workspace
from tests.unit.services.conftest import PASSPHRASE

pytestmark = [pytest.mark.sqlite_only, pytest.mark.usefixtures("quick_scrypt")]  # a shared database: pg_dump


@pytest.fixture
def sample(workspace: Workspace) -> Sample:
    save_settings(workspace.data_dir.settings, Settings(district_name="Riverside", backup_encryption="passphrase"))
    return make_sample(workspace)


@pytest.fixture
def sealed(workspace: Workspace, sample: Sample, tmp_path: Path) -> Path:
    """A backup encrypted with PASSPHRASE, with settings, a checklist and three photos."""
    set_passphrase(workspace.data_dir, PASSPHRASE)
    protection = protection_for(workspace, Settings(backup_encryption="passphrase"))
    return back_up(workspace, tmp_path / "usb", protection=protection).folder


def everything(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_restored(result: RestoreResult, source: Workspace, sample: Sample) -> None:
    copy = Workspace.open(DataDir(result.folder))
    try:
        assert [s.id for s in copy.assessments.list()] == [sample.assessment_id]
        for photo in copy.photos.list(sample.assessment_id):
            stored = copy.photo_store.find_original(photo.sha256)
            assert stored is not None and hashlib.sha256(stored.read_bytes()).hexdigest() == photo.sha256
        assert load_settings(copy.data_dir.settings).district_name == "Riverside"
        assert (copy.data_dir.checklists / "every-type.yaml").read_bytes() == (
            source.data_dir.checklists / "every-type.yaml"
        ).read_bytes()
    finally:
        copy.close()


def test_a_passphrase_backup_restores_whole(workspace: Workspace, sample: Sample, sealed: Path, tmp_path: Path) -> None:
    result = restore(sealed, tmp_path / "restored", RestoreKeys(passphrase=PASSPHRASE))
    assert (result.folder, result.files, result.photos, result.encryption) == (
        (tmp_path / "restored").absolute(),
        6,  # the database, settings, one checklist, three photos
        3,
        "passphrase",
    )
    assert result.folder.stat().st_mode & 0o077 == 0
    assert_restored(result, workspace, sample)
    again = Workspace.open(DataDir(result.folder))  # it backs up with the same passphrase, none asked
    try:
        kept = protection_for(again, load_settings(again.data_dir.settings))
        assert kept.header.key_id == json.loads((sealed / "backup.json").read_text())["key_id"]
    finally:
        again.close()


def test_a_district_backup_restores_only_where_the_district_key_is(
    workspace: Workspace, sample: Sample, district: Workspace, tmp_path: Path
) -> None:
    key, _ = import_sealing_key(workspace, tmp_path / "district.sadistrictkey")
    backup = back_up(workspace, tmp_path / "usb", protection=protection_for(workspace, Settings())).folder
    laptop = RestoreKeys(district_key=workspace.data_dir.district_key)  # the laptop holds no district key
    with pytest.raises(BackupError, match=f"encrypted to the district key {key.fingerprint}; only the district"):
        restore(backup, tmp_path / "on laptop", laptop)
    other = Workspace.open(DataDir(tmp_path / "other district"))
    try:
        district_public_key(other, create=True)
        with pytest.raises(BackupError, match="not to this installation's district key"):
            restore(backup, tmp_path / "elsewhere", RestoreKeys(district_key=other.data_dir.district_key))
    finally:
        other.close()
    assert not (tmp_path / "on laptop").exists() and not (tmp_path / "elsewhere").exists()
    result = restore(backup, tmp_path / "at district", RestoreKeys(district_key=district.data_dir.district_key))
    assert result.encryption == "district"
    assert_restored(result, workspace, sample)


def test_a_wrong_passphrase_is_refused_and_nothing_written(sealed: Path, tmp_path: Path) -> None:
    before = everything(tmp_path)
    with pytest.raises(BackupError, match=r"wrong passphrase \(it was encrypted with another one\); nothing"):
        restore(sealed, tmp_path / "restored", RestoreKeys(passphrase="not the passphrase"))
    with pytest.raises(BackupError, match="it is encrypted with a passphrase, and none was given"):
        restore(sealed, tmp_path / "restored", RestoreKeys())
    assert everything(tmp_path) == before


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_flipped_byte_refuses_the_restore_unless_it_is_in_a_photo(sealed: Path, tmp_path: Path) -> None:
    """Damage to the manifest, database, settings or a checklist refuses the whole restore, nothing written; a photo
    damaged in the backup is left out and named, and everything else is restored (one bad sector must not cost the
    database)."""
    files = sorted(p.relative_to(sealed) for p in sealed.rglob("*") if p.is_file() and p.name != "backup.json")
    assert len(files) == 7  # the manifest, database, settings, checklist and three photos
    for relative in files:
        altered = tmp_path / "altered" / sealed.name
        shutil.copytree(sealed, altered)
        _flip(altered / relative)
        if relative.parts[0] == "photos":
            result = restore(altered, tmp_path / "restored", RestoreKeys(passphrase=PASSPHRASE))
            assert len(result.damaged) == 1 and result.photos == 2
            assert (result.folder / "safety-assess.sqlite3").is_file()
            shutil.rmtree(tmp_path / "restored")
        else:
            with pytest.raises(BackupError, match=r"damaged|altered"):
                restore(altered, tmp_path / "restored", RestoreKeys(passphrase=PASSPHRASE))
        assert sorted(p.name for p in tmp_path.iterdir()) == ["altered", "data", "usb"], relative
        shutil.rmtree(tmp_path / "altered")


def test_a_missing_or_swapped_photo_is_left_out_and_named(sealed: Path, tmp_path: Path) -> None:
    first, second, *_ = sorted((sealed / "photos").iterdir())
    swapped = first.read_bytes()
    first.write_bytes(second.read_bytes())
    result = restore(sealed, tmp_path / "restored", RestoreKeys(passphrase=PASSPHRASE))
    assert len(result.damaged) == 1 and result.photos == 2
    shutil.rmtree(tmp_path / "restored")
    first.write_bytes(swapped)
    second.unlink()
    result = restore(sealed, tmp_path / "restored", RestoreKeys(passphrase=PASSPHRASE))
    assert len(result.damaged) == 1 and result.photos == 2
    photos = [p for p in (result.folder / "photos").rglob("*") if p.is_file()]
    assert len(photos) == 2


def test_a_missing_database_is_refused_and_nothing_written(sealed: Path, tmp_path: Path) -> None:
    for kept in (sealed / "data").iterdir():  # the database, settings and checklist
        kept.unlink()
    with pytest.raises(BackupError, match=r"missing"):
        restore(sealed, tmp_path / "restored", RestoreKeys(passphrase=PASSPHRASE))
    assert not (tmp_path / "restored").exists()


def test_an_altered_header_is_refused(sealed: Path, tmp_path: Path) -> None:
    header = json.loads((sealed / "backup.json").read_text())
    header["scrypt"]["n"] = 2**30  # would take the machine's memory
    (sealed / "backup.json").write_text(json.dumps(header))
    with pytest.raises(BackupError, match=r"backup\.json: damaged or altered \(scrypt\.n:"):
        restore(sealed, tmp_path / "restored", RestoreKeys(passphrase=PASSPHRASE))
    (sealed / "backup.json").write_text("{not json")
    with pytest.raises(BackupError, match=r"backup\.json: damaged \(it is not JSON\)"):
        restore(sealed, tmp_path / "restored", RestoreKeys(passphrase=PASSPHRASE))


def test_the_target_must_be_new_or_empty(sealed: Path, tmp_path: Path) -> None:
    keys = RestoreKeys(passphrase=PASSPHRASE)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "letter.txt").write_text("mine")
    (tmp_path / "a file").write_text("not a folder")
    refusals = {
        tmp_path / "full": "already holds files",
        tmp_path / "a file": "a file, not a folder",
        tmp_path / "drive" / "restored": "is not there (is its drive connected?)",
        sealed / "inside": "inside the backup itself",
    }
    for target, reason in refusals.items():
        with pytest.raises(BackupError, match=re.escape(reason)):
            restore(sealed, target, keys)
    assert (tmp_path / "full" / "letter.txt").read_text() == "mine" and not (tmp_path / "drive").exists()
    (tmp_path / "empty").mkdir()  # an empty folder, such as a new drive's own top folder, is filled from inside
    assert restore(sealed, tmp_path / "empty", keys).folder == (tmp_path / "empty").absolute()
    assert sorted(p.name for p in (tmp_path / "empty").iterdir()) == [
        "backup-key.json",
        "checklists",
        "photos",
        "safety-assess.sqlite3",
        "settings.json",
    ]


def test_a_cancelled_restore_leaves_nothing(sealed: Path, tmp_path: Path) -> None:
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        restore(sealed, tmp_path / "restored", RestoreKeys(passphrase=PASSPHRASE), progress)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "usb"]


def test_an_unencrypted_backup_restores_and_a_damaged_photo_is_left_out_and_named(
    workspace: Workspace, sample: Sample, tmp_path: Path
) -> None:
    plain = back_up(workspace, tmp_path / "usb", protection=UNENCRYPTED).folder
    (plain / "backup.json").unlink()  # as made before backups were encrypted
    result = restore(plain, tmp_path / "restored", RestoreKeys())
    assert (result.encryption, result.photos, result.missing) == ("none", 3, [])
    assert_restored(result, workspace, sample)
    flipped = sorted((plain / "photos" / "originals").rglob("*.*"))[0]
    _flip(flipped)
    again = restore(plain, tmp_path / "again", RestoreKeys())  # one bad sector must not cost everything else
    assert again.damaged == [flipped.relative_to(plain).as_posix()] and again.missing == []
    assert again.photos == 2 and again.files == result.files - 1
    assert not (tmp_path / "again" / flipped.relative_to(plain)).exists()
    assert (tmp_path / "again" / "safety-assess.sqlite3").is_file()
    with pytest.raises(BackupError, match="not a Safety Assess backup"):
        restore(tmp_path / "data" / "checklists", tmp_path / "again", RestoreKeys())


def test_a_header_of_a_newer_or_impossible_version_or_nested_deep_says_which(sealed: Path, tmp_path: Path) -> None:
    header = json.loads((sealed / "backup.json").read_text())
    for version, message in ((7, r"newer Safety Assess \(format 7"), (0, r"damaged \(its format number 0")):
        (sealed / "backup.json").write_text(json.dumps({**header, "format_version": version}))
        with pytest.raises(BackupError, match=message):
            restore(sealed, tmp_path / "restored", RestoreKeys(passphrase=PASSPHRASE))
    (sealed / "backup.json").write_text("[" * 30_000 + "]" * 30_000)  # within the header's size limit
    with pytest.raises(BackupError, match=r"backup\.json: damaged \(it is not JSON\)"):
        restore(sealed, tmp_path / "restored", RestoreKeys(passphrase=PASSPHRASE))
    assert not (tmp_path / "restored").exists()
