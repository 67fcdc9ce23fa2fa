"""What one camera sees of a plan's doors and zone samples: the inner loop of coverage.py.

Walls are kept with their bounding boxes; a camera only tests the walls whose box meets its range box, and a sight
line only the walls whose box meets the line's own box, before the exact test of geometry.blocks.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from safety_assess.domain.sitemap.dori import Level
from safety_assess.domain.sitemap.geometry import Segment, blocks, direction, in_cone
from safety_assess.domain.sitemap.model import CameraSpec, Marker, Point
from safety_assess.domain.sitemap.reach import Reach
from safety_assess.domain.sitemap.samples import ZoneSamples

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Wall:
    segment: Segment
    box: Box


def index_walls(segments: Sequence[Segment]) -> list[Wall]:
    return [Wall(s, _box(s[0], s[1], 0.0)) for s in segments if s[0] != s[1]]


@dataclass
class ZoneSight:
    level: Level | None
    """The best level reached at any sample seen."""
    inside: set[int]
    """The interior grid points seen (indexes into ZoneSamples.inside)."""


@dataclass
class Sight:
    """What one camera sees: doors with the level at each, zones it sees any sample of."""

    doors: dict[uuid.UUID, Level | None] = field(default_factory=dict)
    zones: dict[uuid.UUID, ZoneSight] = field(default_factory=dict)

    def merge(self, other: Sight, doors: Sequence[uuid.UUID], zones: Sequence[uuid.UUID]) -> None:
        """Take ``other``'s findings for ``doors`` and ``zones``, which it was worked out for."""
        for door_id in doors:
            self.doors.pop(door_id, None)
        for zone_id in zones:
            self.zones.pop(zone_id, None)
        self.doors.update(other.doors)
        self.zones.update(other.zones)


def sight_of(
    eye: Point,
    camera: CameraSpec,
    reach: Reach,
    walls: Sequence[Wall],
    doors: Sequence[Marker],
    zones: Mapping[uuid.UUID, ZoneSamples],
    tolerance: float,
) -> Sight:
    looker = _Looker(eye, camera, reach, walls, tolerance)
    found = Sight()
    for door in doors:
        if looker.sees(door.position):
            found.doors[door.id] = reach.level_at(math.dist(eye, door.position))
    for zone_id, samples in zones.items():
        seen = looker.zone(samples)
        if seen is not None:
            found.zones[zone_id] = seen
    return found


class _Looker:
    def __init__(self, eye: Point, camera: CameraSpec, reach: Reach, walls: Sequence[Wall], tolerance: float) -> None:
        self.eye, self.camera, self.reach, self.tolerance = eye, camera, reach, tolerance
        self.box = _box(eye, eye, reach.pixels)
        self.walls = [w for w in walls if _overlap(w.box, self.box)]
        self.facing = direction(camera.heading)

    def sees(self, target: Point) -> bool:
        camera, eye = self.camera, self.eye
        if not in_cone(eye, camera.heading, camera.fov, self.reach.pixels, target):
            return False
        line = _box(eye, target, self.tolerance)
        for wall in self.walls:
            if _overlap(wall.box, line) and blocks(eye, target, wall.segment, self.facing, self.tolerance):
                return False
        return True

    def zone(self, samples: ZoneSamples) -> ZoneSight | None:
        if not _overlap(_points_box(samples.all), self.box):
            return None
        best: Level | None = None
        seen = False
        for point in samples.outline:
            if self.sees(point):
                seen, best = True, _better(best, self.reach.level_at(math.dist(self.eye, point)))
        inside = set()
        for index, point in enumerate(samples.inside):
            if self.sees(point):
                inside.add(index)
                seen, best = True, _better(best, self.reach.level_at(math.dist(self.eye, point)))
        return ZoneSight(best, inside) if seen else None


def _better(a: Level | None, b: Level | None) -> Level | None:
    if a is None or b is None:
        return a or b
    return max(a, b)


def _box(a: Point, b: Point, margin: float) -> Box:
    return (min(a[0], b[0]) - margin, min(a[1], b[1]) - margin, max(a[0], b[0]) + margin, max(a[1], b[1]) + margin)


def _points_box(points: Sequence[Point]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _overlap(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]
