"""What the map window does to a wall or zone already drawn: move it whole or one of its points (dragged, or the
arrow keys), and rename a zone (F2, Enter or a double-click); each an undo step. Removing is the Delete of any
item (editing.py). Cones and the coverage list follow from the plan each change returns."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from safety_assess.domain.sitemap.model import Point, SiteMap, Wall, Zone
from safety_assess.services import site_maps
from safety_assess.ui import dialogs

if TYPE_CHECKING:
    from safety_assess.ui.maps.window import MapWindow


def shape_of(plan: SiteMap | None, key: uuid.UUID) -> Wall | Zone | None:
    if plan is None:
        return None
    wall = next((wall for wall in plan.walls if wall.id == key), None)
    return wall or next((zone for zone in plan.zones if zone.id == key), None)


class ShapeEditing:
    def __init__(self, window: MapWindow) -> None:
        self.window = window

    def move(self, key: uuid.UUID, points: Sequence[Point]) -> None:
        self.window.shape_follow.stop()
        shape, ws = shape_of(self.window.current, key), self.window.workspace
        if shape is None:
            return
        before, after = shape.points, tuple(points)
        self.window.edits.make(
            "Move zone" if isinstance(shape, Zone) else "Move wall",
            lambda: site_maps.move_shape(ws, key, after),
            undo=lambda: site_maps.move_shape(ws, key, before),
        )

    def rename(self, key: uuid.UUID) -> bool:
        """Ask a zone's new name; False when ``key`` is not a zone (nothing asked)."""
        zone, ws = shape_of(self.window.current, key), self.window.workspace
        if isinstance(zone, Wall):
            told = "A wall has no name: drag it, or a white square to move that point."
            self.window.statusBar().showMessage(told, 4000)
        if not isinstance(zone, Zone):
            return False
        name = dialogs.ask_text(self.window, "Rename zone", "Name of the zone:", zone.name)
        if name is not None and name != zone.name:
            before = zone.name
            self.window.edits.make(
                "Rename zone",
                lambda: site_maps.rename_zone(ws, key, name),
                undo=lambda: site_maps.rename_zone(ws, key, before),
            )
        return True
