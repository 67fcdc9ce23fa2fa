"""Unencrypted backups (made only when chosen): a consistent copy of the data folder, itself a data folder that
opens; never half-written. Pruning and naming, whatever the protection."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.base.jobs import Cancelled, Progress
from safety_assess.services.backup import (
    PREFIX,
    BackupError,
    back_up,
    backup_due,
    existing_backups,
    prune_backups,
)
from safety_assess.services.backup_keys import UNENCRYPTED
from safety_assess.services.demo import make_sample
from safety_assess.services.workspace import Workspace
from tests.postgres import ServerDatabases


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only
def test_a_backup_taken_while_in_use_opens_as_a_data_folder(workspace: Workspace, tmp_path: Path) -> None:
    sample = make_sample(workspace)
    with workspace.database.session():  # the app is using the database meanwhile
        result = back_up(workspace, tmp_path / "usb", protection=UNENCRYPTED)
    assert result.folder.parent == tmp_path / "usb" and result.photos == 3 and result.missing == []
    assert (result.folder / "checklists" / "every-type.yaml").is_file()
    assert not (result.folder / "device-key.pem").exists() and result.folder.stat().st_mode & 0o077 == 0
    copy = Workspace.open(DataDir(result.folder))
    try:
        assert [s.id for s in copy.assessments.list()] == [sample.assessment_id]
        for photo in copy.photos.list(sample.assessment_id):
            stored = copy.photo_store.find_original(photo.sha256)
            assert stored is not None and digest(stored) == photo.sha256
    finally:
        copy.close()


@pytest.mark.sqlite_only
def test_missing_photo_files_are_reported_and_a_cancelled_backup_leaves_nothing(
    workspace: Workspace, tmp_path: Path
) -> None:
    sample = make_sample(workspace)
    [first, *_] = workspace.photos.list(sample.assessment_id)
    original = workspace.photo_store.find_original(first.sha256)
    assert original is not None
    original.unlink()
    assert back_up(workspace, tmp_path / "one", protection=UNENCRYPTED).missing == [first.sha256]
    cancelled = Progress()
    cancelled.cancel()
    with pytest.raises(Cancelled):
        back_up(workspace, tmp_path / "two", progress=cancelled, protection=UNENCRYPTED)
    assert list((tmp_path / "two").iterdir()) == []


@pytest.mark.postgres_only
def test_a_shared_database_is_backed_up_on_its_server(pg_server: ServerDatabases, tmp_path: Path) -> None:
    workspace = Workspace.open(DataDir(tmp_path / "data"), pg_server.fresh_database())
    try:
        with pytest.raises(BackupError, match=r"backed up on its server \(pg_dump\)"):
            back_up(workspace, protection=UNENCRYPTED)
    finally:
        workspace.close()


NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


@pytest.mark.sqlite_only
def test_photos_already_in_the_previous_backup_are_linked_not_copied(workspace: Workspace, tmp_path: Path) -> None:
    make_sample(workspace)
    first = back_up(workspace, tmp_path, clock=NOON, protection=UNENCRYPTED)
    second = back_up(workspace, tmp_path, clock=NOON + dt.timedelta(hours=1), protection=UNENCRYPTED)
    assert (first.photos, first.linked) == (3, 0) and (second.photos, second.linked) == (3, 3)
    for photo in (second.folder / "photos").rglob("*.*"):
        twin = first.folder / photo.relative_to(second.folder)
        assert photo.stat().st_ino == twin.stat().st_ino and photo.stat().st_nlink == 2
    shutil.rmtree(first.folder)  # each backup stands alone: the other one's photos survive it
    assert all(digest(p) == p.name.split(".")[0] for p in (second.folder / "photos").rglob("*.*"))


@pytest.mark.sqlite_only
def test_a_damaged_photo_in_the_previous_backup_is_copied_afresh(workspace: Workspace, tmp_path: Path) -> None:
    make_sample(workspace)
    first = back_up(workspace, tmp_path, clock=NOON, protection=UNENCRYPTED)
    [damaged, *_] = sorted((first.folder / "photos").rglob("*.*"))
    damaged.write_bytes(b"truncated")
    second = back_up(workspace, tmp_path, clock=NOON + dt.timedelta(hours=1), protection=UNENCRYPTED)
    assert second.linked == 2
    copy = second.folder / damaged.relative_to(first.folder)
    assert digest(copy) == copy.name.split(".")[0]


def test_a_backup_is_due_when_the_newest_is_old_enough(tmp_path: Path) -> None:
    day = dt.timedelta(days=1)
    assert backup_due(tmp_path / "none yet", day, NOON)
    (tmp_path / f"{PREFIX}20261122T130000Z").mkdir()
    (tmp_path / f"{PREFIX}20261121T000000Z").mkdir()
    (tmp_path / f"{PREFIX}20261123T115000Z.txt").write_text("not a backup")
    (tmp_path / f".{PREFIX}20261123T115900Z.partial").mkdir()  # not finished: does not count
    assert not backup_due(tmp_path, day, NOON)
    assert backup_due(tmp_path, day, NOON + dt.timedelta(hours=1))
    assert backup_due(tmp_path, dt.timedelta(hours=4), NOON)


def test_pruning_keeps_the_newest_and_a_backup_running_elsewhere(tmp_path: Path) -> None:
    names = [f"{PREFIX}202611{day:02}T080000Z" for day in range(10, 23)]
    for name in names:
        (tmp_path / name).mkdir()
    (tmp_path / "safety-assess-20261101-before-migration.sqlite3").write_text("kept")
    (tmp_path / "my notes").mkdir()
    stale, running = (
        tmp_path / f".{PREFIX}20261120T000000Z.partial",
        tmp_path / f".{PREFIX}{NOON:%Y%m%dT%H%M%SZ}.partial",
    )
    stale.mkdir()
    running.mkdir()
    removed = prune_backups(tmp_path, 5, NOON)
    assert sorted(p.name for p in removed) == sorted([*names[:8], stale.name])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*names[8:], "safety-assess-20261101-before-migration.sqlite3", "my notes", running.name]
    )
    assert [p.name for p in prune_backups(tmp_path, 0, NOON)] == names[8:12]  # never the last one


@pytest.mark.sqlite_only
def test_a_new_backup_prunes_the_old_ones_when_asked(workspace: Workspace, tmp_path: Path) -> None:
    results = [
        back_up(workspace, tmp_path, clock=NOON + dt.timedelta(days=n), keep=2, protection=UNENCRYPTED)
        for n in range(4)
    ]
    assert [path for _, path in existing_backups(tmp_path)] == [results[2].folder, results[3].folder]
    assert results[3].removed == [results[1].folder]


@pytest.mark.sqlite_only
def test_two_backups_within_one_second_both_stand(workspace: Workspace, tmp_path: Path) -> None:
    first, second = (back_up(workspace, tmp_path, clock=NOON, protection=UNENCRYPTED) for _ in range(2))
    assert second.folder.name == f"{PREFIX}20261123T120001Z" and first.folder.is_dir()


@pytest.mark.sqlite_only
def test_a_backups_folder_on_a_drive_not_connected_is_never_made_up(workspace: Workspace, tmp_path: Path) -> None:
    drive = tmp_path / "media" / "USB"
    with pytest.raises(BackupError, match=r"USB is not there \(is its drive connected\?\)"):
        back_up(workspace, drive / "backups", protection=UNENCRYPTED)
    assert not drive.exists()


@pytest.mark.sqlite_only
def test_a_backup_opened_as_the_data_folder_is_never_pruned(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    oldest = usb / f"{PREFIX}20261101T080000Z"
    usb.mkdir()
    workspace = Workspace.open(DataDir(oldest))  # the user works on a backup, restored in place
    try:
        for day in range(2):
            back_up(workspace, usb, clock=NOON + dt.timedelta(days=day), keep=1, protection=UNENCRYPTED)
    finally:
        workspace.close()
    [(_, kept), (_, newest)] = existing_backups(usb)  # the one in use, and the newest
    assert kept == oldest and newest.name == f"{PREFIX}20261124T120000Z"
