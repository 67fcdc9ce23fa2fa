"""A photo import a crash cut off is told at the next start: how many and which files were not added, and where."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from safety_assess.base.jobs import Cancelled, Progress
from safety_assess.domain.records import AssessmentSummary
from safety_assess.photos.ingest import ingest
from safety_assess.services.assessments import start_assessment
from safety_assess.services.photo_journal import cut_off_imports, describe, forget, importing
from safety_assess.services.photos import add_photos
from safety_assess.services.workspace import Workspace
from tests.crash import dead_pid, import_cut_off, make_photos


@pytest.fixture
def assessment(workspace: Workspace) -> AssessmentSummary:
    workspace.campuses.add("Lincoln High", "LHS")
    return start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 23))


def test_an_import_cut_off_is_told_with_the_files_not_added(
    workspace: Workspace, assessment: AssessmentSummary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = make_photos(tmp_path / "DCIM", 5)
    import_cut_off(workspace, monkeypatch, assessment.id, "door-locked", files, at=2)
    assert [p.filename for p in workspace.photos.list(assessment.id)] == ["IMG_0001.jpg", "IMG_0002.jpg"]
    [cut] = cut_off_imports(workspace)
    assert (cut.total, cut.not_added) == (5, tuple(files[2:]))
    assert describe(workspace, cut) == (
        "3 of 5 photos were not added to the assessment of Lincoln High on 2026-11-23 (item door-locked): the import "
        "was interrupted; add them again:"
    )
    forget([cut])
    assert cut_off_imports(workspace) == [] and list(workspace.data_dir.photo_imports.iterdir()) == []
    assert len(workspace.photos.list(assessment.id)) == 2  # telling changes nothing


def test_one_file_not_added_is_told_in_the_singular(
    workspace: Workspace, assessment: AssessmentSummary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = make_photos(tmp_path / "DCIM", 2)
    import_cut_off(workspace, monkeypatch, assessment.id, "door-locked", files, at=1)
    [cut] = cut_off_imports(workspace)
    assert describe(workspace, cut).startswith("1 of 2 photos was not added to the assessment of Lincoln High")


def test_finished_failed_and_cancelled_imports_leave_no_journal(
    workspace: Workspace, assessment: AssessmentSummary, tmp_path: Path
) -> None:
    files = make_photos(tmp_path / "DCIM", 3)
    add_photos(workspace, assessment.id, "door-locked", [*files, tmp_path / "not there.jpg"])
    progress = Progress(interval=0)
    progress.cancel()
    with pytest.raises(Cancelled):
        add_photos(workspace, assessment.id, "door-locked", files, progress=progress)
    assert list(workspace.data_dir.photo_imports.iterdir()) == [] and cut_off_imports(workspace) == []


def test_an_import_running_elsewhere_is_not_taken_for_a_cut_off_one(
    workspace: Workspace, assessment: AssessmentSummary, tmp_path: Path
) -> None:
    files = make_photos(tmp_path / "DCIM", 2)
    with importing(workspace.data_dir, assessment.id, "door-locked", files) as photo_ids:
        assert len(photo_ids) == 2 and cut_off_imports(workspace) == []
        [journal] = workspace.data_dir.photo_imports.iterdir()
        assert json.loads(journal.read_text())["files"][1] == {"path": str(files[1]), "photo_id": str(photo_ids[1])}


def test_a_crash_after_the_last_photo_tells_nothing(
    workspace: Workspace, assessment: AssessmentSummary, tmp_path: Path
) -> None:
    files = make_photos(tmp_path / "DCIM", 2)
    with importing(workspace.data_dir, assessment.id, "door-locked", files) as photo_ids:
        [journal] = workspace.data_dir.photo_imports.iterdir()
        entry = json.loads(journal.read_text())
        for photo_id, path in zip(photo_ids, files, strict=True):
            stored = ingest(workspace.photo_store, path)
            workspace.photos.add(assessment.id, "door-locked", None, stored, photo_id=photo_id)
    journal.write_text(json.dumps({**entry, "pid": dead_pid()}))
    assert cut_off_imports(workspace) == [] and not journal.exists()


def test_a_damaged_journal_is_dropped(workspace: Workspace) -> None:
    workspace.data_dir.photo_imports.mkdir()
    (workspace.data_dir.photo_imports / "x.json").write_text('{"schema_version": 1, "files": [{"path": 3}]}')
    assert cut_off_imports(workspace) == [] and list(workspace.data_dir.photo_imports.iterdir()) == []
