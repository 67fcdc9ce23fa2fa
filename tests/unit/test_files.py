"""Files the user asked for, backups and moves leave nothing behind once the app runs again: what a write cut off
left is removed at the next start and before the next write into its folder; nothing else ever is."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from safety_assess.base.atomic import WriteError
from safety_assess.base.datadir import DataDir
from safety_assess.base.files import tidy_up, writing
from safety_assess.base.leftovers import Owner, temp_path, this_host
from safety_assess.services.backup import back_up
from safety_assess.services.backup_keys import UNENCRYPTED
from safety_assess.services.relocate import check_new_folder, move_data_folder
from safety_assess.services.workspace import Workspace
from tests.crash import dead_pid

NOON = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)


def killed_writer() -> Owner:
    return Owner(this_host(), dead_pid())


def left_by_a_killed_writer(final: Path) -> Path:
    """The half-made folder a killed backup or move left for ``final``."""
    final.parent.mkdir(exist_ok=True)
    made = temp_path(final, killed_writer())
    made.mkdir()
    (made / "safety-assess.sqlite3").write_bytes(b"half a copy")
    return made


def note(data_dir: DataDir, folder: Path, owner: Owner) -> None:
    """The note a writer into ``folder`` left in the data folder when it was killed."""
    data_dir.pending_writes.mkdir(exist_ok=True)
    record = {"schema_version": 1, "folder": str(folder), "host": owner.host, "pid": owner.pid}
    token = hashlib.sha256(str(folder).encode()).hexdigest()[:8]
    (data_dir.pending_writes / f"{owner.host}-{owner.pid}-{token}.json").write_text(json.dumps(record))


def test_a_file_written_for_the_user_is_noted_only_while_it_is_written(data_dir: DataDir, tmp_path: Path) -> None:
    data_dir.prepare()
    with writing(data_dir, tmp_path / "actions.csv") as partial:
        assert [json.loads(p.read_text())["folder"] for p in data_dir.pending_writes.iterdir()] == [str(tmp_path)]
        partial.write_text("campus,action\n")
    assert (tmp_path / "actions.csv").read_text() == "campus,action\n" and list(data_dir.pending_writes.iterdir()) == []
    with pytest.raises(WriteError, match="does not exist"), writing(data_dir, tmp_path / "gone" / "a.csv"):
        pass
    assert list(data_dir.pending_writes.iterdir()) == []


def test_the_next_start_removes_what_killed_exports_backups_and_moves_left(data_dir: DataDir, tmp_path: Path) -> None:
    data_dir.prepare()
    reports, backups, drive = tmp_path / "reports", tmp_path / "backups on usb", tmp_path / "drive"
    for folder in (reports, backups, drive):
        folder.mkdir()
    killed = killed_writer()
    files = [
        temp_path(reports / "action-plan-LHS.pdf", killed),
        temp_path(data_dir.backups / "safety-assess-20261123-before-upgrade.sqlite3", killed),
        temp_path(data_dir.settings, killed),
    ]
    for path in files:
        path.write_bytes(b"")
    left = [
        *files,
        left_by_a_killed_writer(backups / "safety-assess-backup-20261123T120000Z"),
        left_by_a_killed_writer(drive / "safety"),  # a move, beside its new place
    ]
    for folder in (reports, backups, drive):
        note(data_dir, folder, killed)
    kept = [reports / ".action-plan-LHS.pdf.partial", reports / "action-plan-LHS.pdf", temp_path(backups / "x")]
    for path in kept:
        path.write_text("the user's own, or a write running right now")
    assert sorted(tidy_up(data_dir)) == sorted(left)
    assert sorted(p for f in (reports, backups, drive) for p in f.iterdir()) == sorted(kept)
    assert list(data_dir.pending_writes.iterdir()) == []


@pytest.mark.sqlite_only
def test_a_backup_removes_the_half_made_one_a_killed_backup_left(workspace: Workspace, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    left_by_a_killed_writer(backups / "safety-assess-backup-20261123T115900Z")
    running = temp_path(backups / f"safety-assess-backup-{NOON:%Y%m%dT%H%M%SZ}")  # this process, another thread
    running.mkdir()
    result = back_up(workspace, backups, clock=NOON, protection=UNENCRYPTED)
    assert result.folder.name == "safety-assess-backup-20261123T120001Z"  # the name being made is not taken
    assert sorted(backups.iterdir()) == sorted([running, result.folder])
    assert list(workspace.data_dir.pending_writes.iterdir()) == []


@pytest.mark.sqlite_only
def test_a_move_into_a_folder_a_killed_move_left_things_in_goes_ahead(workspace: Workspace, tmp_path: Path) -> None:
    drive = tmp_path / "USB"
    killed = left_by_a_killed_writer(drive / "moving")
    assert check_new_folder(workspace.data_dir, drive) is False  # counts as empty
    result = move_data_folder(workspace, drive)
    assert not killed.exists() and (result.folder / "safety-assess.sqlite3").is_file()
    assert not any(p.name.endswith(".partial") for p in drive.iterdir())
    assert list(workspace.data_dir.pending_writes.iterdir()) == []
    assert not (drive / "pending-writes").exists()  # the move's own note stays behind: it ended there


def test_files_of_the_user_in_the_data_folder_are_left_alone(data_dir: DataDir) -> None:
    data_dir.prepare()
    theirs = [data_dir.root / "notes.partial", data_dir.root / ".settings.json.k3j4h5g6.partial"]
    for path in theirs:
        path.write_text("not ours")
    assert tidy_up(data_dir) == [] and all(path.exists() for path in theirs)
