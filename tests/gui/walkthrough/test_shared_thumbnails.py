"""On a shared server, a photo a colleague took shows in this computer's walkthrough: its thumbnail is fetched from
the server off the UI thread, behind a placeholder, then kept in this data folder."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from safety_assess.base.datadir import DataDir
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.walkthrough.window import WalkthroughWindow
from safety_assess.ui.widgets import thumbnails as thumbnails_module
from tests import photo_files
from tests.gui.walkthrough.conftest import Open

pytestmark = pytest.mark.postgres_only


def test_a_colleagues_photo_is_fetched_from_the_server_behind_a_placeholder(  # type: ignore[no-untyped-def]
    qtbot, open_walk: Open, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = open_walk("every-type")
    taken.panel.photos.filesDropped.emit([photo_files.folder() / "hopper.jpg"])
    qtbot.waitUntil(lambda: not taken.operations.is_busy(), timeout=30_000)
    [photo] = workspace.photos.list(taken.session.id)
    (tmp_path / "colleague").mkdir()
    shutil.copy(workspace.data_dir.root / "district-staff.key", tmp_path / "colleague")  # a staff computer joining
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), workspace.target.url)
    try:
        assert colleague.photo_store.local_rendition(photo.sha256, "thumb") is None
        fetched_on: list[int] = []
        real = thumbnails_module.shown_rendition
        monkeypatch.setattr(
            thumbnails_module, "shown_rendition", lambda *args: fetched_on.append(threading.get_ident()) or real(*args)
        )
        window = WalkthroughWindow(WalkSession(colleague, taken.session.id), ChangeChannel())
        qtbot.addWidget(window)
        window.go_to(SlotKey("door-locked", None))
        model = window.panel.photos.model
        first = model.index(0).data(Qt.ItemDataRole.DecorationRole)
        assert first.toImage().pixelColor(5, 5) == QColor("#d0d0d0")
        qtbot.waitUntil(
            lambda: colleague.photo_store.local_rendition(photo.sha256, "thumb") is not None, timeout=30_000
        )
        qtbot.waitUntil(lambda: not window.operations.is_busy(), timeout=30_000)
        shown = model.index(0).data(Qt.ItemDataRole.DecorationRole)
        assert shown.toImage() != first.toImage()
        assert fetched_on and threading.get_ident() not in fetched_on
        window.close()
    finally:
        colleague.close()
