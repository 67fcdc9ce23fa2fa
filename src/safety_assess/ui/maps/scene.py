"""One plan as a scene: its image, then cones, zones, walls and markers. Showing the plan again after a change
replaces only the items whose values changed (a camera moved: its marker and its cone; a wall: every cone)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsScene, QWidget

from safety_assess.domain.sitemap.model import Marker, MarkerKind, Point, SiteMap, Wall, Zone
from safety_assess.ui.maps.cones import cone_bands
from safety_assess.ui.maps.items import ConeItem, MarkerItem
from safety_assess.ui.maps.shape_items import ShapeItem, WallItem, ZoneItem

MARGIN = 40.0
CONES_PER_TURN = 2
"""Cones drawn in one turn of the event loop (each takes a few milliseconds behind many walls)."""
ConeMaker = Callable[[SiteMap, Marker], list[tuple[str, list[Point]]]]

AnyItem = MarkerItem | WallItem | ZoneItem
ShapeT = TypeVar("ShapeT", bound=ShapeItem)


class PlanScene(QGraphicsScene):
    conesDrawn = Signal()
    """Every camera's cone is drawn (after showing a plan, or a change)."""
    cameraDragged = Signal(object, object)
    """A camera is being dragged: its id and where it is now (plan pixels); the drag is not stored yet."""
    shapeDragged = Signal(object, object)
    """A wall or zone is being dragged, whole or by a point: its id and its points now; not stored yet."""

    def __init__(self, parent: QWidget | None = None, cones: ConeMaker = cone_bands) -> None:
        super().__init__(parent)
        self.plan: SiteMap | None = None
        self.cone_maker = cones
        self.editable = True
        self.pin_colors: Mapping[uuid.UUID, str] = {}
        """A finding pin's band colour, by finding id."""
        self.image_item = QGraphicsPixmapItem()
        self.image_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.image_item.setZValue(0)
        self.addItem(self.image_item)
        self.markers: dict[uuid.UUID, MarkerItem] = {}
        self.walls: dict[uuid.UUID, WallItem] = {}
        self.zones: dict[uuid.UUID, ZoneItem] = {}
        self.cones: dict[uuid.UUID, list[ConeItem]] = {}
        self.cones_provisional = False
        """Some cones are drawn behind a wall being dragged, not the plan's walls."""
        self.chosen_point: tuple[uuid.UUID, int] | None = None
        """A point of the one wall or zone selected, chosen with the keyboard: the arrows move it alone."""
        self._showing = False
        self.selectionChanged.connect(self._selection_changed)
        self.waiting: list[uuid.UUID] = []
        """Cameras whose cones are still to be drawn."""
        self._cone_timer = QTimer(self, singleShot=True, interval=0)
        self._cone_timer.timeout.connect(self._draw_waiting)
        self.setBackgroundBrush(QColor("#e0e0e0"))

    def set_image(self, image: QImage) -> None:
        """The plan's display copy (perhaps smaller than the stored image): scaled to the plan's pixels."""
        self.image_item.setPixmap(QPixmap.fromImage(image))
        if self.plan is not None and image.width():
            self.image_item.setScale(self.plan.width / image.width())

    def show_plan(self, plan: SiteMap) -> None:
        self._showing = True
        try:
            self._show_plan(plan)
        finally:
            self._showing = False
        self._selection_changed()

    def _show_plan(self, plan: SiteMap) -> None:
        before, selected = self.plan, self.selected_keys()
        self.plan = plan
        self.setSceneRect(QRectF(-MARGIN, -MARGIN, plan.width + 2 * MARGIN, plan.height + 2 * MARGIN))
        walls, zones = {w.id: w for w in plan.walls}, {z.id: z for z in plan.zones}
        self._sync(self.walls, walls, lambda item, wall: item.wall == wall and not item.edited(), self._wall_item)
        self._sync(self.zones, zones, lambda item, zone: item.zone == zone and not item.edited(), self._zone_item)
        changed = self._sync(self.markers, {m.id: m for m in plan.markers}, self._same_marker, self._marker_item)
        every = before is None or before.walls != plan.walls or before.scale != plan.scale or self.cones_provisional
        self.cones_provisional = False
        self._sync_cones(plan, None if every else changed)
        if selected:
            self.select_only(selected)
        if self.chosen_point is not None:
            self._choose(*self.chosen_point)

    # A point chosen with the keyboard ------------------------------------------------------------------------------
    def choose_point(self, step: int) -> str:
        """Choose the next (``step`` 1) or previous (-1) point of the one wall or zone selected; what to tell the
        person ('' when no single wall or zone is selected)."""
        selected = self.selectedItems()
        if len(selected) != 1 or not isinstance(selected[0], ShapeItem):
            return ""
        item = selected[0]
        now = self.chosen_index(item.key)
        index = (now + step if now is not None else (0 if step > 0 else -1)) % len(item.points)
        self._choose(item.key, index)
        whole = "zone" if isinstance(item, ZoneItem) else "wall"
        return (
            f"Point {index + 1} of {len(item.points)} chosen: the arrows move it, [ and ] choose another, "
            f"Esc: the whole {whole}."
        )

    def chosen_index(self, key: uuid.UUID) -> int | None:
        return self.chosen_point[1] if self.chosen_point is not None and self.chosen_point[0] == key else None

    def forget_point(self) -> bool:
        """No point chosen any more (the arrows move the whole wall or zone); False when none was."""
        if self.chosen_point is None:
            return False
        item = self.walls.get(self.chosen_point[0]) or self.zones.get(self.chosen_point[0])
        self.chosen_point = None
        if item is not None:
            item.set_chosen(None)
        return True

    def _choose(self, key: uuid.UUID, index: int) -> None:
        item = self.walls.get(key) or self.zones.get(key)
        if item is None or index >= len(item.points) or not item.isSelected():
            self.chosen_point = None
            return
        self.chosen_point = (key, index)
        item.set_chosen(index)

    def _selection_changed(self) -> None:
        """Another item chosen: the point chosen is forgotten (not while the plan is shown again after a change)."""
        if not self._showing and self.chosen_point is not None and self.selected_keys() != [self.chosen_point[0]]:
            self.forget_point()

    def _same_marker(self, item: MarkerItem, marker: Marker) -> bool:
        """Unchanged, and where the plan has it (a drag refused leaves it elsewhere until shown again)."""
        same_color = item.color.name() == QColor(self._color(marker) or item.color).name()
        return item.marker == marker and same_color and (item.pos().x(), item.pos().y()) == marker.position

    def _color(self, marker: Marker) -> str | None:
        if marker.kind is MarkerKind.FINDING and marker.finding_id is not None:
            return self.pin_colors.get(marker.finding_id)
        return None

    def _wall_item(self, wall: Wall) -> WallItem:
        return self._told_of_drags(WallItem(wall, movable=self.editable))

    def _zone_item(self, zone: Zone) -> ZoneItem:
        return self._told_of_drags(ZoneItem(zone, movable=self.editable))

    def _told_of_drags(self, item: ShapeT) -> ShapeT:
        item.dragged = lambda moved: self.shapeDragged.emit(moved.key, moved.edited_points())
        return item

    def _marker_item(self, marker: Marker) -> MarkerItem:
        item = MarkerItem(marker, self._color(marker), movable=self.editable)
        if marker.kind is MarkerKind.CAMERA:
            item.dragged = lambda moved: self.cameraDragged.emit(moved.key, (moved.pos().x(), moved.pos().y()))
        return item

    def draw_cone(self, camera: Marker, plan: SiteMap | None = None) -> None:
        """Draw this camera's cone now, from the camera as given (being dragged: not the plan's yet), behind the
        walls of ``plan`` (a wall being dragged: not the plan's yet; the plan shown by default)."""
        plan = plan or self.plan
        if plan is None:
            return
        for item in self.cones.pop(camera.id, []):
            self._drop(item)
        self.cones[camera.id] = [ConeItem(camera.id, level, pts) for level, pts in self.cone_maker(plan, camera)]
        for item in self.cones[camera.id]:
            self.addItem(item)

    def draw_cones_over(self, plan: SiteMap, area: QRectF) -> None:
        """The cones that reach ``area`` drawn again behind the walls of ``plan`` (a wall being dragged); the plan
        shown again afterwards draws every cone from the plan as stored."""
        for camera in plan.of_kind(MarkerKind.CAMERA):
            items = self.cones.get(camera.id, [])
            if any(item.polygon().boundingRect().intersects(area) for item in items):
                self.draw_cone(camera, plan)
                self.cones_provisional = True

    def _sync(self, items: dict, values: dict, same: Callable, make: Callable) -> set[uuid.UUID]:  # type: ignore[type-arg]
        """Make ``items`` show ``values``; returns the ids added, changed or removed."""
        changed: set[uuid.UUID] = set()
        for key in [k for k in items if k not in values or not same(items[k], values[k])]:
            self._drop(items.pop(key))
            changed.add(key)
        for key, value in values.items():
            if key not in items:
                item = make(value)
                self.addItem(item)
                items[key] = item
                changed.add(key)
        return changed

    def _drop(self, item: QGraphicsItem) -> None:
        self.removeItem(item)

    def _sync_cones(self, plan: SiteMap, only: set[uuid.UUID] | None) -> None:
        """Drop the cones of cameras changed or gone; the missing ones are drawn a few at a time on the following
        turns of the event loop, so the plan shows at once and a change never waits for every cone."""
        cameras = {m.id for m in plan.of_kind(MarkerKind.CAMERA)}
        stale = [key for key in self.cones if only is None or key in only or key not in cameras]
        for key in stale:
            for item in self.cones.pop(key):
                self._drop(item)
        self.waiting = [key for key in cameras if key not in self.cones]
        if self.waiting:
            self._cone_timer.start()
        else:
            self.conesDrawn.emit()

    def _draw_waiting(self) -> None:
        plan = self.plan
        if plan is None:
            return
        turn, self.waiting = self.waiting[:CONES_PER_TURN], self.waiting[CONES_PER_TURN:]
        for key in turn:
            camera = plan.marker(key)
            if camera is not None and key not in self.cones:
                self.draw_cone(camera)
        if self.waiting:
            self._cone_timer.start()
        else:
            self.conesDrawn.emit()

    def item_of(self, key: uuid.UUID) -> AnyItem | None:
        return self.markers.get(key) or self.walls.get(key) or self.zones.get(key)

    def ordered(self) -> list[AnyItem]:
        """The items Tab goes through: markers by kind and number, then walls, then zones."""
        markers = sorted(self.markers.values(), key=lambda i: (i.marker.kind.value, i.marker.number or 0, i.text))
        return [*markers, *self.walls.values(), *self.zones.values()]

    def selected_keys(self) -> list[uuid.UUID]:
        return [item.key for item in self.selectedItems() if isinstance(item, MarkerItem | WallItem | ZoneItem)]

    def select_only(self, keys: Iterable[uuid.UUID]) -> AnyItem | None:
        self.clearSelection()
        last: AnyItem | None = None
        for key in keys:
            last = self.item_of(key)
            if last is not None:
                last.setSelected(True)
        return last
