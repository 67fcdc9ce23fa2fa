"""The points at which a zone is checked for cameras: its corners and edges, set in a little, and a grid inside.

Corners and edge points are moved ``inset`` pixels into the zone: a zone drawn along a wall then has its samples on
the zone's side of the wall, not on the wall, where a camera on the other side would see them (a point on a wall is
seen from both sides, as a door is).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from safety_assess.domain.sitemap.geometry import point_in_polygon
from safety_assess.domain.sitemap.model import Point

EDGE_POINTS = 24
"""About this many points along a zone's outline (besides its corners)."""
GRID = 10
"""The interior grid is about GRID by GRID over the zone's bounding box."""


@dataclass(frozen=True)
class ZoneSamples:
    outline: tuple[Point, ...]
    """Corners and edge points, set in."""
    inside: tuple[Point, ...]
    """The interior grid: the share of these seen is the share of the zone seen."""

    @property
    def all(self) -> tuple[Point, ...]:
        return self.outline + self.inside


def zone_samples(points: Sequence[Point], inset: float) -> ZoneSamples:
    polygon = list(points)
    outline = [p for p in _corners(polygon, inset) + _edge_points(polygon, inset) if p is not None]
    inside = _grid(polygon)
    if not inside:
        cx = sum(p[0] for p in polygon) / len(polygon)
        cy = sum(p[1] for p in polygon) / len(polygon)
        inside = [(cx, cy)] if point_in_polygon((cx, cy), polygon) else list(outline[:1] or polygon[:1])
    return ZoneSamples(tuple(outline), tuple(inside))


def _corners(polygon: list[Point], inset: float) -> list[Point | None]:
    found: list[Point | None] = []
    for index, corner in enumerate(polygon):
        before, after = polygon[index - 1], polygon[(index + 1) % len(polygon)]
        ux, uy = _unit(before[0] - corner[0], before[1] - corner[1])
        wx, wy = _unit(after[0] - corner[0], after[1] - corner[1])
        dx, dy = _unit(ux + wx, uy + wy)
        if dx == dy == 0:  # a straight corner: step off along the edge's normal
            dx, dy = -wy, wx
        found.append(_set_in(polygon, corner, dx * inset, dy * inset))
    return found


def _edge_points(polygon: list[Point], inset: float) -> list[Point | None]:
    perimeter = sum(math.dist(polygon[i - 1], polygon[i]) for i in range(len(polygon)))
    spacing = perimeter / EDGE_POINTS
    found: list[Point | None] = []
    for index, a in enumerate(polygon):
        b = polygon[(index + 1) % len(polygon)]
        length = math.dist(a, b)
        count = max(1, round(length / spacing)) if spacing > 0 else 1
        nx, ny = _unit(a[1] - b[1], b[0] - a[0])
        for step in range(1, count + 1):
            t = step / (count + 1)
            point = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            found.append(_set_in(polygon, point, nx * inset, ny * inset))
    return found


def _grid(polygon: list[Point]) -> list[Point]:
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    left, top, width, height = min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)
    found = []
    for row in range(GRID):
        for column in range(GRID):
            point = (left + width * (column + 0.5) / GRID, top + height * (row + 0.5) / GRID)
            if point_in_polygon(point, polygon):
                found.append(point)
    return found


def _set_in(polygon: list[Point], point: Point, dx: float, dy: float) -> Point | None:
    """``point`` moved by (dx, dy) or the opposite way, whichever lands inside; None when neither does."""
    for sign in (1, -1):
        moved = (point[0] + sign * dx, point[1] + sign * dy)
        if point_in_polygon(moved, polygon):
            return moved
    return None


def _unit(x: float, y: float) -> Point:
    length = math.hypot(x, y)
    return (0.0, 0.0) if length < 1e-12 else (x / length, y / length)
