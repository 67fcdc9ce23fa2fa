"""What the cameras of a plan see: every door (both kinds) and every zone, by which cameras, at which DORI level.

Public names:

- ``coverage_report(plan) -> CoverageReport``: the report, worked out once; ``CoverageReport.to_json()`` is the
  ``map coverage --json`` document.
- ``CoverageIndex(plan)``: the same, kept up to date cheaply: ``replace(plan)`` (after any change: only what
  changed is worked out again), ``move_camera(id, point)``, ``update_marker(marker)``, then ``report()``;
  ``cone(camera_id)`` for drawing.
- ``camera_cone(plan, marker) -> CameraCone``: a camera's seen area clipped by the walls, with its bands by level
  (``CameraCone.bands``: farthest level first, so painting in order shades by level).
- ``reach_of(plan, camera) -> Reach``: a camera's range in plan pixels and its DORI distances in pixels.

A camera's range is its typed ``range_m``; else the detection distance worked out from its resolution (dori.py);
else ``DEFAULT_RANGE_M``, flagged ``assumed``. On a plan without a scale nothing is known in metres: every camera's
range is ``UNSCALED_SHARE`` of the plan's longer side (assumed), no level can be known (``"level": null``), and the
report says ``"scaled": false``. A level is also null for a camera without a resolution, or a target farther than the
detection distance but within a typed range.

A zone is seen by a camera that sees any of its sample points (samples.py); its level is the best reached, and
``seen_share`` is the share of its interior grid seen by any camera.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace

from safety_assess.domain.sitemap.dori import LEVELS, Level
from safety_assess.domain.sitemap.geometry import Segment, visibility_cone
from safety_assess.domain.sitemap.model import CameraSpec, Marker, MarkerKind, Point, SiteMap
from safety_assess.domain.sitemap.reach import DEFAULT_RANGE_M, UNSCALED_SHARE, Reach, reach_of, tolerance_of
from safety_assess.domain.sitemap.samples import ZoneSamples, zone_samples
from safety_assess.domain.sitemap.sight import Sight, Wall, index_walls, sight_of

__all__ = [
    "DEFAULT_RANGE_M",
    "UNSCALED_SHARE",
    "CameraCone",
    "CoverageIndex",
    "CoverageItem",
    "CoverageReport",
    "Reach",
    "Sighting",
    "camera_cone",
    "coverage_report",
    "reach_of",
    "tolerance_of",
]

DEFAULT_CAMERA = CameraSpec()


@dataclass(frozen=True)
class CameraCone:
    polygon: list[Point]
    bands: list[tuple[Level, list[Point]]]
    """The cone cut at each level's distance, detection first; empty when no level can be known."""
    reach: Reach


def camera_cone(plan: SiteMap, marker: Marker, walls: Sequence[Segment] | None = None) -> CameraCone:
    camera = marker.camera or DEFAULT_CAMERA
    reach = reach_of(plan, camera)
    segments = walls if walls is not None else [s for wall in plan.walls for s in wall.segments]
    cone = visibility_cone(marker.position, camera.heading, camera.fov, reach.pixels, segments, tolerance_of(plan))
    levels = [level for level in LEVELS if level in reach.levels]
    polygons = cone.bands([reach.levels[level] for level in levels])
    return CameraCone(cone.polygon(), list(zip(levels, polygons, strict=True)), reach)


@dataclass(frozen=True)
class Sighting:
    camera: uuid.UUID
    label: str
    level: Level | None

    def to_json(self) -> dict[str, object]:
        return {"camera": str(self.camera), "label": self.label, "level": self.level.text if self.level else None}


@dataclass(frozen=True)
class CoverageItem:
    id: uuid.UUID
    kind: str
    """'exterior-door', 'door' or 'zone'."""
    label: str
    number: int | None
    covered_by: tuple[Sighting, ...]
    seen_share: float | None = None
    """Zones: the share of the zone seen by any camera, 0 to 1."""

    def to_json(self) -> dict[str, object]:
        found: dict[str, object] = {
            "id": str(self.id),
            "kind": self.kind,
            "label": self.label,
            "number": self.number,
            "covered_by": [s.to_json() for s in self.covered_by],
        }
        if self.seen_share is not None:
            found["seen_share"] = round(self.seen_share, 3)
        return found


@dataclass(frozen=True)
class CameraLine:
    camera: uuid.UUID
    label: str
    reach: Reach

    def to_json(self) -> dict[str, object]:
        metres = None if self.reach.metres is None else round(self.reach.metres, 2)
        return {
            "camera": str(self.camera),
            "label": self.label,
            "range_m": metres,
            "range_px": round(self.reach.pixels, 1),
            "assumed": self.reach.assumed,
        }


