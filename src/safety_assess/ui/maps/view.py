"""The plan view: zoom (Ctrl+wheel, Ctrl++ / Ctrl+-, fit), pan (drag the background), the plan turned as set,
and the keyboard: arrows move the selected markers, walls and zones (Shift: ten times as far; [ and ] choose one
point of a wall or zone to move alone, Esc the whole again), Tab goes from item to item, Enter or F2 opens it. A tool
(tools.py) takes the clicks while one is chosen; with the keyboard, the arrows then move the plan under a cross in
the middle of the view, Space puts a point there, Enter ends, Esc cancels."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPen, QResizeEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from safety_assess.domain.sitemap.model import Point
from safety_assess.ui.maps.items import MarkerItem
from safety_assess.ui.maps.scene import PlanScene
from safety_assess.ui.maps.shape_items import ShapeItem
from safety_assess.ui.maps.symbols import SELECTED_COLOR
from safety_assess.ui.maps.tools import PlaceTool, Tool

ZOOM_STEP = 1.25
NUDGE_PX, BIG_NUDGE_PX = 4.0, 40.0
"""How far an arrow key moves a marker, in screen pixels (so the same at every zoom)."""
ZOOM_RANGE = (0.02, 40.0)
CROSS = 12
"""Half the size of the cross in the middle of the view while a tool is in use (screen pixels)."""


class PlanView(QGraphicsView):
    markerMoved = Signal(object, object)
    """A marker was dragged or moved with the keys: its id and its new position (plan pixels)."""
    shapeMoved = Signal(object, object)
    """A wall or zone was dragged (whole, or one of its points) or moved with the keys: its id and its new points."""
    activated = Signal(object)
    """An item was double-clicked or Enter/F2 pressed on it: its id."""
    hinted = Signal(str)
    """Something to tell the person in the status bar ('' to clear it)."""
    toolChanged = Signal(str)
    """The hint of the tool now in use ('' when back to selecting)."""

    def __init__(self, scene: PlanScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("planView")
        self.setAccessibleName("Plan")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.zoom, self.rotation = 1.0, 0
        self.fitted = False
        self.tool: Tool | None = None
        self._tool_press = False

    @property
    def plan_scene(self) -> PlanScene:
        scene = self.scene()
        assert isinstance(scene, PlanScene)
        return scene

    # Zoom and turn ------------------------------------------------------------------------------------------------
    def set_rotation(self, degrees: int) -> None:
        self.rotation = degrees
        self._apply()

    def zoom_by(self, factor: float) -> None:
        self.fitted = False
        self.zoom = min(max(self.zoom * factor, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self._apply()

    def fit(self) -> None:
        plan = self.plan_scene.plan
        if plan is None:
            return
        self.fitInView(0, 0, plan.width, plan.height, Qt.AspectRatioMode.KeepAspectRatio)
        self.fitted = True
        matrix = self.transform()
        self.zoom = (matrix.m11() ** 2 + matrix.m12() ** 2) ** 0.5

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A plan fitted stays fitted as the window is resized (until it is zoomed)."""
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    def _apply(self) -> None:
        self.setTransform(QTransform().rotate(self.rotation).scale(self.zoom, self.zoom))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(ZOOM_STEP ** (event.angleDelta().y() / 120))
            event.accept()
            return
        super().wheelEvent(event)

    # Tools -----------------------------------------------------------------------------------------------------
    def use(self, tool: Tool | None) -> None:
        if self.tool is not None:
            self.tool.cancel()
        self.tool = tool
        self.setDragMode(QGraphicsView.DragMode.NoDrag if tool else QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if tool else Qt.CursorShape.OpenHandCursor)
        self.toolChanged.emit(tool.hint if tool else "")

    def _after(self, done: bool) -> None:
        if done:
            self.tool = None
            self.use(None)
        elif self.tool is not None:
            self.toolChanged.emit(self.tool.hint)

    def at(self, event: QMouseEvent) -> Point:
        point = self.mapToScene(event.position().toPoint())
        return (point.x(), point.y())

    def centre(self) -> Point:
        point = self.mapToScene(self.viewport().rect().center())
        return (point.x(), point.y())

    # Mouse -------------------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.tool is not None and event.button() == Qt.MouseButton.LeftButton:
            self._tool_press = True
            self._after(self.tool.click(self.at(event)))
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._tool_press:  # the click was the tool's: the scene saw no press, and must not see its release
            self._tool_press = False
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if self.tool is None:
            for item in self.plan_scene.selectedItems():
                if isinstance(item, MarkerItem) and (item.pos().x(), item.pos().y()) != item.marker.position:
                    self.markerMoved.emit(item.key, (item.pos().x(), item.pos().y()))
                elif isinstance(item, ShapeItem) and item.edited():
                    self.shapeMoved.emit(item.key, item.edited_points())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.tool is not None:
            done = self.tool.click(self.at(event)) or self.tool.finish()
            self._after(done)
            event.accept()
            return
        item = self.plan_scene.itemAt(self.mapToScene(event.position().toPoint()), self.transform())
        while item is not None and item.parentItem() is not None:  # a zone's name, a point's handle: their shape
            item = item.parentItem()
        key = getattr(item, "key", None) if item is not None else None
        if isinstance(key, uuid.UUID) and item is self.plan_scene.item_of(key):
            self.activated.emit(key)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # Keyboard ---------------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.tool is not None:
            if key in ARROWS:  # the plan moves under the cross in the middle of the view
                super().keyPressEvent(event)
                self.viewport().update()
            else:
                self._tool_key(key)
                event.accept()
            return
        if key in ARROWS and self._nudge(ARROWS[key], event.modifiers()):
            event.accept()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and self.plan_scene.selected_keys():
            self.activated.emit(self.plan_scene.selected_keys()[0])
            event.accept()
        elif key in (Qt.Key.Key_BracketLeft, Qt.Key.Key_BracketRight) and self.plan_scene.editable:
            self.hinted.emit(self.plan_scene.choose_point(1 if key == Qt.Key.Key_BracketRight else -1))
            event.accept()
        elif key == Qt.Key.Key_Escape and self.plan_scene.forget_point():
            self.hinted.emit("")
            event.accept()
        else:
            super().keyPressEvent(event)

    def _tool_key(self, key: int) -> None:
        tool = self.tool
        assert tool is not None
        if key == Qt.Key.Key_Escape:
            self.use(None)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._after(tool.click(self.centre()) if isinstance(tool, PlaceTool) else tool.finish())
        elif key == Qt.Key.Key_Space:
            self._after(tool.click(self.centre()))

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """While a tool is in use, a cross in the middle of the view: where Space (or Enter, placing) puts a point."""
        super().drawForeground(painter, rect)
        if self.tool is None:
            return
        painter.save()
        painter.resetTransform()
        middle = self.viewport().rect().center()
        painter.setPen(QPen(QColor(SELECTED_COLOR), 1.5))
        painter.drawLine(middle.x() - CROSS, middle.y(), middle.x() + CROSS, middle.y())
        painter.drawLine(middle.x(), middle.y() - CROSS, middle.x(), middle.y() + CROSS)
        painter.restore()

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab go from item to item on the plan (the other panes are reached with the mouse or their
        window shortcuts)."""
        if not self.hasFocus():
            return super().focusNextPrevChild(forward)
        self.cycle(1 if forward else -1)
        return True

    def cycle(self, step: int) -> None:
        items = self.plan_scene.ordered()
        if not items:
            return
        selected = self.plan_scene.selected_keys()
        keys = [item.key for item in items]
        now = keys.index(selected[0]) if selected and selected[0] in keys else (-1 if step > 0 else 0)
        chosen = self.plan_scene.select_only([keys[(now + step) % len(keys)]])
        if chosen is not None:
            self.ensureVisible(chosen)

    def _nudge(self, direction: tuple[int, int], modifiers: Qt.KeyboardModifier) -> bool:
        """The selected markers, walls and zones moved a few screen pixels."""
        items = [i for i in self.plan_scene.selectedItems() if isinstance(i, MarkerItem | ShapeItem)]
        if not items or not self.plan_scene.editable:
            return False
        step = BIG_NUDGE_PX if modifiers & Qt.KeyboardModifier.ShiftModifier else NUDGE_PX
        inverse, _ = self.transform().inverted()
        delta = inverse.map(QPointF(direction[0] * step, direction[1] * step)) - inverse.map(QPointF(0, 0))
        dx, dy = delta.x(), delta.y()
        for item in items:
            if isinstance(item, MarkerItem):
                x, y = item.marker.position
                self.markerMoved.emit(item.key, (x + dx, y + dy))
            else:
                chosen = self.plan_scene.chosen_index(item.key)
                moved = [(x + dx, y + dy) if chosen in (None, n) else (x, y) for n, (x, y) in enumerate(item.stored)]
                self.shapeMoved.emit(item.key, tuple(moved))
        return True


ARROWS: dict[int, tuple[int, int]] = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
