"""Taking photos: disabled with a reason where there is no camera; shots imported where there is one."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from safety_assess.ui import camera, dialogs
from tests import photo_files
from tests.gui.walkthrough.conftest import Open

PHOTOS = photo_files.folder()


def test_without_qt_multimedia_the_reason_is_given(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    available, reason = camera.camera_status()
    assert not available and "Qt Multimedia" in reason


def test_the_action_is_disabled_with_the_reason_when_no_camera(open_walk: Open, monkeypatch) -> None:
    monkeypatch.setattr(camera, "camera_status", lambda: (False, "No camera was found. Connect one."))
    from safety_assess.ui.walkthrough import window as window_module

    monkeypatch.setattr(window_module, "camera_status", camera.camera_status)
    window = open_walk("every-type")
    take = window.actions_by_id["walk.take_photos"]
    assert not take.isEnabled() and take.toolTip() == "No camera was found. Connect one."
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(message))
    window.photos.take_with_camera()
    assert errors == ["No camera was found. Connect one."]


def test_shots_taken_are_imported_and_their_files_removed(qtbot, open_walk: Open, monkeypatch) -> None:
    window = open_walk("every-type")
    incoming = window.session.workspace.data_dir.photos / "incoming"

    def shoot(parent, folder: Path):  # type: ignore[no-untyped-def]
        folder.mkdir(parents=True, exist_ok=True)
        shots = [Path(shutil.copy(PHOTOS / "hopper.jpg", folder / "camera-1.jpg"))]
        return shots, True

    monkeypatch.setattr(camera, "camera_status", lambda: (True, ""))
    monkeypatch.setattr(camera, "ask_camera_photos", shoot)
    window.photos.take_with_camera()
    qtbot.waitUntil(lambda: not window.operations.is_busy(), timeout=30_000)
    assert [p.filename for p in window.session.workspace.photos.list(window.session.id)] == ["camera-1.jpg"]
    assert list(incoming.iterdir()) == []


def test_a_real_camera_shows_its_preview(qtbot, tmp_path: Path) -> None:
    available, reason = camera.camera_status()
    if not available:
        pytest.skip(f"no camera to test with here: {reason}")
    dialog = camera.CaptureDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.picker.count() >= 1