@dataclass(frozen=True)
class CoverageReport:
    scaled: bool
    items: tuple[CoverageItem, ...]
    cameras: tuple[CameraLine, ...]

    def of_kind(self, *kinds: str) -> list[CoverageItem]:
        return [item for item in self.items if item.kind in kinds]

    def uncovered(self) -> list[CoverageItem]:
        return [item for item in self.items if not item.covered_by]

    def to_json(self) -> dict[str, object]:
        doors, exterior = self.of_kind("exterior-door", "door"), self.of_kind("exterior-door")
        zones = self.of_kind("zone")
        return {
            "doors": len(doors),
            "covered": sum(1 for i in doors if i.covered_by),
            "exterior_doors": len(exterior),
            "exterior_covered": sum(1 for i in exterior if i.covered_by),
            "zones": len(zones),
            "zones_covered": sum(1 for i in zones if i.covered_by),
            "scaled": self.scaled,
            "cameras": [c.to_json() for c in self.cameras],
            "items": [i.to_json() for i in self.items],
        }


def coverage_report(plan: SiteMap) -> CoverageReport:
    return CoverageIndex(plan).report()


class CoverageIndex:
    """A plan's coverage, worked out once and then only where a change reaches: a moved camera is checked again
    against the doors and zones (with the walls near it), a moved door against the cameras, a changed zone's samples
    against the cameras; a change of walls or scale works everything out again."""

    def __init__(self, plan: SiteMap) -> None:
        self._plan = plan
        self._rebuild(plan)

    @property
    def plan(self) -> SiteMap:
        return self._plan

    def replace(self, plan: SiteMap) -> None:
        """Take the plan as it now stands; only what changed is worked out again."""
        old = self._plan
        self._plan = plan
        if _walls_of(old) != _walls_of(plan) or (old.scale, old.width, old.height) != (
            plan.scale,
            plan.width,
            plan.height,
        ):
            self._rebuild(plan)
            return
        self._update_zones(plan)
        self._update_doors(plan)
        self._update_cameras(plan)

    def move_camera(self, marker_id: uuid.UUID, to: Point) -> None:
        self.move_marker(marker_id, to)

    def move_marker(self, marker_id: uuid.UUID, to: Point) -> None:
        marker = self._plan.marker(marker_id)
        if marker is None:
            raise KeyError(marker_id)
        self.update_marker(_moved(marker, to))

    def update_marker(self, marker: Marker) -> None:
        """A marker placed or changed (matched by id)."""
        others = tuple(m for m in self._plan.markers if m.id != marker.id)
        self.replace(_with_markers(self._plan, (*others, marker)))

    def report(self) -> CoverageReport:
        plan = self._plan
        doors: dict[uuid.UUID, list[Sighting]] = {d: [] for d in self._doors}
        zones: dict[uuid.UUID, list[Sighting]] = {z: [] for z in self._zones}
        seen_inside: dict[uuid.UUID, set[int]] = {z: set() for z in self._zones}
        cameras = sorted(self._cameras.values(), key=_marker_order)
        for camera in cameras:
            sight = self._sights[camera.id]
            for door_id, level in sight.doors.items():
                doors[door_id].append(Sighting(camera.id, camera.label, level))
            for zone_id, zone_sight in sight.zones.items():
                zones[zone_id].append(Sighting(camera.id, camera.label, zone_sight.level))
                seen_inside[zone_id].update(zone_sight.inside)
        items = [_door_item(d, doors[d.id]) for d in sorted(self._doors.values(), key=_door_order)]
        for zone in sorted(plan.zones, key=lambda z: (z.name.lower(), str(z.id))):
            share = len(seen_inside[zone.id]) / len(self._zones[zone.id].inside)
            items.append(CoverageItem(zone.id, "zone", zone.name, None, _ranked(zones[zone.id]), share))
        lines = tuple(CameraLine(c.id, c.label, self._reaches[c.id]) for c in cameras)
        return CoverageReport(plan.scale is not None, tuple(items), lines)

    def cone(self, camera_id: uuid.UUID) -> CameraCone:
        camera = self._cameras[camera_id]
        return camera_cone(self._plan, camera, [w.segment for w in self._walls])

    def _rebuild(self, plan: SiteMap) -> None:
        self._tolerance = tolerance_of(plan)
        self._walls: list[Wall] = index_walls(_walls_of(plan))
        self._doors = {m.id: m for m in plan.markers if m.kind.is_door}
        self._zones: dict[uuid.UUID, ZoneSamples] = {}
        self._zone_points: dict[uuid.UUID, tuple[Point, ...]] = {}
        for zone in plan.zones:
            self._add_zone_samples(zone.id, zone.points)
        self._cameras = {m.id: m for m in plan.of_kind(MarkerKind.CAMERA)}
        self._reaches: dict[uuid.UUID, Reach] = {}
        self._sights: dict[uuid.UUID, Sight] = {}
        for camera in self._cameras.values():
            self._see(camera)

    def _add_zone_samples(self, zone_id: uuid.UUID, points: tuple[Point, ...]) -> None:
        self._zone_points[zone_id] = points
        self._zones[zone_id] = zone_samples(points, 3 * self._tolerance)

    def _see(
        self, camera: Marker, doors: Sequence[Marker] | None = None, zones: Sequence[uuid.UUID] | None = None
    ) -> None:
        """Work out what ``camera`` sees of ``doors`` and ``zones`` (all of them when None)."""
        spec = camera.camera or DEFAULT_CAMERA
        reach = self._reaches[camera.id] = reach_of(self._plan, spec)
        chosen_doors = list(self._doors.values()) if doors is None else doors
        chosen_zones = {z: self._zones[z] for z in (self._zones if zones is None else zones)}
        found = sight_of(camera.position, spec, reach, self._walls, chosen_doors, chosen_zones, self._tolerance)
        if doors is None and zones is None:
            self._sights[camera.id] = found
        else:
            self._sights[camera.id].merge(found, [d.id for d in chosen_doors], list(chosen_zones))

    def _update_zones(self, plan: SiteMap) -> None:
        now = {z.id: z.points for z in plan.zones}
        changed = [z for z, points in now.items() if self._zone_points.get(z) != points]
        for gone in set(self._zones) - set(now):
            del self._zones[gone], self._zone_points[gone]
            for sight in self._sights.values():
                sight.zones.pop(gone, None)
        for zone_id in changed:
            self._add_zone_samples(zone_id, now[zone_id])
        if changed:
            for camera in self._cameras.values():
                self._see(camera, doors=[], zones=changed)

    def _update_doors(self, plan: SiteMap) -> None:
        now = {m.id: m for m in plan.markers if m.kind.is_door}
        changed = [m for m in now.values() if _moved_door(self._doors.get(m.id), m)]
        for gone in set(self._doors) - set(now):
            for sight in self._sights.values():
                sight.doors.pop(gone, None)
        self._doors = now
        if changed:
            for camera in self._cameras.values():
                self._see(camera, doors=changed, zones=[])

    def _update_cameras(self, plan: SiteMap) -> None:
        now = {m.id: m for m in plan.of_kind(MarkerKind.CAMERA)}
        for gone in set(self._cameras) - set(now):
            del self._sights[gone], self._reaches[gone]
        old, self._cameras = self._cameras, now
        for camera in now.values():
            before = old.get(camera.id)
            if before is None or (before.position, before.camera) != (camera.position, camera.camera):
                self._see(camera)


