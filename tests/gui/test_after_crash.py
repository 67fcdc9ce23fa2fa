"""The app's start after a crash: what cut-off writes left is removed in the background, and a photo import the crash
cut off is told once, without blocking, naming the files to add again; the database is left as it was."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from safety_assess.base.leftovers import Owner, temp_path, this_host
from safety_assess.services.assessments import start_assessment
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow
from tests.crash import dead_pid, import_cut_off, make_photos


def started(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Warm the window up as the app does once it shows; the notices it gave, once its background work is done."""
    notices: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_notice", lambda _parent, title, text: notices.append((title, text)))
    window.warm_up()
    qtbot.waitUntil(lambda: not window.operations.is_busy(), timeout=30_000)
    return notices


def test_a_photo_import_cut_off_is_told_once_and_leftovers_removed(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = window.workspace
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 23))
    files = make_photos(tmp_path / "DCIM", 4)
    import_cut_off(workspace, monkeypatch, summary.id, "door-locked", files, at=1)
    reports, killed = tmp_path / "reports", Owner(this_host(), dead_pid())
    reports.mkdir()
    left = temp_path(reports / "action-plan.pdf", killed)
    left.write_bytes(b"")
    (reports / ".notes.partial").write_text("the user's own")
    workspace.data_dir.pending_writes.mkdir()
    record = {"schema_version": 1, "folder": str(reports), "host": killed.host, "pid": killed.pid}
    (workspace.data_dir.pending_writes / "killed.json").write_text(json.dumps(record))

    assert started(qtbot, window, monkeypatch) == [
        (
            "Photos not added",
            "3 of 4 photos were not added to the assessment of Lincoln High on 2026-11-23 (item door-locked): the "
            f"import was interrupted; add them again:\n{files[1]}\n{files[2]}\n{files[3]}",
        )
    ]
    assert [p.name for p in reports.iterdir()] == [".notes.partial"]
    assert [p.filename for p in workspace.photos.list(summary.id)] == ["IMG_0001.jpg"]
    assert started(qtbot, window, monkeypatch) == []  # told once


def test_the_notice_shows_without_waiting_for_an_answer(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialogs.show_notice(window, "Photos not added", "1 of 2 photos was not added")
    [box] = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert box.text() == "1 of 2 photos was not added" and not box.isModal()
    box.close()
