"""Encrypted backups: nothing readable on the drive, photos sealed once and linked after, and never unencrypted
unless the user chose it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from safety_assess.base.jobs import Cancelled, Progress
from safety_assess.base.leftovers import is_own_temp
from safety_assess.base.settings import Settings
from safety_assess.services.backup import back_up
from safety_assess.services.backup_format import BackupError, read_header
from safety_assess.services.backup_keys import (
    NOT_CHOSEN,
    UNENCRYPTED,
    Protection,
    has_passphrase,
    key_file,
    protection_for,
    set_passphrase,
)
from safety_assess.services.demo import Sample, make_sample
from safety_assess.services.sealing import import_sealing_key
from safety_assess.services.workspace import Workspace
from tests.unit.services.conftest import PASSPHRASE

NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
pytestmark = [pytest.mark.sqlite_only, pytest.mark.usefixtures("quick_scrypt")]  # a shared database: pg_dump


@pytest.fixture
def sample(workspace: Workspace) -> Sample:
    return make_sample(workspace)


@pytest.fixture
def by_passphrase(workspace: Workspace) -> Protection:
    set_passphrase(workspace.data_dir, PASSPHRASE)
    return protection_for(workspace, Settings(backup_encryption="passphrase"))


def plain_secrets(workspace: Workspace, sample: Sample) -> list[bytes]:
    """What must never be readable on the backup drive: the photos, their hashes, the database, the names."""
    photos = [workspace.photo_store.find_original(p.sha256) for p in workspace.photos.list(sample.assessment_id)]
    hashes = [p.sha256.encode() for p in workspace.photos.list(sample.assessment_id)]
    return [
        *(path.read_bytes()[1000:1064] for path in photos if path is not None),
        *hashes,
        b"SQLite format 3",
        b"Sample Elementary",
        b"every-type",
    ]


def test_a_passphrase_backup_holds_nothing_readable(
    workspace: Workspace, sample: Sample, by_passphrase: Protection, tmp_path: Path
) -> None:
    result = back_up(workspace, tmp_path / "usb", protection=by_passphrase)
    assert (result.photos, result.missing, result.protection) == (3, [], "encrypted with your passphrase")
    files = [path for path in result.folder.rglob("*") if path.is_file()]
    assert sorted(p.name for p in files if p.parent == result.folder) == ["backup.json", "manifest.sealed"]
    for path in files:
        data, name = path.read_bytes(), path.relative_to(result.folder).as_posix()
        assert not [secret for secret in plain_secrets(workspace, sample) if secret in data or secret in name.encode()]
    header = read_header(result.folder)
    assert header.encryption == "passphrase" and header.scrypt is not None and header.scrypt.n == 2**14
    assert PASSPHRASE.encode() not in key_file(workspace.data_dir).read_bytes()
    assert key_file(workspace.data_dir).stat().st_mode & 0o077 == 0
    assert not [p for p in workspace.data_dir.root.iterdir() if is_own_temp(p.name)]  # the plain database copy is gone


def test_photos_are_sealed_once_and_linked_into_the_next_backup(
    workspace: Workspace, sample: Sample, by_passphrase: Protection, tmp_path: Path
) -> None:
    first = back_up(workspace, tmp_path, clock=NOON, protection=by_passphrase)
    second = back_up(workspace, tmp_path, clock=NOON + dt.timedelta(hours=1), protection=by_passphrase)
    assert (first.linked, second.photos, second.linked) == (0, 3, 3)
    photos = sorted((second.folder / "photos").iterdir())
    assert len(photos) == 3
    for photo in photos:
        twin = first.folder / "photos" / photo.name
        assert photo.stat().st_ino == twin.stat().st_ino and photo.stat().st_nlink == 2
    set_passphrase(workspace.data_dir, "another long passphrase")  # another key: sealed afresh, never mixed
    third = back_up(
        workspace,
        tmp_path,
        clock=NOON + dt.timedelta(hours=2),
        protection=protection_for(workspace, Settings(backup_encryption="passphrase")),
    )
    assert third.linked == 0 and not {p.name for p in (third.folder / "photos").iterdir()} & {p.name for p in photos}


def test_a_damaged_sealed_photo_in_the_previous_backup_is_sealed_afresh(
    workspace: Workspace, sample: Sample, by_passphrase: Protection, tmp_path: Path
) -> None:
    first = back_up(workspace, tmp_path, clock=NOON, protection=by_passphrase)
    damaged = sorted((first.folder / "photos").iterdir())[0]
    damaged.write_bytes(damaged.read_bytes()[:-10])  # cut short
    second = back_up(workspace, tmp_path, clock=NOON + dt.timedelta(hours=1), protection=by_passphrase)
    assert second.linked == 2
    assert (second.folder / "photos" / damaged.name).stat().st_ino != damaged.stat().st_ino


def test_a_district_backup_is_sealed_to_the_district_key(
    workspace: Workspace, sample: Sample, district: Workspace, tmp_path: Path
) -> None:
    key, _ = import_sealing_key(workspace, tmp_path / "district.sadistrictkey")
    protection = protection_for(workspace, Settings())  # not chosen: the district key, since one is loaded
    result = back_up(workspace, tmp_path / "usb", protection=protection)
    header = read_header(result.folder)
    assert (header.encryption, header.fingerprint) == ("district", key.fingerprint)
    assert result.protection == f"encrypted to the district key {key.fingerprint}: only the district can open it"
    for path in (p for p in result.folder.rglob("*") if p.is_file()):
        assert b"SQLite format 3" not in path.read_bytes()


def test_unencrypted_only_when_the_user_says_so(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(BackupError) as refused:
        protection_for(workspace, Settings())  # nothing chosen, no district key
    assert str(refused.value) == NOT_CHOSEN
    assert protection_for(workspace, Settings(backup_encryption="none")) is UNENCRYPTED
    assert protection_for(workspace, Settings(), unencrypted=True) is UNENCRYPTED
    with pytest.raises(BackupError, match="encrypted to the district key, and none is loaded"):
        protection_for(workspace, Settings(backup_encryption="district"))
    with pytest.raises(BackupError, match="encrypted with a passphrase, and none is set"):
        protection_for(workspace, Settings(backup_encryption="passphrase"))
    with pytest.raises(BackupError, match="the passphrase is too short: use at least 10 characters"):
        protection_for(workspace, Settings(), passphrase="short")
    plain = back_up(workspace, tmp_path / "usb", protection=UNENCRYPTED)
    assert json.loads((plain.folder / "backup.json").read_text())["encryption"] == "none"
    assert plain.protection.startswith("not encrypted")


def test_a_cancelled_encrypted_backup_leaves_nothing_behind(
    workspace: Workspace, sample: Sample, by_passphrase: Protection, tmp_path: Path
) -> None:
    cancelled = Progress()
    cancelled.cancel()
    with pytest.raises(Cancelled):
        back_up(workspace, tmp_path / "usb", progress=cancelled, protection=by_passphrase)
    assert list((tmp_path / "usb").iterdir()) == []
    assert not [p for p in workspace.data_dir.root.iterdir() if is_own_temp(p.name)]


def test_a_passphrase_given_now_seals_like_the_one_kept(workspace: Workspace, by_passphrase: Protection) -> None:
    """The command line's --passphrase-env: the same passphrase, the same key (so photos link across both)."""
    given = protection_for(workspace, Settings(), passphrase=PASSPHRASE)
    assert given.header == by_passphrase.header and given.photo_name("ab" * 32) == by_passphrase.photo_name("ab" * 32)
    assert has_passphrase(workspace.data_dir)


def test_a_photo_name_reveals_nothing_without_the_names_key(
    workspace: Workspace, by_passphrase: Protection, tmp_path: Path
) -> None:
    sha256 = hashlib.sha256(b"photo").hexdigest()
    name = by_passphrase.photo_name(sha256)
    assert name != sha256 and len(name) == 64
    key_file(workspace.data_dir).unlink()  # a new data folder: a new names key
    set_passphrase(workspace.data_dir, PASSPHRASE)
    assert protection_for(workspace, Settings(backup_encryption="passphrase")).photo_name(sha256) != name
