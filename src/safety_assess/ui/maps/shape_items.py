"""Walls and zones as scene items, edited in place. A selected wall or zone rises above the others and shows a
handle on each of its points: a handle drags that point, and the shape itself is dragged whole once it is selected
(the press that selects it only selects it, so a drag over a large zone does not move it by surprise). What is moved
on screen is not stored here: at the release the view reads ``edited_points()`` and reports them."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPainterPathStroker, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from safety_assess.domain.sitemap.model import Point, Wall, Zone
from safety_assess.ui.maps.symbols import SELECTED_COLOR, WALL_COLOR, ZONE_COLOR

Z_ZONE, Z_WALL, Z_SELECTED = 2.0, 3.0, 9.0
"""A selected wall or zone is drawn above the other walls and zones (its handles within reach), below markers."""
HANDLE = 5.0
"""Half the size of a point's handle, in screen pixels."""
WALL_REACH = 10.0
"""How wide a wall is to a click, in plan pixels."""
Flag = QGraphicsItem.GraphicsItemFlag


class ShapeItem(QGraphicsPathItem):
    """A wall (open) or a zone (closed) drawn through its points; ``points`` are where they are shown, in the
    item's own coordinates (a whole drag moves the item instead)."""

    def __init__(self, key: uuid.UUID, points: Sequence[Point], closed: bool, z: float, movable: bool = True) -> None:
        super().__init__()
        self.key = key
        self.stored = tuple(points)
        self.points = list(points)
        self.closed, self.z, self.movable = closed, z, movable
        self.handles: list[VertexHandle] = []
        self.chosen: int | None = None
        """The point chosen with the keyboard (its handle filled)."""
        self.dragged: Callable[[ShapeItem], object] | None = None
        """Told each step of a drag, whole or by a point (the cones and the coverage list follow it)."""
        self.setZValue(z)
        self.setFlag(Flag.ItemIsSelectable)
        self.setFlag(Flag.ItemSendsGeometryChanges)
        self._draw()

    def edited_points(self) -> tuple[Point, ...]:
        """Where the points are shown now, in plan pixels (the stored ones unless dragged)."""
        dx, dy = self.pos().x(), self.pos().y()
        return tuple((x + dx, y + dy) for x, y in self.points)

    def edited(self) -> bool:
        return self.edited_points() != self.stored

    def move_point(self, index: int, at: Point) -> None:
        self.points[index] = at
        self._draw()
        self._tell_drag()

    def _tell_drag(self) -> None:
        if self.dragged is not None:
            self.dragged(self)

    def _draw(self) -> None:
        path = QPainterPath(QPointF(*self.points[0]))
        for x, y in self.points[1:]:
            path.lineTo(x, y)
        if self.closed:
            path.closeSubpath()
        self.setPath(path)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.setFlag(Flag.ItemIsMovable, self.movable and self.isSelected())  # selected before this press
        super().mousePressEvent(event)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._selected(bool(value))
        elif change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            scene = self.scene()
            if scene is not None and scene.mouseGrabberItem() is self:
                self._tell_drag()
        return super().itemChange(change, value)

    def _selected(self, selected: bool) -> None:
        self.setZValue(Z_SELECTED if selected else self.z)
        for handle in self.handles:
            if handle.scene() is not None:
                handle.scene().removeItem(handle)
        self.handles = [VertexHandle(self, n) for n in range(len(self.points))] if selected and self.movable else []
        if not selected:
            self.setFlag(Flag.ItemIsMovable, False)

    def set_chosen(self, index: int | None) -> None:
        self.chosen = index
        for handle in self.handles:
            handle.show_chosen()

    def pen_for_paint(self) -> QPen:
        pen = QPen(self.pen())
        if self.isSelected():
            pen.setColor(QColor(SELECTED_COLOR))
            pen.setWidthF(max(pen.widthF(), 3))
        return pen

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(self.pen_for_paint())
        painter.setBrush(self.brush())
        painter.drawPath(self.path())


class VertexHandle(QGraphicsRectItem):
    """A square on one point of a selected wall or zone, the same size at every zoom; dragging it moves the point."""

    def __init__(self, owner: ShapeItem, index: int) -> None:
        super().__init__(-HANDLE, -HANDLE, 2 * HANDLE, 2 * HANDLE, owner)
        self.owner, self.index = owner, index
        self.setFlag(Flag.ItemIgnoresTransformations)
        self.setPen(QPen(QColor(SELECTED_COLOR), 2))
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setToolTip(f"Point {index + 1}: drag to move it")
        self.setPos(*owner.points[index])
        self.show_chosen()

    def show_chosen(self) -> None:
        """Filled when it is the point chosen with the keyboard."""
        self.setBrush(QBrush(QColor(SELECTED_COLOR if self.owner.chosen == self.index else "white")))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.setAccepted(event.button() == Qt.MouseButton.LeftButton)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        at = self.owner.mapFromScene(event.scenePos())
        self.setPos(at)
        self.owner.move_point(self.index, (at.x(), at.y()))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()


class WallItem(ShapeItem):
    def __init__(self, wall: Wall, movable: bool = True) -> None:
        super().__init__(wall.id, wall.points, closed=False, z=Z_WALL, movable=movable)
        self.wall = wall
        pen = QPen(QColor(WALL_COLOR), 4)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        self.setToolTip("Wall")

    def shape(self) -> QPainterPath:
        """The line itself, a little wider than drawn (the path's inside is not the wall)."""
        stroker = QPainterPathStroker()
        stroker.setWidth(WALL_REACH)
        return stroker.createStroke(self.path())

    def boundingRect(self) -> QRectF:
        reach = self.path().boundingRect().adjusted(-WALL_REACH, -WALL_REACH, WALL_REACH, WALL_REACH)
        return super().boundingRect().united(reach)


class ZoneItem(ShapeItem):
    def __init__(self, zone: Zone, movable: bool = True) -> None:
        self.name: QGraphicsSimpleTextItem | None = None
        super().__init__(zone.id, zone.points, closed=True, z=Z_ZONE, movable=movable)
        self.zone = zone
        fill = QColor(ZONE_COLOR)
        fill.setAlpha(60)
        self.setBrush(QBrush(fill))
        pen = QPen(QColor(ZONE_COLOR), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setToolTip(f"Zone: {zone.name}")
        self.name = _name_item(zone.name, self)
        self._place_name()

    def move_point(self, index: int, at: Point) -> None:
        super().move_point(index, at)
        self._place_name()

    def _place_name(self) -> None:
        if self.name is not None:
            self.name.setPos(self.path().boundingRect().center())


def _name_item(text: str, zone: ZoneItem) -> QGraphicsSimpleTextItem:
    name = QGraphicsSimpleTextItem(text, zone)
    font = QFont()
    font.setPixelSize(13)
    font.setBold(True)
    name.setFont(font)
    name.setBrush(QColor("#bf360c"))
    name.setFlag(Flag.ItemIgnoresTransformations)
    size = name.boundingRect()
    name.setTransform(QTransform.fromTranslate(-size.width() / 2, -size.height() / 2))  # centred, in screen pixels
    name.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    return name
