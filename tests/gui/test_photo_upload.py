"""On a shared server, the app sends the data folder's photos the server lacks when it opens, with progress and
Cancel; cancelled, nothing is seen half-stored and nothing is removed, and the next start carries on."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton

from safety_assess.domain.blobs import BlobKey
from safety_assess.photos.store import PhotoStore
from safety_assess.services.assessments import start_assessment
from safety_assess.services.photos import add_photos
from safety_assess.services.workspace import Workspace
from safety_assess.storage.photo_blobs import DatabaseChunks
from safety_assess.ui import progress_dialog
from safety_assess.ui.main_window import MainWindow
from tests import photo_files

pytestmark = pytest.mark.postgres_only


def photos_kept_here(workspace: Workspace) -> list[str]:
    """Photos recorded on the server whose files only this folder has (as an earlier version kept them)."""
    workspace.__dict__["photo_store"] = PhotoStore(workspace.data_dir.photos)
    workspace.campuses.add("Lincoln High", "LHS", "")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana Díaz"], dt.date(2026, 11, 2))
    files = [photo_files.folder() / "hopper.jpg", photo_files.folder() / "orientation_rectangle.jpg"]
    added = add_photos(workspace, summary.id, "door-locked", files).added
    del workspace.__dict__["photo_store"]
    return [photo.sha256 for photo in added]


def on_server(workspace: Workspace, hashes: list[str]) -> set[str]:
    blobs = DatabaseChunks(workspace.database)
    return {key.sha256 for key in blobs.complete(BlobKey(sha, "original") for sha in hashes)}


def files_here(workspace: Workspace) -> set[Path]:
    return {p for p in workspace.data_dir.photos.rglob("*") if p.is_file()}


def wait_idle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.operations.is_busy(), timeout=30_000)


def test_the_photos_the_server_lacks_are_sent_when_the_app_opens(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    hashes = photos_kept_here(window.workspace)
    assert on_server(window.workspace, hashes) == set()
    window.warm_up()
    wait_idle(qtbot, window)
    assert on_server(window.workspace, hashes) == set(hashes)
    assert "Sent 6 photo files" in window.statusBar().currentMessage()


def test_cancelled_nothing_is_half_stored_or_removed_and_the_next_start_carries_on(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashes = photos_kept_here(window.workspace)
    kept = files_here(window.workspace)
    reached, go, put = threading.Event(), threading.Event(), DatabaseChunks.put_chunk

    def held(self: DatabaseChunks, key: BlobKey, digest: str, position: int, data: bytes) -> None:
        reached.set()
        go.wait(30)
        put(self, key, digest, position, data)

    monkeypatch.setattr(DatabaseChunks, "put_chunk", held)
    monkeypatch.setattr(progress_dialog, "SHOW_AFTER_MS", 0)
    window.warm_up()
    qtbot.waitUntil(reached.is_set, timeout=30_000)
    dialog = window.findChild(QProgressDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.findChild(QPushButton).click()
    go.set()
    wait_idle(qtbot, window)
    assert "cancelled" in window.statusBar().currentMessage()
    assert len(on_server(window.workspace, hashes)) < len(hashes)  # the file under way was finished, no more
    assert files_here(window.workspace) == kept
    monkeypatch.setattr(DatabaseChunks, "put_chunk", put)
    window.warm_up()  # the next start
    wait_idle(qtbot, window)
    assert on_server(window.workspace, hashes) == set(hashes) and files_here(window.workspace) == kept
