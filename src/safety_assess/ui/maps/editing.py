"""What the map window's tools, keys and menus do to what is drawn on a plan, each change an undo step."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from safety_assess.domain.sitemap.model import CameraSpec, Marker, MarkerKind, Point, SiteMap
from safety_assess.services import site_maps
from safety_assess.services.site_maps import MarkerFields
from safety_assess.ui import dialogs
from safety_assess.ui.maps import ask
from safety_assess.ui.maps.pinning import finding_choices, linked_instances, pinned_record
from safety_assess.ui.maps.tools import PathTool, PlaceTool

if TYPE_CHECKING:
    from safety_assess.ui.maps.window import MapWindow


class MapEditing:
    def __init__(self, window: MapWindow) -> None:
        self.window = window

    @property
    def plan(self) -> SiteMap | None:
        return self.window.current

    def _plan_or_tell(self) -> SiteMap | None:
        if self.plan is None:
            self.window.statusBar().showMessage("Import a plan first (Plan > Import plan).", 4000)
        return self.plan

    def _marker(self, key: uuid.UUID) -> Marker | None:
        return self.plan.marker(key) if self.plan is not None else None

    # Markers ----------------------------------------------------------------------------------------------------
    def place_tool(self, kind: MarkerKind | None = None) -> None:
        if self._plan_or_tell() is not None:
            self.window.view.setFocus()
            self.window.view.use(PlaceTool(kind or self.window.chosen_kind(), self.place))

    def pin_finding_tool(self) -> None:
        """Choose one of the campus's findings, then click where it is."""
        window = self.window
        if self._plan_or_tell() is None:
            return
        choices = finding_choices(window.workspace, window.campus.id)
        if not choices:
            window.statusBar().showMessage("This campus's assessments have no findings to pin.", 4000)
            return
        number = ask.ask_choice(window, "Pin a finding", "Finding:", [choice.text for choice in choices])
        if number is None:
            return
        choice = choices[number]
        fields = MarkerFields(label=choice.finding.title[:60], finding_id=pinned_record(window.workspace, choice))
        window.view.setFocus()
        window.view.use(PlaceTool(MarkerKind.FINDING, lambda kind, at: self.place(kind, at, fields)))

    def place(self, kind: MarkerKind, at: Point, fields: MarkerFields | None = None) -> None:
        plan, ws = self.plan, self.window.workspace
        if plan is None:
            return
        made: list[uuid.UUID] = []
        if fields is None and kind is MarkerKind.CAMERA:
            fields = MarkerFields(camera=CameraSpec())

        def add() -> SiteMap:
            changed, marker_id = site_maps.add_marker(ws, plan.id, kind, at, fields)
            made.append(marker_id)
            return changed

        placed = self.window.edits.make(
            f"Place {kind.label.lower()}",
            add,
            undo=lambda: site_maps.remove_marker(ws, made[0]),
            redo=lambda: site_maps.restore_marker(ws, made[0]),
        )
        if placed:
            self.window.select_item(made[0])

    def move_marker(self, key: uuid.UUID, to: Point) -> None:
        marker, ws = self._marker(key), self.window.workspace
        if marker is None:
            return
        before = marker.position
        self.window.edits.make(
            f"Move {marker.kind.label.lower()}",
            lambda: site_maps.move_marker(ws, key, to),
            undo=lambda: site_maps.move_marker(ws, key, before),
        )

    def activate(self, key: uuid.UUID) -> None:
        """Enter, F2 or a double-click on an item: a finding pin opens its finding, a photo pin its photo, any other
        marker is edited, a zone renamed."""
        marker = self._marker(key)
        if marker is None:
            self.window.shapes.rename(key)
            return
        if marker.kind is MarkerKind.FINDING and marker.finding_id is not None:
            self.window.registry.open_finding(marker.finding_id)
            return
        if marker.kind is MarkerKind.PHOTO and marker.photo_id is not None:
            self.window.photos.open(marker)
            return
        self.edit(marker)

    def edit_selected(self) -> None:
        scene = self.window.current_scene()
        key = scene.selected_keys()[0] if scene is not None and scene.selected_keys() else None
        marker = self._marker(key) if key is not None else None
        if marker is not None:
            self.edit(marker)
        elif key is not None:
            self.window.shapes.rename(key)

    def edit(self, marker: Marker) -> None:
        instances = linked_instances(self.window.workspace, self.window.campus.id, marker.kind)
        fields = ask.ask_marker_fields(self.window, marker, instances)
        if fields is None:
            return
        ws = self.window.workspace
        before = MarkerFields(
            label=marker.label, camera=marker.camera, camera_instance=marker.camera_instance, number=marker.number
        )
        self.window.edits.make(
            f"Edit {marker.kind.label.lower()}",
            lambda: site_maps.edit_marker(ws, marker.id, fields),
            undo=lambda: site_maps.edit_marker(ws, marker.id, before),
        )

    def delete_selected(self) -> None:
        scene, plan = self.window.current_scene(), self.plan
        keys = scene.selected_keys() if scene is not None else []
        if plan is None or not keys:
            return
        stack = self.window.stack
        stack.beginMacro(f"Remove {len(keys)} item{'s' if len(keys) != 1 else ''}")
        for key in keys:
            self._remove(plan, key)
        stack.endMacro()

    def _remove(self, plan: SiteMap, key: uuid.UUID) -> None:
        ws, edits = self.window.workspace, self.window.edits
        marker = plan.marker(key)
        if marker is not None:
            edits.make(
                f"Remove {marker.kind.label.lower()}",
                lambda: site_maps.remove_marker(ws, key),
                undo=lambda: site_maps.restore_marker(ws, key),
            )
        else:
            edits.make(
                "Remove wall" if any(w.id == key for w in plan.walls) else "Remove zone",
                lambda: site_maps.remove_shape(ws, key),
                undo=lambda: site_maps.restore_shape(ws, key),
            )

    def renumber_doors(self) -> None:
        plan, ws = self._plan_or_tell(), self.window.workspace
        if plan is None:
            return
        numbers = {door.id: door.number for door in plan.of_kind(MarkerKind.EXTERIOR_DOOR)}

        def put_back() -> SiteMap | None:
            changed = None
            for door_id, number in numbers.items():
                changed = site_maps.edit_marker(ws, door_id, MarkerFields(number=number))
            return changed

        self.window.edits.make("Renumber exterior doors", lambda: site_maps.renumber_doors(ws, plan.id), undo=put_back)

    # Walls, zones and the scale -----------------------------------------------------------------------------------
    def wall_tool(self) -> None:
        self._path_tool("the wall", self.add_wall, least=2)

    def zone_tool(self) -> None:
        self._path_tool("the zone", self.add_zone, least=3, closed=True)

    def scale_tool(self) -> None:
        self._path_tool("the scale", self.set_scale, least=2, most=2)

    def _path_tool(self, what: str, done: Any, least: int, most: int | None = None, closed: bool = False) -> None:
        scene = self.window.current_scene()
        if self._plan_or_tell() is None or scene is None:
            return
        self.window.view.setFocus()
        self.window.view.use(PathTool(scene, what, done, least, most, closed))

    def add_wall(self, points: list[Point]) -> None:
        self._add_shape("Draw wall", lambda ws, plan_id: site_maps.add_wall(ws, plan_id, points))

    def add_zone(self, points: list[Point]) -> None:
        name = dialogs.ask_text(self.window, "New zone", "Name of the zone (playground, front office, bus loop):")
        if name is not None:
            self._add_shape("Draw zone", lambda ws, plan_id: site_maps.add_zone(ws, plan_id, name, points))

    def _add_shape(self, text: str, add: Any) -> None:
        plan, ws = self.plan, self.window.workspace
        if plan is None:
            return
        made: list[uuid.UUID] = []

        def first() -> SiteMap:
            changed: SiteMap
            changed, shape_id = add(ws, plan.id)
            made.append(shape_id)
            return changed

        self.window.edits.make(
            text,
            first,
            undo=lambda: site_maps.remove_shape(ws, made[0]),
            redo=lambda: site_maps.restore_shape(ws, made[0]),
        )

    def set_scale(self, points: list[Point]) -> None:
        plan, ws = self.plan, self.window.workspace
        metres = ask.ask_distance(self.window)
        if plan is None or metres is None:
            return
        first, second = points
        old = plan.scale

        def put_back() -> SiteMap:
            if old is None:  # the first scale: undone by taking it away
                return site_maps.clear_scale(ws, plan.id)
            return site_maps.set_scale(ws, plan.id, old.first, old.second, old.metres)

        self.window.edits.make(
            "Set scale", lambda: site_maps.set_scale(ws, plan.id, first, second, metres), undo=put_back
        )
