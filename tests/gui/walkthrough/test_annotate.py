"""The annotation editor: drag to draw with each tool, label text, undo; saved shapes are burned into exports."""

from __future__ import annotations

import io

from PIL import Image, ImageStat
from PySide6.QtCore import QPoint, Qt

from safety_assess.photos.annotations import Shape
from safety_assess.services.photos import add_photos, export_photo
from safety_assess.ui import dialogs
from safety_assess.ui.walkthrough import annotate
from safety_assess.ui.walkthrough.annotate import AnnotateDialog
from safety_assess.ui.walkthrough.photo_viewer import PhotoViewer
from tests import photo_files
from tests.gui.walkthrough.conftest import Open

PHOTOS = photo_files.folder()


def drag(qtbot, canvas, start: tuple[float, float], end: tuple[float, float]) -> None:  # type: ignore[no-untyped-def]
    rect = canvas.photo_rect()

    def at(fx: float, fy: float) -> QPoint:
        return QPoint(round(rect.x() + fx * rect.width()), round(rect.y() + fy * rect.height()))

    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=at(*start))
    qtbot.mouseMove(canvas, at(*end))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=at(*end))


def test_drawing_with_each_tool_and_undo(qtbot, monkeypatch) -> None:
    dialog = AnnotateDialog(None, PHOTOS / "hopper.jpg", [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(dialogs, "ask_text", lambda *args, **kwargs: "Blind spot")
    for button in dialog.tool_buttons.buttons():
        button.click()
        drag(qtbot, dialog.canvas, (0.1, 0.1), (0.6, 0.5))
    kinds = [s.shape for s in dialog.canvas.shapes]
    assert kinds == [Shape.ARROW, Shape.RECTANGLE, Shape.ELLIPSE, Shape.TEXT, Shape.REDACT_BOX, Shape.REDACT_PIXELATE]
    assert dialog.canvas.shapes[3].text == "Blind spot"
    first = dialog.canvas.shapes[0]
    assert abs(first.x1 - 0.1) < 0.02 and abs(first.y2 - 0.5) < 0.02
    dialog.undo()
    assert len(dialog.canvas.shapes) == 5
    dialog.close()


def test_a_redaction_saved_in_the_viewer_is_burned_into_the_export(qtbot, open_walk: Open, monkeypatch) -> None:
    window = open_walk("every-type")
    session, key = window.session, window.current
    assert key is not None
    [photo] = add_photos(session.workspace, session.id, key.item_id, [PHOTOS / "hopper.jpg"]).added
    session.reload_photos()
    store = session.workspace.photo_store
    viewer = PhotoViewer(window, session, key, photo.id, lambda sha: store.rendition(sha, "report"))
    qtbot.addWidget(viewer)

    def black_out_top(parent, rendition, shapes):  # type: ignore[no-untyped-def]
        return [*shapes, annotate.Annotation(Shape.REDACT_BOX, 0, 0, 1, 0.5)]

    monkeypatch.setattr(annotate, "ask_annotations", black_out_top)
    viewer.annotate()
    exported = Image.open(io.BytesIO(export_photo(session.workspace, photo.id)))
    assert ImageStat.Stat(exported.crop((0, 0, 128, 60))).extrema == [(0, 0)] * 3
    viewer.close()


def _top_left_is_black(image) -> bool:  # type: ignore[no-untyped-def]
    """The top-left quarter of a QImage holds only black (a redaction box over the top half)."""
    width, height = image.width(), image.height()
    points = [(x, y) for x in range(1, width // 2, 7) for y in range(1, height // 2 - 2, 7)]
    return all(max(image.pixelColor(x, y).getRgb()[:3]) < 24 for x, y in points)


def test_a_redaction_saved_in_the_viewer_shows_in_the_viewer_and_the_thumbnail(
    qtbot, open_walk: Open, monkeypatch
) -> None:
    window = open_walk("every-type")
    session, key = window.session, window.current
    assert key is not None
    [photo] = add_photos(session.workspace, session.id, key.item_id, [PHOTOS / "hopper.jpg"]).added
    session.reload_photos()
    window.show_photos()
    strip = window.panel.photos.model
    thumbnail = strip.data(strip.index(0), Qt.ItemDataRole.DecorationRole)
    assert not _top_left_is_black(thumbnail.toImage())  # the unmarked photo to begin with
    store = session.workspace.photo_store
    viewer = PhotoViewer(window, session, key, photo.id, lambda sha: store.rendition(sha, "report"))
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    assert not _top_left_is_black(viewer.image.pixmap().toImage())

    def black_out_top(parent, rendition, shapes):  # type: ignore[no-untyped-def]
        return [*shapes, annotate.Annotation(Shape.REDACT_BOX, 0, 0, 1, 0.5)]

    monkeypatch.setattr(annotate, "ask_annotations", black_out_top)
    viewer.annotate()
    assert _top_left_is_black(viewer.image.pixmap().toImage())
    viewer.close()
    window.show_photos()  # what the walkthrough does when the viewer closes
    thumbnail = strip.data(strip.index(0), Qt.ItemDataRole.DecorationRole)
    assert _top_left_is_black(thumbnail.toImage())


def test_the_marked_photo_is_drawn_once_per_marks_and_only_scaled_on_zoom(qtbot, open_walk: Open, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from safety_assess.ui.walkthrough import photo_viewer

    window = open_walk("every-type")
    session, key = window.session, window.current
    assert key is not None
    [photo] = add_photos(session.workspace, session.id, key.item_id, [PHOTOS / "hopper.jpg"]).added
    session.reload_photos()
    drawn: list[object] = []
    real = photo_viewer.marked_pixmap
    monkeypatch.setattr(photo_viewer, "marked_pixmap", lambda *args: (drawn.append(args), real(*args))[1])
    store = session.workspace.photo_store
    viewer = PhotoViewer(window, session, key, photo.id, lambda sha: store.rendition(sha, "report"))
    qtbot.addWidget(viewer)
    for factor in (1.25, 1.25, 0.8, 0):  # zoom in, in, out, fit: the same marks, only scaled
        viewer.set_zoom(factor)
    assert len(drawn) == 1
    monkeypatch.setattr(
        annotate,
        "ask_annotations",
        lambda parent, rendition, shapes: [*shapes, annotate.Annotation(Shape.REDACT_BOX, 0, 0, 1, 0.5)],
    )
    viewer.annotate()  # new marks: drawn again
    assert len(drawn) == 2
    viewer.close()
