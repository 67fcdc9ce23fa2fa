"""The things drawn on a plan, as scene items: markers (a symbol per kind, kept the same size at every zoom) and
camera cones (walls and zones are in shape_items.py). Each item knows the id of what it shows (``key``)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPolygonItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from safety_assess.domain.sitemap.model import Marker, MarkerKind, Point
from safety_assess.ui.maps.symbols import (
    LEVEL_COLORS,
    SELECTED_COLOR,
    SYMBOLS,
    Shape,
    marker_text,
)

SIZE = 22.0
HALF = SIZE / 2
LABEL_GAP = 4.0
RING = 8.0
"""The ring around a selected marker, beyond its symbol."""
Z_CONE, Z_ZONE, Z_WALL, Z_MARKER = 1.0, 2.0, 3.0, 10.0


def polygon(points: Sequence[Point]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


class MarkerItem(QGraphicsItem):
    """A marker's symbol and label, upright and of one size whatever the zoom and the plan's rotation."""

    def __init__(self, marker: Marker, color: str | None = None, movable: bool = True) -> None:
        super().__init__()
        self.marker, self.key = marker, marker.id
        symbol = SYMBOLS[marker.kind]
        self.shape_kind, self.color = symbol.shape, QColor(color or symbol.color)
        self.text = marker_text(marker.kind, marker.number)
        self.label = marker.label
        self.font = QFont()
        self.font.setPixelSize(11)
        self.font.setBold(True)
        metrics = QFontMetricsF(self.font)
        self.label_width = metrics.horizontalAdvance(self.label) + 4 if self.label else 0.0
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlag(flags.ItemIgnoresTransformations)
        self.setFlag(flags.ItemIsSelectable)
        self.setFlag(flags.ItemIsMovable, movable)
        self.setPos(marker.x, marker.y)
        self.setFlag(flags.ItemSendsGeometryChanges, marker.kind is MarkerKind.CAMERA)
        self.dragged: Callable[[MarkerItem], object] | None = None
        """Told each step of a drag (cameras only: their cone and what they see follow the mouse)."""
        self.setZValue(Z_MARKER)
        self.setToolTip(f"{marker.kind.label}{': ' + marker.label if marker.label else ''}")

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and self.dragged is not None:
            scene = self.scene()
            if scene is not None and scene.mouseGrabberItem() is self:
                self.dragged(self)
        return super().itemChange(change, value)

    def boundingRect(self) -> QRectF:
        return QRectF(-HALF - RING, -HALF - RING, SIZE + 2 * RING + LABEL_GAP + self.label_width, SIZE + 2 * RING)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.isSelected():
            painter.setPen(QPen(QColor(SELECTED_COLOR), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), HALF + RING - 2, HALF + RING - 2)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(QBrush(self.color))
        painter.drawPath(self._outline())
        painter.setFont(self._fitted_font())
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(-HALF, -HALF, SIZE, SIZE), Qt.AlignmentFlag.AlignCenter, self.text)
        if self.label:
            self._paint_label(painter)

    def _fitted_font(self) -> QFont:
        font = QFont(self.font)
        font.setPixelSize(11 if len(self.text) <= 2 else 8)
        return font

    def _paint_label(self, painter: QPainter) -> None:
        area = QRectF(HALF + LABEL_GAP, -8, self.label_width, 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 210))
        painter.drawRoundedRect(area, 3, 3)
        painter.setPen(QColor("#111111"))
        painter.setFont(self.font)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.label)

    def _outline(self) -> QPainterPath:
        path = QPainterPath()
        box = QRectF(-HALF, -HALF, SIZE, SIZE)
        if self.shape_kind is Shape.CIRCLE:
            path.addEllipse(box)
        elif self.shape_kind is Shape.DIAMOND:
            path.addPolygon(polygon([(0, -HALF - 2), (HALF + 2, 0), (0, HALF + 2), (-HALF - 2, 0)]))
            path.closeSubpath()
        elif self.shape_kind is Shape.TRIANGLE:
            path.addPolygon(polygon([(0, -HALF - 2), (HALF + 2, HALF), (-HALF - 2, HALF)]))
            path.closeSubpath()
        elif self.shape_kind is Shape.ROUNDED:
            path.addRoundedRect(box, 6, 6)
        else:
            path.addRect(box)
        return path

    def shape(self) -> QPainterPath:
        return self._outline()


class ConeItem(QGraphicsPolygonItem):
    """One band of a camera's view, shaded by its DORI level; not selectable (the camera is)."""

    def __init__(self, camera_id: uuid.UUID, level: str, points: Sequence[Point]) -> None:
        super().__init__(polygon(points))
        self.key, self.level = camera_id, level
        color_name, alpha = LEVEL_COLORS.get(level, LEVEL_COLORS["range"])
        fill = QColor(color_name)
        fill.setAlpha(alpha)
        self.setBrush(QBrush(fill))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setZValue(Z_CONE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
