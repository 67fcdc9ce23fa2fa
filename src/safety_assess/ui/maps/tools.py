"""What a click on the plan does besides selecting and dragging: place a marker, draw a wall or a zone point by
point, or pick the two points of the scale. A drawing shows as a dashed line until it is ended or cancelled."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from safety_assess.domain.sitemap.model import MarkerKind, Point
from safety_assess.ui.maps.symbols import SELECTED_COLOR

SAME_POINT = 0.5
"""Plan pixels: a double-click's second click on the last point adds no point."""


class Tool:
    """A mode of the plan view; ``hint`` tells the person what to do next (shown in the status bar)."""

    hint = ""

    def click(self, at: Point) -> bool:
        """Take a point; True when the tool is done."""
        raise NotImplementedError

    def finish(self) -> bool:
        """Enter or a double-click: True when the tool is done."""
        return False

    def cancel(self) -> None:
        """Esc, or another tool chosen."""


class PlaceTool(Tool):
    def __init__(self, kind: MarkerKind, place: Callable[[MarkerKind, Point], object]) -> None:
        self.kind, self.place = kind, place
        self.hint = f"Click where the {kind.label.lower()} is (Enter: the middle of the view; Esc: cancel)."

    def click(self, at: Point) -> bool:
        self.place(self.kind, at)
        return True


class PathTool(Tool):
    """Points clicked one after another; ended by Enter or a double-click once there are ``least`` of them, or at
    once when ``most`` are clicked (the scale's two points)."""

    def __init__(
        self,
        scene: QGraphicsScene,
        what: str,
        done: Callable[[list[Point]], object],
        least: int,
        most: int | None = None,
        closed: bool = False,
    ) -> None:
        self.scene, self.what, self.done, self.least, self.most, self.closed = scene, what, done, least, most, closed
        self.points: list[Point] = []
        self.preview = QGraphicsPathItem()
        pen = QPen(QColor(SELECTED_COLOR), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.preview.setPen(pen)
        self.preview.setZValue(20)
        scene.addItem(self.preview)
        self.hint = self._hint()

    def _hint(self) -> str:
        if self.most is not None:
            which = "first" if not self.points else "second"
            return f"Click the {which} point of {self.what}, or Space at the cross (Esc: cancel)."
        more = max(0, self.least - len(self.points))
        then = f"{more} more point{'s' if more != 1 else ''} at least" if more else "Enter or double-click to end"
        return f"Click the points of {self.what}, or Space at the cross: {then} (Esc: cancel)."

    def click(self, at: Point) -> bool:
        if self.points and abs(self.points[-1][0] - at[0]) + abs(self.points[-1][1] - at[1]) < SAME_POINT:
            return False
        self.points.append(at)
        self._draw()
        self.hint = self._hint()
        if self.most is not None and len(self.points) >= self.most:
            return self._end()
        return False

    def finish(self) -> bool:
        if len(self.points) < self.least:
            return False
        return self._end()

    def _end(self) -> bool:
        points = list(self.points)
        self.cancel()
        self.done(points)
        return True

    def cancel(self) -> None:
        if self.preview.scene() is not None:
            self.scene.removeItem(self.preview)

    def _draw(self) -> None:
        path = QPainterPath(QPointF(*self.points[0]))
        for x, y in self.points[1:]:
            path.lineTo(x, y)
        if self.closed and len(self.points) > 2:
            path.closeSubpath()
        self.preview.setPath(path)
