"""The photo viewer: the report rendition, zoom, next and previous, caption, reorder, delete with undo."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.records import PhotoRecord
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.photos.annotations import parse_annotations
from safety_assess.services.walkthrough import WalkSession
from safety_assess.ui.walkthrough import annotate
from safety_assess.ui.widgets.marked_photo import marked_pixmap, marks_key

ZOOM_STEP = 1.25


class PhotoViewer(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        session: WalkSession,
        key: SlotKey,
        start: uuid.UUID,
        report_of: Callable[[str], Path],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Photos")
        self.resize(1000, 760)
        self.session, self.key, self.report_of = session, key, report_of
        self.current: uuid.UUID | None = start
        self.zoom = 0.0  # 0: fit the window
        self._marked: tuple[str, QPixmap] | None = None
        """The photo shown, marked (drawn once per photo and marks: a zoom or a resize only scales it)."""
        self.deleted: list[uuid.UUID] = []
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName("Photo")
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.image)
        self.scroller.setWidgetResizable(True)
        self.where = QLabel()
        self.caption = QLineEdit()
        self.caption.setAccessibleName("Caption")
        self.caption.setPlaceholderText("Caption (Enter saves)")
        self.caption.returnPressed.connect(self._save_caption)
        self._layout()
        self._shortcuts()
        self.show_current()
        self.scroller.setFocus()  # arrows page through photos; Tab reaches the caption

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for text, handler in (
            ("◀ Previous", lambda: self.step(-1)),
            ("Next ▶", lambda: self.step(1)),
            ("Zoom in", lambda: self.set_zoom(ZOOM_STEP)),
            ("Zoom out", lambda: self.set_zoom(1 / ZOOM_STEP)),
            ("Fit", lambda: self.set_zoom(0)),
            ("Move earlier", lambda: self.reorder(-1)),
            ("Move later", lambda: self.reorder(1)),
            ("Annotate…", self.annotate),
            ("Delete", self.delete),
            ("Undo delete", self.undo),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.setAutoDefault(False)  # Enter in the caption saves it, it must not also press a button
            button.clicked.connect(handler)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.caption)
        layout.addLayout(buttons)

    def _shortcuts(self) -> None:
        for keys, handler in (
            ((Qt.Key.Key_Right, Qt.Key.Key_PageDown), lambda: self.step(1)),
            ((Qt.Key.Key_Left, Qt.Key.Key_PageUp), lambda: self.step(-1)),
            ((Qt.Key.Key_Plus, Qt.Key.Key_Equal), lambda: self.set_zoom(ZOOM_STEP)),
            ((Qt.Key.Key_Minus,), lambda: self.set_zoom(1 / ZOOM_STEP)),
            ((Qt.Key.Key_0,), lambda: self.set_zoom(0)),
            ((Qt.Key.Key_Delete,), self.delete),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, handler)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)

    def photos(self) -> list[PhotoRecord]:
        return self.session.photos_for(self.key)

    def show_current(self) -> None:
        photos = self.photos()
        if not photos:
            self.current = None
            self.image.setText("No photos.")
            self.where.setText("")
            return
        ids = [p.id for p in photos]
        if self.current not in ids:
            self.current = ids[0]
        photo = photos[ids.index(self.current)]
        self.where.setText(
            f"{ids.index(photo.id) + 1} of {len(ids)} · {photo.filename} · {photo.width} x {photo.height}"
        )
        self.caption.setText(photo.caption)
        pixmap = self._marked_pixmap(photo)  # as the report will show it
        if self.zoom == 0:
            view = self.scroller.viewport().size()
            pixmap = pixmap.scaled(view, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        else:
            pixmap = pixmap.scaled(
                pixmap.size() * self.zoom,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.image.setPixmap(pixmap)

    def _marked_pixmap(self, photo: PhotoRecord) -> QPixmap:
        key = marks_key(photo.sha256, photo.annotations)
        if self._marked is None or self._marked[0] != key:
            self._marked = (key, marked_pixmap(self.report_of(photo.sha256), photo.annotations))
        return self._marked[1]

    def step(self, delta: int) -> None:
        ids = [p.id for p in self.photos()]
        if self.current in ids:
            self.current = ids[max(0, min(len(ids) - 1, ids.index(self.current) + delta))]
        self.show_current()

    def set_zoom(self, factor: float) -> None:
        self.zoom = 0 if factor == 0 else (self.zoom or 1.0) * factor
        self.show_current()

    def _run(self, change: Callable[[], None]) -> None:
        try:
            change()
        except SafetyAssessError as error:
            self.where.setText(f"Not changed: {error}")
            return
        self.show_current()

    def _save_caption(self) -> None:
        if self.current is not None:
            photo_id, text = self.current, self.caption.text()
            self._run(lambda: self.session.caption_photo(photo_id, text))

    def annotate(self) -> None:
        """Draw and redact over the current photo; the original stays untouched."""
        photo = next((p for p in self.photos() if p.id == self.current), None)
        if photo is None:
            return
        shapes = annotate.ask_annotations(
            self, self.report_of(photo.sha256), parse_annotations(list(photo.annotations))
        )
        if shapes is not None:
            photo_id = photo.id
            self._run(lambda: self.session.annotate_photo(photo_id, shapes))

    def reorder(self, delta: int) -> None:
        if self.current is not None:
            photo_id = self.current
            self._run(lambda: self.session.move_photo(photo_id, delta))

    def delete(self) -> None:
        if self.current is None:
            return
        photo_id = self.current
        ids = [p.id for p in self.photos()]
        later = ids[ids.index(photo_id) + 1 :] or ids[: ids.index(photo_id)]
        self.deleted.append(photo_id)
        self.current = later[0] if later else None
        self._run(lambda: self.session.delete_photo(photo_id))

    def undo(self) -> None:
        if self.deleted:
            photo_id = self.deleted.pop()
            self.current = photo_id
            self._run(lambda: self.session.restore_photo(photo_id))


def show_photos(
    parent: QWidget | None, session: WalkSession, key: SlotKey, start: uuid.UUID, report_of: Callable[[str], Path]
) -> None:
    PhotoViewer(parent, session, key, start, report_of).exec()
