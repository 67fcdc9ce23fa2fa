"""Moving the data folder: a checked copy that appears whole, remembered for the next start; the old one untouched."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir, DataDirError, location_file, remember_data_folder
from safety_assess.base.jobs import Cancelled, Progress
from safety_assess.keys.device import load_or_create
from safety_assess.services.demo import make_sample
from safety_assess.services.relocate import MoveError, check_new_folder, move_data_folder, use_data_folder
from safety_assess.services.workspace import Workspace


def tree(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.name.endswith(("-shm", "-wal"))  # SQLite's own working files
    }


@pytest.mark.sqlite_only
def test_a_moved_data_folder_opens_with_everything_and_the_old_one_is_untouched(
    workspace: Workspace, tmp_path: Path
) -> None:
    sample = make_sample(workspace)
    load_or_create(workspace.data_dir.device_key)
    (workspace.data_dir.root / "logs").mkdir()
    (workspace.data_dir.root / "logs" / "safety-assess.log").write_text("the old folder's own log")
    before = tree(workspace.data_dir.root)
    with workspace.database.session():  # in use meanwhile
        result = move_data_folder(workspace, tmp_path / "drive" / "safety")
    assert result.folder == (tmp_path / "drive" / "safety").resolve() and result.left_behind == ["backups", "logs"]
    assert tree(workspace.data_dir.root) == before
    moved = tree(result.folder)
    assert {name: digest for name, digest in before.items() if name.startswith(("photos", "device-key"))}.items() <= (
        moved.items()
    )
    assert (result.folder / "device-key.pem").stat().st_mode & 0o777 == 0o600
    assert result.folder.stat().st_mode & 0o077 == 0 and not list(result.folder.parent.glob(".*moving"))
    assert DataDir.resolve() == DataDir(result.folder) and DataDir.resolve().source == "remembered"
    copy = Workspace.open(DataDir.resolve())
    try:
        assert [s.id for s in copy.assessments.list()] == [sample.assessment_id]
        assert len(copy.photos.list(sample.assessment_id)) == 3
    finally:
        copy.close()


def test_where_the_data_can_go(workspace: Workspace, tmp_path: Path) -> None:
    here = workspace.data_dir
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "letter.txt").write_text("mine")
    (tmp_path / "a file").write_text("x")
    (tmp_path / "empty").mkdir()
    for target, message in [
        (here.root, "is the data folder already in use"),
        (here.root / "photos" / "inside", "inside the data folder in use, or holds it"),
        (here.root.parent, "inside the data folder in use, or holds it"),
        (tmp_path / "busy", "already holds other files: choose an empty folder, or an existing data folder"),
        (tmp_path / "a file", "is a file, not a folder"),
    ]:
        with pytest.raises(MoveError, match=message):
            check_new_folder(here, target)
    assert check_new_folder(here, tmp_path / "empty") is False
    assert check_new_folder(here, tmp_path / "not yet") is False


def test_an_existing_data_folder_is_used_as_it_is_never_overwritten(workspace: Workspace, tmp_path: Path) -> None:
    other = tmp_path / "restored"
    other.mkdir()
    (other / "settings.json").write_text(json.dumps({"schema_version": 1, "district_name": "Elsewhere"}))
    with pytest.raises(MoveError, match="already a data folder: use it as it is"):
        move_data_folder(workspace, other)
    assert json.loads((other / "settings.json").read_text())["district_name"] == "Elsewhere"
    with pytest.raises(MoveError, match="is not a Safety Assess data folder"):
        use_data_folder(workspace.data_dir, tmp_path / "nothing here")
    use_data_folder(workspace.data_dir, other)
    assert DataDir.resolve().root == other.resolve()
    remember_data_folder(DataDir.resolve(None).root.parent / "gone")
    with pytest.raises(DataDirError, match=r"chosen in Settings, .*gone, is not there\. If it is on a drive, connect"):
        DataDir.resolve().prepare()
    assert not (other.parent / "gone").exists()  # never made anew in its place


@pytest.mark.sqlite_only
def test_a_cancelled_move_leaves_nothing_and_remembers_nothing(workspace: Workspace, tmp_path: Path) -> None:
    make_sample(workspace)
    (tmp_path / "empty").mkdir()
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        move_data_folder(workspace, tmp_path / "empty", progress)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "empty"] and not location_file().exists()
    assert list((tmp_path / "empty").iterdir()) == []
    assert DataDir.resolve().source == "default"


def test_a_damaged_location_file_is_refused_not_guessed_around() -> None:
    location_file().parent.mkdir(parents=True, exist_ok=True)
    location_file().write_text("{not json")
    with pytest.raises(DataDirError, match="which says where your data folder is\\) is damaged: it is not JSON"):
        DataDir.resolve()
    location_file().write_text(json.dumps({"schema_version": 9, "data_folder": "/x"}))
    with pytest.raises(DataDirError, match="written by a newer Safety Assess \\(format 9; this one reads up to 1\\)"):
        DataDir.resolve()
    location_file().write_text(json.dumps({"schema_version": 0, "data_folder": "/x"}))
    with pytest.raises(DataDirError, match="damaged \\(its format number 0 was never written"):
        DataDir.resolve()
    assert DataDir.resolve("/chosen").source == "option"  # --data-dir still works


@pytest.mark.sqlite_only
def test_an_empty_folder_such_as_a_drives_top_is_filled_from_inside(workspace: Workspace, tmp_path: Path) -> None:
    drive = tmp_path / "USB"
    drive.mkdir(mode=0o755)
    (drive / "System Volume Information").mkdir()  # the drive's own: it still counts as empty, and stays
    (drive / "System Volume Information" / "IndexerVolumeGuid").write_text("{x}")
    make_sample(workspace)
    cancelled = Progress()
    cancelled.cancel()
    with pytest.raises(Cancelled):
        move_data_folder(workspace, drive, cancelled)
    assert [p.name for p in drive.iterdir()] == ["System Volume Information"]
    result = move_data_folder(workspace, drive)
    assert result.folder == drive.resolve() and not (drive / ".moving").exists()
    assert (drive / "safety-assess.sqlite3").is_file() and len(list((drive / "photos").rglob("*.jpg"))) >= 3
    assert drive.stat().st_mode & 0o077 == 0 and DataDir.resolve().root == drive.resolve()
    assert (drive / "System Volume Information" / "IndexerVolumeGuid").read_text() == "{x}"
