"""The photos of the current item: thumbnails, an Add button, and a drop target for files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from safety_assess.domain.records import PhotoRecord
from safety_assess.ui.widgets.marked_photo import marked_pixmap, marks_key
from safety_assess.ui.widgets.thumbnails import Thumbnails

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
THUMB = 112


class PhotoListModel(QAbstractListModel):
    """Photo records of one item, shown by their thumbnail renditions (a placeholder until one arrives)."""

    def __init__(self, thumbnails: Thumbnails, parent: Any = None) -> None:
        super().__init__(parent)
        self._thumbnails = thumbnails
        self._photos: list[PhotoRecord] = []
        self._pixmaps: dict[str, QPixmap] = {}
        self._placeholder = QPixmap(THUMB, THUMB)
        self._placeholder.fill(QColor("#d0d0d0"))
        thumbnails.arrived.connect(self._arrived)

    def set_photos(self, photos: list[PhotoRecord]) -> None:
        self.beginResetModel()
        self._photos = list(photos)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._photos)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        photo = self._photos[index.row()]
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmap(photo)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return photo.caption or photo.filename
        if role == Qt.ItemDataRole.ToolTipRole:
            taken = f", taken {photo.captured_at:%Y-%m-%d %H:%M}" if photo.captured_at else ""
            return f"{photo.filename}: {photo.width} x {photo.height}{taken}"
        return None

    def _pixmap(self, photo: PhotoRecord) -> QPixmap:
        key = marks_key(photo.sha256, photo.annotations)
        cached = self._pixmaps.get(key)
        if cached is None:
            path = self._thumbnails.path(photo.sha256)
            if path is None:
                return self._placeholder
            loaded = marked_pixmap(path, photo.annotations)
            cached = self._pixmaps[key] = loaded.scaled(
                THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        return cached

    def _arrived(self, sha256: str) -> None:
        for row, photo in enumerate(self._photos):
            if photo.sha256 == sha256:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def photo(self, row: int) -> PhotoRecord:
        return self._photos[row]


class PhotoStrip(QWidget):
    addRequested = Signal()
    filesDropped = Signal(list)
    """Paths of files dropped on the strip (or anywhere on the item panel)."""

    def __init__(self, thumbnails: Thumbnails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.model = PhotoListModel(thumbnails, self)
        self.view = QListView()
        self.view.setObjectName("photoList")
        self.view.setAccessibleName("Photos of this item")
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(QSize(THUMB, THUMB))
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(False)
        self.view.setFixedHeight(THUMB + 48)
        self.title = QLabel("Photos")
        self.add = QPushButton("Add &photos…")
        self.add.setAccessibleName("Add photos from files")
        self.add.setToolTip("Choose photo files (Ctrl+Shift+P); or drop files here, or paste an image (Ctrl+V)")
        self.add.clicked.connect(self.addRequested)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.view)

    def show_photos(self, photos: list[PhotoRecord], hint: str) -> None:
        self.model.set_photos(photos)
        self.title.setText(f"Photos ({len(photos)}){hint}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.add.isEnabled():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.filesDropped.emit(paths)
            event.acceptProposedAction()
