"""The area a camera sees, for drawing: rays cast over its field of view, each stopped by the nearest wall.

Rays are cast every ``STEP_DEGREES`` or less, and just either side of each wall end point within the cone so the
outline turns exactly at wall corners. Each wall is tested only against the rays within the angle it spans as seen
from the camera (found by bisection over the sorted rays), so a wall far off to one side costs nothing. A wall the
camera stands on follows geometry.behind_foot: everything behind it is hidden.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass

from safety_assess.domain.sitemap.geometry import (
    TOLERANCE,
    Segment,
    bearing,
    behind_foot,
    direction,
    distance_to_segment,
)
from safety_assess.domain.sitemap.model import Point

STEP_DEGREES = 2.0
"""The largest angle between two rays of a drawn cone."""
NUDGE = 1e-4
"""Radians either side of a wall's end point at which a drawn cone casts its extra rays."""


@dataclass(frozen=True)
class Ray:
    heading: float
    """Degrees clockwise from the image's up."""
    reach: float
    """Pixels to the nearest wall hit, or the cone's range."""
    dx: float
    dy: float
    """The ray's direction, a unit vector."""


@dataclass(frozen=True)
class Cone:
    """What a camera sees, as rays in clockwise order from one edge of its field of view to the other."""

    eye: Point
    rays: tuple[Ray, ...]

    def polygon(self, limit: float = math.inf) -> list[Point]:
        """The seen area as a polygon: the eye, then the end of each ray, cut at ``limit`` pixels."""
        x, y = self.eye
        return [self.eye, *((x + r.dx * min(r.reach, limit), y + r.dy * min(r.reach, limit)) for r in self.rays)]

    def bands(self, limits: Sequence[float]) -> list[list[Point]]:
        """The same cone cut at each of ``limits`` (pixels): nested polygons, one per limit, in the given order.

        Given the DORI distances from the farthest (detection) to the nearest (identification), painting the
        polygons in that order shades the cone by level."""
        return [self.polygon(limit) for limit in limits]


def visibility_cone(
    eye: Point,
    heading: float,
    fov: float,
    reach: float,
    walls: Sequence[Segment],
    tolerance: float = TOLERANCE,
) -> Cone:
    """The part of the cone (``fov`` degrees about ``heading``, ``reach`` pixels) that ``walls`` leave in sight."""
    near = [w for w in walls if _in_box(eye, reach, w) and distance_to_segment(eye, w[0], w[1]) <= reach]
    foot = [w for w in near if distance_to_segment(eye, w[0], w[1]) <= tolerance]
    start = heading - fov / 2
    offsets = _ray_offsets(eye, start, fov, reach, near)
    directions = [direction(start + offset) for offset in offsets]
    reaches = [reach] * len(offsets)
    for a, b in near:
        if (a, b) not in foot:
            _stop_rays(eye, (a, b), start, offsets, directions, reaches)
    facing = direction(heading)
    for wall in foot:
        for index, (dx, dy) in enumerate(directions):
            if reaches[index] and behind_foot(eye, (eye[0] + dx, eye[1] + dy), wall, facing):
                reaches[index] = 0.0
    rays = (Ray(start + o, r, d[0], d[1]) for o, r, d in zip(offsets, reaches, directions, strict=True))
    return Cone(eye, tuple(rays))


def _in_box(eye: Point, reach: float, wall: Segment) -> bool:
    """True when the wall's bounding box meets the square of side 2·reach about the eye."""
    (ax, ay), (bx, by) = wall
    x, y = eye
    return (
        min(ax, bx) <= x + reach and max(ax, bx) >= x - reach and min(ay, by) <= y + reach and max(ay, by) >= y - reach
    )


def _ray_offsets(eye: Point, start: float, fov: float, reach: float, walls: Sequence[Segment]) -> list[float]:
    """Degrees from the cone's first edge, sorted: the regular steps and either side of each wall end in reach."""
    steps = max(1, math.ceil(fov / STEP_DEGREES))
    offsets = {fov * n / steps for n in range(steps + 1)}
    nudge = math.degrees(NUDGE)
    for wall in walls:
        for end in wall:
            if end == eye or math.hypot(end[0] - eye[0], end[1] - eye[1]) > reach:
                continue
            off = (bearing(eye, end) - start) % 360
            offsets.update(o for o in (off - nudge, off + nudge) if 0 <= o <= fov)
    return sorted(offsets)


def _stop_rays(
    eye: Point, wall: Segment, start: float, offsets: list[float], directions: list[Point], reaches: list[float]
) -> None:
    """Shorten the rays that ``wall`` stops: only those within the angle it spans are tried."""
    a, b = wall
    first, second = (bearing(eye, a) - start) % 360, (bearing(eye, b) - start) % 360
    low, width = (first, (second - first) % 360) if (second - first) % 360 <= 180 else (second, (first - second) % 360)
    for lo, hi in ((low, low + width), (low - 360, low + width - 360)):
        begin = bisect.bisect_left(offsets, lo - 1e-7)
        end = bisect.bisect_right(offsets, hi + 1e-7)
        for index in range(begin, end):
            hit = _ray_hit(eye, directions[index], a, b)
            if hit is not None and hit < reaches[index]:
                reaches[index] = hit


def _ray_hit(eye: Point, towards: Point, a: Point, b: Point) -> float | None:
    dx, dy = towards
    sx, sy = b[0] - a[0], b[1] - a[1]
    denominator = dx * sy - dy * sx
    if denominator == 0:
        return None
    ex, ey = a[0] - eye[0], a[1] - eye[1]
    along = (ex * sy - ey * sx) / denominator
    on_wall = (ex * dy - ey * dx) / denominator
    return along if along >= 0 and 0 <= on_wall <= 1 else None
