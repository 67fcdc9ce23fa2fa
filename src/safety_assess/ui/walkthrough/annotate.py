"""The annotation editor: draw arrows, boxes, ellipses, labels and redactions over a photo.

Shapes are kept as fractions of the photo (safety_assess.photos.annotations); the original is never changed, and
every export burns them in. Drag on the photo to draw with the chosen tool; Ctrl+Z removes the last shape.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from safety_assess.photos.annotations import PIXEL_BLOCKS, REDACTIONS, Annotation, Shape
from safety_assess.ui import dialogs

TOOLS = (
    (Shape.ARROW, "&Arrow"),
    (Shape.RECTANGLE, "&Rectangle"),
    (Shape.ELLIPSE, "&Ellipse"),
    (Shape.TEXT, "&Text"),
    (Shape.REDACT_BOX, "&Black out"),
    (Shape.REDACT_PIXELATE, "&Pixelate"),
)


class Canvas(QWidget):
    """The photo scaled to fit, with its shapes; mouse drags make new ones."""

    drawn = Signal(object)

    def __init__(self, pixmap: QPixmap, shapes: list[Annotation], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(480, 360)
        self.setAccessibleName("Photo being annotated")
        self.pixmap, self.shapes, self.tool = pixmap, shapes, Shape.RECTANGLE
        self._start: QPointF | None = None
        self._end: QPointF | None = None

    def photo_rect(self) -> QRectF:
        size = self.pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        return QRectF(
            (self.width() - size.width()) / 2, (self.height() - size.height()) / 2, size.width(), size.height()
        )

    def _fraction(self, point: QPointF) -> tuple[float, float]:
        rect = self.photo_rect()
        x = min(1.0, max(0.0, (point.x() - rect.x()) / max(1.0, rect.width())))
        y = min(1.0, max(0.0, (point.y() - rect.y()) / max(1.0, rect.height())))
        return x, y

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start = self._end = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start is not None:
            self._end = event.position()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is None:
            return
        (x1, y1), (x2, y2) = self._fraction(self._start), self._fraction(event.position())
        self._start = self._end = None
        self.update()
        if abs(x2 - x1) > 0.01 or abs(y2 - y1) > 0.01 or self.tool == Shape.TEXT:
            self.drawn.emit(Annotation(self.tool, x1, y1, x2, y2))

    def _pixelate(self, painter: QPainter, shape: Annotation, rect: QRectF) -> None:
        """Preview the pixelation as it will be exported: the area reduced to a dozen blocks, enlarged again."""
        width, height = self.pixmap.width(), self.pixmap.height()
        source = (
            QRectF(shape.x1 * width, shape.y1 * height, (shape.x2 - shape.x1) * width, (shape.y2 - shape.y1) * height)
            .normalized()
            .toRect()
        )
        target = QRectF(
            rect.x() + min(shape.x1, shape.x2) * rect.width(),
            rect.y() + min(shape.y1, shape.y2) * rect.height(),
            abs(shape.x2 - shape.x1) * rect.width(),
            abs(shape.y2 - shape.y1) * rect.height(),
        )
        blocks = max(1, max(source.width(), source.height()) / PIXEL_BLOCKS)
        small = self.pixmap.copy(source).scaled(
            max(1, round(source.width() / blocks)),
            max(1, round(source.height() / blocks)),
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        painter.drawPixmap(target.toRect(), small.scaled(target.size().toSize()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.photo_rect()
        painter.drawPixmap(rect.toRect(), self.pixmap)
        for shape in sorted(self.shapes, key=lambda s: s.shape in REDACTIONS):
            if shape.shape == Shape.REDACT_PIXELATE:
                self._pixelate(painter, shape, rect)
            else:
                _paint(painter, shape, rect)
        if self._start is not None and self._end is not None:
            painter.setPen(QPen(QColor("#e53935"), 2, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(self._start, self._end))
        painter.end()


def _paint(painter: QPainter, shape: Annotation, rect: QRectF) -> None:
    p1 = QPointF(rect.x() + shape.x1 * rect.width(), rect.y() + shape.y1 * rect.height())
    p2 = QPointF(rect.x() + shape.x2 * rect.width(), rect.y() + shape.y2 * rect.height())
    box = QRectF(p1, p2).normalized()
    painter.setPen(QPen(QColor(shape.color), 3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if shape.shape == Shape.REDACT_BOX:
        painter.fillRect(box, QColor("black"))
    elif shape.shape == Shape.RECTANGLE:
        painter.drawRect(box)
    elif shape.shape == Shape.ELLIPSE:
        painter.drawEllipse(box)
    elif shape.shape == Shape.ARROW:
        painter.drawLine(p1, p2)
        painter.setBrush(QColor(shape.color))
        painter.drawEllipse(p2, 5, 5)
    else:
        painter.drawText(p1 + QPointF(0, 14), shape.text)


class AnnotateDialog(QDialog):
    def __init__(self, parent: QWidget | None, rendition: Path, shapes: list[Annotation]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Annotate and redact")
        self.resize(1000, 760)
        self.canvas = Canvas(QPixmap(str(rendition)), list(shapes))
        self.canvas.drawn.connect(self._drawn)
        tools = QHBoxLayout()
        self.tool_buttons = QButtonGroup(self)
        for shape, text in TOOLS:
            button = QPushButton(text)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setAccessibleName(f"Tool: {text.replace('&', '')}")
            button.setChecked(shape == Shape.RECTANGLE)
            button.clicked.connect(lambda _=False, s=shape: setattr(self.canvas, "tool", s))
            self.tool_buttons.addButton(button)
            tools.addWidget(button)
        undo = QPushButton("Undo shape")
        undo.setAutoDefault(False)
        undo.clicked.connect(self.undo)
        tools.addWidget(undo)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(buttons)

    def _drawn(self, shape: Annotation) -> None:
        if shape.shape == Shape.TEXT:
            text = dialogs.ask_text(self, "Label", "Text of the label:")
            if text is None:
                return
            shape = Annotation(Shape.TEXT, shape.x1, shape.y1, shape.x2, shape.y2, text, shape.color)
        self.canvas.shapes.append(shape)
        self.canvas.update()

    def undo(self) -> None:
        if self.canvas.shapes:
            self.canvas.shapes.pop()
            self.canvas.update()


def ask_annotations(parent: QWidget | None, rendition: Path, shapes: list[Annotation]) -> list[Annotation] | None:
    """The shapes after editing, or None when cancelled."""
    dialog = AnnotateDialog(parent, rendition, shapes)
    return list(dialog.canvas.shapes) if dialog.exec() == QDialog.DialogCode.Accepted else None
