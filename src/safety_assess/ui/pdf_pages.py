"""One page of a PDF drawn as a PNG with QtPdf: how a plan that came as a PDF is imported.

The page is drawn at DPI dots per inch on white (a PDF page is transparent where nothing is drawn), smaller when
that would pass ``max_pixels``. Used by the plan window and, through the launcher, by ``safety-assess map add``;
a command has no application object, so an offscreen one is made for the drawing.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from safety_assess.domain.sitemap.model import MapError

DPI = 150
"""Fine enough to read a plan's room numbers; an E-size sheet (36 x 48 in) is then about 39 MP."""
POINTS_PER_INCH = 72
_app: QCoreApplication | None = None


def render_page(path: Path, page: int, max_pixels: int) -> bytes:
    """Page ``page`` (1 is the first) of the PDF at ``path`` as PNG bytes of at most ``max_pixels`` pixels; MapError
    naming the file and what is wrong (no such page, not a PDF or damaged, protected by a password)."""
    _application()
    document = QPdfDocument()
    try:
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_:
            raise MapError(_load_problem(path, error))
        count = document.pageCount()
        if not 1 <= page <= count:
            raise MapError(f"page {page} of {path.name} does not exist: it has {count} page{'s' if count != 1 else ''}")
        return _png(_on_white(_draw(document, page - 1, max_pixels, path)))
    finally:
        document.close()


def page_size(document: QPdfDocument, index: int, max_pixels: int) -> QSize:
    """The page's size in pixels at DPI, scaled down to fit ``max_pixels``."""
    points = document.pagePointSize(index)
    width, height = points.width() * DPI / POINTS_PER_INCH, points.height() * DPI / POINTS_PER_INCH
    shrink = min(1.0, math.sqrt(max_pixels / max(width * height, 1.0)))
    return QSize(max(1, int(width * shrink)), max(1, int(height * shrink)))


def _application() -> None:
    """An application object for QtPdf to draw with: the running one, else an offscreen one made once."""
    global _app
    if QCoreApplication.instance() is None:
        _app = QGuiApplication(["safety-assess", "-platform", "offscreen"])


def _load_problem(path: Path, error: QPdfDocument.Error) -> str:
    if error == QPdfDocument.Error.FileNotFound:
        return f"{path}: no such file"
    if error == QPdfDocument.Error.IncorrectPassword:
        return f"{path}: the PDF is protected by a password; save it without one and import that"
    if error == QPdfDocument.Error.UnsupportedSecurityScheme:
        return f"{path}: the PDF is encrypted in a way that cannot be read; save it without protection"
    return f"{path}: the PDF is damaged or not a PDF"


def _draw(document: QPdfDocument, index: int, max_pixels: int, path: Path) -> QImage:
    image = document.render(index, page_size(document, index, max_pixels))
    if image.isNull():
        raise MapError(f"page {index + 1} of {path.name} could not be drawn: the PDF is damaged")
    return image


def _on_white(page: QImage) -> QImage:
    sheet = QImage(page.size(), QImage.Format.Format_RGB32)
    sheet.fill(Qt.GlobalColor.white)
    painter = QPainter(sheet)
    painter.drawImage(0, 0, page)
    painter.end()
    return sheet


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes a str
    buffer.close()
    return bytes(data.data())
