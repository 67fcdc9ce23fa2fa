"""Interrupted exports: the real program killed (SIGKILL) mid-way through an export, a report or a photo import;
the next command removes what it left (only that) and tells which photos were not added."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.base.leftovers import is_own_temp, temp_path
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.assessments import start_assessment
from safety_assess.services.photos import add_photos
from safety_assess.services.workspace import Workspace
from tests.crash import make_photos
from tests.e2e.conftest import Run

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.sqlite_only  # the program is killed while it holds the data folder's own database


@pytest.fixture
def assessment(tmp_path: Path) -> AssessmentSummary:
    workspace = Workspace.open(DataDir(tmp_path / "data"))
    try:
        workspace.campuses.add("Lincoln High", "LHS")
        summary = start_assessment(workspace, "LHS", "comprehensive-facility", ["Ana"], dt.date(2026, 11, 23))
        add_photos(workspace, summary.id, "grounds.natural-surveillance", make_photos(tmp_path / "camera", 3))
        return summary
    finally:
        workspace.close()


def killed_at(tmp_path: Path, where: str, call: int, *command: str) -> None:
    """Run ``safety-assess COMMAND`` on the test's data folder until it stalls before the ``call``-th call of
    ``where`` (module:function), and kill it there."""
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.e2e.stalling_cli",
            where,
            str(call),
            "--data-dir",
            str(tmp_path / "data"),
            *command,
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert worker.stdout is not None and worker.stderr is not None
    line = worker.stdout.readline()
    assert line == "stalled\n", (line, worker.stderr.read() if worker.poll() is not None else "")
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL
    for pipe in (worker.stdin, worker.stdout, worker.stderr):
        if pipe is not None:
            pipe.close()


def user_folder(path: Path) -> dict[str, bytes]:
    """A folder of the user's, with their own files: one named like a temporary file, and the temporary file of a
    write running right now (this test's process)."""
    path.mkdir(parents=True)
    files = {"notes.txt": b"mine", ".draft.partial": b"mine too", temp_path(path / "other.pdf").name: b"%PDF..."}
    for name, data in files.items():
        (path / name).write_bytes(data)
    return files


def contents(path: Path) -> dict[str, bytes]:
    return {entry.name: entry.read_bytes() for entry in path.iterdir()}


def left_in(folder: Path, theirs: dict[str, bytes]) -> Path:
    """The one file in ``folder`` that is not the user's: what the killed command left."""
    [left] = [name for name in contents(folder) if name not in theirs]
    assert is_own_temp(left)
    return folder / left


def killed_writing(tmp_path: Path, out: Path, where: str, call: int, *command: str) -> tuple[dict[str, bytes], Path]:
    """The user's own files in ``out``'s folder (see user_folder), and what ``safety-assess COMMAND --out OUT``,
    killed before the ``call``-th call of ``where``, left there."""
    theirs = user_folder(out.parent)
    killed_at(tmp_path, where, call, *command, "--out", str(out))
    return theirs, left_in(out.parent, theirs)


def notes(tmp_path: Path) -> list[Path]:
    return list((tmp_path / "data" / "pending-writes").iterdir())


def test_a_bundle_export_killed_midway_leaves_nothing_once_the_next_command_runs(
    cli: Run, tmp_path: Path, assessment: AssessmentSummary
) -> None:
    out = tmp_path / "usb" / "lhs.sabundle"
    theirs, left = killed_writing(
        tmp_path, out, "safety_assess.bundles.export:_add_photo", 2, "bundle", "export", str(assessment.id)
    )
    assert left.read_bytes().startswith(b"PK")  # half a bundle
    listed = cli("campus", "list")
    assert listed.returncode == 0 and listed.stderr == ""
    assert contents(out.parent) == theirs and notes(tmp_path) == []


def test_a_pdf_export_killed_before_its_pages_were_written_leaves_no_empty_file(
    cli: Run, tmp_path: Path, assessment: AssessmentSummary
) -> None:
    out = tmp_path / "reports" / "plan.pdf"
    theirs, left = killed_writing(
        tmp_path, out, "safety_assess.reports.pdf:write_pdf", 1, "report", "pdf", str(assessment.id)
    )
    assert left.read_bytes() == b"" and not out.exists()  # the empty file of the issue
    [working] = (tmp_path / "data" / "photos").glob(".scratch*")  # photos made ready to print: in the data folder
    assert cli("assessment", "list").returncode == 0
    assert contents(out.parent) == theirs and not working.exists()


def test_a_report_killed_on_a_drive_since_unplugged_is_tidied_once_the_drive_is_back(
    cli: Run, tmp_path: Path, assessment: AssessmentSummary
) -> None:
    drive, away = tmp_path / "usb", tmp_path / "usb-unplugged"
    out = drive / "plan.pdf"
    theirs, left = killed_writing(
        tmp_path, out, "safety_assess.reports.pdf:page_count", 1, "report", "pdf", str(assessment.id)
    )
    assert left.read_bytes().startswith(b"%PDF") and not out.exists()  # laid out, never given its name
    drive.rename(away)
    assert cli("campus", "list").returncode == 0  # the drive is not there: passed over quietly
    assert not drive.exists() and len(notes(tmp_path)) == 1
    away.rename(drive)
    assert cli("campus", "list").returncode == 0
    assert contents(drive) == theirs and notes(tmp_path) == []


def test_a_photo_import_killed_midway_is_told_once_by_the_next_command(
    cli: Run, tmp_path: Path, assessment: AssessmentSummary
) -> None:
    files = make_photos(tmp_path / "DCIM", 6)
    command = ["photo", "add", str(assessment.id), "grounds.natural-surveillance", *map(str, files)]
    killed_at(tmp_path, "safety_assess.services.photos:ingest", 4, *command)
    listed = cli("photo", "list", str(assessment.id))
    assert listed.returncode == 0
    assert listed.stderr == (
        "safety-assess: 3 of 6 photos were not added to the assessment of Lincoln High on 2026-11-23 (item "
        "grounds.natural-surveillance): the import was interrupted; add them again: "
        f"{files[3]}, {files[4]}, {files[5]}\n"
    )
    assert sum("IMG_000" in line for line in listed.stdout.splitlines()) == 3 + 3  # the fixture's 3 and these 3
    again = cli("photo", "list", str(assessment.id))
    assert again.stderr == "" and again.stdout == listed.stdout