def _walls_of(plan: SiteMap) -> list[Segment]:
    return [segment for wall in plan.walls for segment in wall.segments]


def _moved_door(before: Marker | None, now: Marker) -> bool:
    return before is None or before.position != now.position


def _moved(marker: Marker, to: Point) -> Marker:
    return replace(marker, x=to[0], y=to[1])


def _with_markers(plan: SiteMap, markers: tuple[Marker, ...]) -> SiteMap:
    return replace(plan, markers=markers)


def _door_item(door: Marker, sightings: list[Sighting]) -> CoverageItem:
    return CoverageItem(door.id, door.kind.value, door.label, door.number, _ranked(sightings))


def _ranked(sightings: list[Sighting]) -> tuple[Sighting, ...]:
    """Best level first (unknown last), then by label."""
    return tuple(sorted(sightings, key=lambda s: (-(s.level.density if s.level else 0.0), s.label, str(s.camera))))


def _door_order(door: Marker) -> tuple[int, float, str, str]:
    exterior = 0 if door.kind is MarkerKind.EXTERIOR_DOOR else 1
    number = float(door.number) if door.number is not None else float("inf")
    return (exterior, number, door.label.lower(), str(door.id))


def _marker_order(marker: Marker) -> tuple[str, str]:
    return (marker.label.lower(), str(marker.id))
