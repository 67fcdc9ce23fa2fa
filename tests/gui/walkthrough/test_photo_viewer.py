"""The photo viewer: next and previous, zoom, caption, reorder, delete with undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safety_assess.domain.walk.slots import SlotKey
from safety_assess.services.photos import add_photos
from safety_assess.ui.walkthrough.photo_viewer import PhotoViewer
from tests import photo_files
from tests.gui.walkthrough.conftest import Open

PHOTOS = photo_files.folder()
FILES = ["hopper.jpg", "orientation_rectangle.jpg", "pil_sample_cmyk.jpg"]


def test_view_caption_reorder_delete_and_undo(qtbot, open_walk: Open) -> None:
    window = open_walk("every-type")
    session, key = window.session, SlotKey("gate")
    add_photos(session.workspace, session.id, "gate", [PHOTOS / f for f in FILES])
    session.reload_photos()
    first = session.photos_for(key)[0]
    store = session.workspace.photo_store
    viewer = PhotoViewer(window, session, key, first.id, lambda sha: store.rendition(sha, "report"))
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow)
    assert viewer.where.text().startswith("1 of 3 · hopper.jpg")
    qtbot.keyClick(viewer.scroller, Qt.Key.Key_Right)
    assert viewer.where.text().startswith("2 of 3 · orientation_rectangle.jpg")
    fitted = viewer.image.pixmap().size()
    viewer.set_zoom(0)
    viewer.set_zoom(1.25)
    assert viewer.image.pixmap().size() != fitted
    viewer.caption.setText("Rusted latch")
    qtbot.keyClick(viewer.caption, Qt.Key.Key_Return)
    viewer.reorder(-1)
    names = [p.filename for p in session.photos_for(key)]
    assert names == ["orientation_rectangle.jpg", "hopper.jpg", "pil_sample_cmyk.jpg"]
    assert session.photos_for(key)[0].caption == "Rusted latch"
    viewer.delete()
    assert [p.filename for p in session.photos_for(key)] == ["hopper.jpg", "pil_sample_cmyk.jpg"]
    viewer.undo()
    assert [p.filename for p in session.workspace.photos.list(session.id)] == [
        "orientation_rectangle.jpg",
        "hopper.jpg",
        "pil_sample_cmyk.jpg",
    ]
    viewer.close()
