"""Backups: a consistent copy of the data folder, itself a data folder that opens; never half-written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from safety_assess.datadir import DataDir
from safety_assess.services.backup import BackupError, back_up
from safety_assess.services.demo import make_sample
from safety_assess.services.progress import Cancelled, Progress
from safety_assess.services.workspace import Workspace
from tests.postgres import ServerDatabases


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only
def test_a_backup_taken_while_in_use_opens_as_a_data_folder(workspace: Workspace, tmp_path: Path) -> None:
    sample = make_sample(workspace)
    with workspace.database.session():  # the app is using the database meanwhile
        result = back_up(workspace, tmp_path / "usb")
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
    assert back_up(workspace, tmp_path / "one").missing == [first.sha256]
    cancelled = Progress()
    cancelled.cancel()
    with pytest.raises(Cancelled):
        back_up(workspace, tmp_path / "two", progress=cancelled)
    assert list((tmp_path / "two").iterdir()) == []


@pytest.mark.postgres_only
def test_a_shared_database_is_backed_up_on_its_server(pg_server: ServerDatabases, tmp_path: Path) -> None:
    workspace = Workspace.open(DataDir(tmp_path / "data"), pg_server.fresh_database())
    try:
        with pytest.raises(BackupError, match=r"backed up on its server \(pg_dump\)"):
            back_up(workspace)
    finally:
        workspace.close()
