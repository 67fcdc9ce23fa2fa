"""While a wall or zone is dragged (whole, or by a point), what it changes follows it a few times a second at most:
the cones of the cameras a wall's old or new place reaches, drawn behind it, and the coverage list. Nothing is stored
until the drop; the plan shown again then (stored, or refused) draws everything from the plan as stored."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QTimer

from safety_assess.domain.sitemap.model import Point, SiteMap

if TYPE_CHECKING:
    from safety_assess.ui.maps.window import MapWindow

FOLLOW_MS = 50
REACH = 4.0
"""Plan pixels around a wall within which a cone counts as reaching it (a cone cut by a wall ends on it)."""


def with_points(plan: SiteMap, key: uuid.UUID, points: tuple[Point, ...]) -> SiteMap:
    """The plan with the wall or zone ``key`` at ``points``."""
    walls = tuple(dataclasses.replace(w, points=points) if w.id == key else w for w in plan.walls)
    zones = tuple(dataclasses.replace(z, points=points) if z.id == key else z for z in plan.zones)
    return dataclasses.replace(plan, walls=walls, zones=zones)


def box(points: Sequence[Point]) -> QRectF:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys))).adjusted(-REACH, -REACH, REACH, REACH)


class ShapeFollow:
    def __init__(self, window: MapWindow) -> None:
        self.window = window
        self.dragging: tuple[uuid.UUID, tuple[Point, ...]] | None = None
        self.drawn: tuple[Point, ...] | None = None
        """Where the cones were last drawn behind the dragged wall."""
        self.timer = QTimer(window, singleShot=True, interval=FOLLOW_MS)
        self.timer.timeout.connect(self.follow)

    def dragged(self, key: uuid.UUID, points: Sequence[Point]) -> None:
        self.dragging = (key, tuple(points))
        if not self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        """The drop: nothing more to follow."""
        self.timer.stop()
        self.dragging = self.drawn = None

    def follow(self) -> None:
        plan, scene, dragging = self.window.current, self.window.current_scene(), self.dragging
        if plan is None or scene is None or dragging is None:
            return
        key, points = dragging
        moved = with_points(plan, key, points)
        wall = next((w for w in plan.walls if w.id == key), None)
        if wall is not None:
            scene.draw_cones_over(moved, box(self.drawn or wall.points).united(box(points)))
            self.drawn = points
        self.window.coverage.show_report(self.window.seen.report(moved))
