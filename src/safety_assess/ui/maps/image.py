"""The display copy of a plan's image: no larger than 4096 pixels on its long side (a scanned site plan can be
ten times that), decoded at that size rather than shrunk after."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QImageReader

from safety_assess.domain.sitemap.model import MapError

MAX_SIDE = 4096
QUICK_PIXELS = 4_000_000
"""An image up to this size is read on the UI thread (tens of milliseconds); a larger one in the background."""


def pixels(path: Path) -> int:
    size = QImageReader(str(path)).size()
    return size.width() * size.height() if size.isValid() else 0


def display_copy(path: Path) -> QImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(False)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_SIDE:
        reader.setScaledSize(size.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        raise MapError(f"the plan's image {path.name} cannot be read: {reader.errorString()}")
    return image
