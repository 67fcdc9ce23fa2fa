"""Photos in the walkthrough: from files, pasted, dropped; imported in the background; counted by the review."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QProgressDialog, QPushButton

from safety_assess.domain.walk.review import Problem
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.photos.ingest import ingest
from safety_assess.services import photos as services_photos
from safety_assess.services.walkthrough import WalkSession
from safety_assess.ui import dialogs, progress_dialog
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.walkthrough.window import WalkthroughWindow
from safety_assess.ui.widgets import thumbnails as thumbnails_module
from tests import photo_files
from tests.gui.walkthrough.conftest import Open

PHOTOS = photo_files.folder()


def wait_idle(qtbot, window: WalkthroughWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.operations.is_busy(), timeout=30_000)


def test_photos_from_files_are_imported_in_the_background_and_shown(qtbot, open_walk: Open, monkeypatch) -> None:
    window = open_walk("every-type")
    files = [PHOTOS / "hopper_orientation_6.jpg", PHOTOS / "truncated_jpeg.jpg"]
    monkeypatch.setattr(dialogs, "ask_photo_files", lambda parent: files)
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(message))
    qtbot.keyClick(window.panel, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot, window)
    [photo] = window.session.workspace.photos.list(window.session.id)
    assert (photo.item_id, photo.filename) == ("door-locked", "hopper_orientation_6.jpg")
    assert window.panel.photos.model.rowCount() == 1
    assert not window.panel.photos.model.index(0).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert len(errors) == 1 and "truncated_jpeg.jpg: the file ends before" in errors[0]


def test_a_pasted_image_is_attached_and_its_temporary_file_removed(qtbot, open_walk: Open) -> None:
    window = open_walk("every-type")
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    QGuiApplication.clipboard().setImage(image)
    qtbot.keyClick(window.panel, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    [photo] = window.session.workspace.photos.list(window.session.id)
    assert (photo.width, photo.height) == (40, 30)
    incoming = window.session.workspace.data_dir.photos / "incoming"
    assert list(incoming.iterdir()) == []


def test_dropped_files_go_to_the_current_item_of_an_instance(qtbot, open_walk: Open) -> None:
    window = open_walk("every-type")
    gym = window.session.add_instance("camera", "Gym")
    window.go_to(SlotKey("camera-working", gym.id))
    window.panel.photos.filesDropped.emit([PHOTOS / "hopper.jpg"])
    wait_idle(qtbot, window)
    [photo] = window.session.workspace.photos.list(window.session.id)
    assert (photo.item_id, photo.instance_id) == ("camera-working", gym.id)


def test_a_required_photo_is_asked_for_until_one_is_attached(qtbot, open_walk: Open) -> None:
    window = open_walk("every-type")
    qtbot.keyClick(window.panel, Qt.Key.Key_N)  # door-locked: deficient, photo required
    window.go_to(SlotKey("door-locked"))
    assert "a photo is required" in window.panel.photos.title.text()
    assert any(e.problem == Problem.PHOTO_MISSING for e in window.session.review())
    window.photos.import_paths([PHOTOS / "hopper.jpg"])
    wait_idle(qtbot, window)
    assert "a photo is required" not in window.panel.photos.title.text()
    assert not any(e.problem == Problem.PHOTO_MISSING for e in window.session.review())


def test_files_dropped_anywhere_on_the_item_are_attached(qtbot, open_walk: Open) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = open_walk("every-type")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(PHOTOS / "hopper.jpg"))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.panel.dropEvent(drop)
    wait_idle(qtbot, window)
    assert [p.item_id for p in window.session.workspace.photos.list(window.session.id)] == ["door-locked"]


def test_adding_photos_shows_a_progress_bar_whose_cancel_stops_the_import(  # type: ignore[no-untyped-def]
    qtbot, open_walk: Open, monkeypatch
) -> None:
    window = open_walk("every-type")
    reached, go = threading.Event(), threading.Event()

    def held(store, path):  # type: ignore[no-untyped-def]
        reached.set()
        go.wait(30)  # the first photo is held until the test has pressed Cancel
        return ingest(store, path)

    monkeypatch.setattr(services_photos, "ingest", held)
    monkeypatch.setattr(progress_dialog, "SHOW_AFTER_MS", 0)
    window.photos.import_paths([PHOTOS / "hopper.jpg", PHOTOS / "orientation_rectangle.jpg"])
    qtbot.waitUntil(reached.is_set, timeout=30_000)
    dialog = window.findChild(QProgressDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.labelText() and dialog.findChild(QPushButton).text() == "Cancel"
    dialog.findChild(QPushButton).click()
    go.set()
    wait_idle(qtbot, window)
    [photo] = window.session.workspace.photos.list(window.session.id)  # the second was never added
    assert photo.filename == "hopper.jpg" and window.panel.photos.model.rowCount() == 1
    assert "cancelled" in window.statusBar().currentMessage()
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]


def test_a_thumbnail_not_on_this_computer_is_made_off_the_ui_thread_behind_a_placeholder(  # type: ignore[no-untyped-def]
    qtbot, open_walk: Open, monkeypatch
) -> None:
    window = open_walk("every-type")
    window.panel.photos.filesDropped.emit([PHOTOS / "hopper.jpg"])
    wait_idle(qtbot, window)
    [photo] = window.session.workspace.photos.list(window.session.id)
    store = window.session.workspace.photo_store
    thumb = store.local_rendition(photo.sha256, "thumb")
    assert thumb is not None
    thumb.unlink()  # as for a photo that came in a bundle, or lives on the shared server only
    made_on: list[int] = []
    real = thumbnails_module.shown_rendition
    monkeypatch.setattr(
        thumbnails_module, "shown_rendition", lambda *args: made_on.append(threading.get_ident()) or real(*args)
    )
    other = WalkthroughWindow(WalkSession(window.session.workspace, window.session.id), ChangeChannel())
    qtbot.addWidget(other)
    other.go_to(SlotKey("door-locked", None))
    model = other.panel.photos.model
    placeholder = model.index(0).data(Qt.ItemDataRole.DecorationRole)
    assert placeholder.toImage().pixelColor(5, 5) == QColor("#d0d0d0")
    repainted: list[int] = []
    model.dataChanged.connect(lambda first, *_: repainted.append(first.row()))
    qtbot.waitUntil(lambda: repainted == [0], timeout=30_000)
    shown = model.index(0).data(Qt.ItemDataRole.DecorationRole)
    assert shown.toImage() != placeholder.toImage() and store.local_rendition(photo.sha256, "thumb") is not None
    assert made_on and threading.get_ident() not in made_on
    model.index(0).data(Qt.ItemDataRole.DecorationRole)
    assert len(made_on) == 1  # fetched once, then read from this computer
