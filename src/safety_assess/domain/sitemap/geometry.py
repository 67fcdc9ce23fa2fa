"""Plane geometry of a plan: segments, polygons, and what a camera sees past the walls.

Plan pixels, x to the right and y down; a heading or bearing is in degrees clockwise from the image's up, so the
direction of heading ``h`` is ``(sin h, -cos h)``.

The rules of sight (each has a hand-worked test in tests/unit/sitemap/test_geometry.py):

- a target exactly on the cone's edge (at ±fov/2 from the heading, or exactly at the range) is seen;
- a wall crossing the sight line blocks it; a wall lying along the sight line (collinear) does not, as walls have
  no thickness: a camera on a building's face sees the doors along that face;
- a target standing on a wall (within ``tolerance`` pixels of it: a door in a wall) is seen from either side;
- a camera on a wall (within ``tolerance`` of it) is not blocked by that wall towards the side it faces; the other
  side, behind the wall, is hidden; a camera facing along its wall is not blocked by it either way;
- a sight line passing exactly through the joint of two segments of a wall is blocked when the wall crosses it (the
  segment end on the line counts as lying on one fixed side, so no continuous wall lets sight through its joints).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from safety_assess.domain.sitemap.model import Point

Segment = tuple[Point, Point]

TOLERANCE = 2.0
"""Pixels: a target or camera this close to a wall stands on it."""
EDGE_DEGREES = 1e-6
"""Rounding allowed at the cone's edge, degrees."""
EDGE_PIXELS = 1e-6
"""Rounding allowed at the cone's range, pixels."""
STEP_DEGREES = 2.0
"""The largest angle between two rays of a drawn cone."""
NUDGE = 1e-4
"""Radians either side of a wall's end point at which a drawn cone casts its extra rays."""


def direction(heading: float) -> Point:
    rad = math.radians(heading)
    return (math.sin(rad), -math.cos(rad))


def bearing(origin: Point, target: Point) -> float:
    """Degrees clockwise from the image's up of the line from ``origin`` to ``target``, in [0, 360)."""
    return math.degrees(math.atan2(target[0] - origin[0], origin[1] - target[1])) % 360


def angle_off(heading: float, towards: float) -> float:
    """How far ``towards`` is from ``heading``, in degrees from -180 to 180 (positive: clockwise)."""
    return (towards - heading + 180) % 360 - 180


def orient(a: Point, b: Point, c: Point) -> float:
    """Twice the signed area of the triangle a, b, c: positive when c lies clockwise of a→b on screen (y down)."""
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def distance_to_segment(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def segments_intersect(a: Point, b: Point, c: Point, d: Point) -> bool:
    """True when the closed segments a-b and c-d share a point (touching and overlapping included)."""
    d1, d2, d3, d4 = orient(c, d, a), orient(c, d, b), orient(a, b, c), orient(a, b, d)
    if ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4)):
        return True
    return (
        (d1 == 0 and _within(c, d, a))
        or (d2 == 0 and _within(c, d, b))
        or (d3 == 0 and _within(a, b, c))
        or (d4 == 0 and _within(a, b, d))
    )


def intersection(a: Point, b: Point, c: Point, d: Point) -> Point | None:
    """The point where segments a-b and c-d cross or touch; None when they do not meet or are parallel."""
    rx, ry, sx, sy = b[0] - a[0], b[1] - a[1], d[0] - c[0], d[1] - c[1]
    denominator = rx * sy - ry * sx
    if denominator == 0:
        return None
    t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / denominator
    u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / denominator
    if not (0 <= t <= 1 and 0 <= u <= 1):
        return None
    return (a[0] + t * rx, a[1] + t * ry)


def point_in_polygon(p: Point, polygon: Sequence[Point]) -> bool:
    """True when ``p`` is inside the closed polygon or on its boundary."""
    count = len(polygon)
    inside = False
    for index in range(count):
        a, b = polygon[index], polygon[(index + 1) % count]
        if orient(a, b, p) == 0 and _within(a, b, p):
            return True
        if (a[1] > p[1]) != (b[1] > p[1]):
            x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            if p[0] < x:
                inside = not inside
    return inside


def in_cone(eye: Point, heading: float, fov: float, reach: float, target: Point) -> bool:
    """True when ``target`` is within ``reach`` pixels and ``fov``/2 degrees of ``heading`` (edges included)."""
    gap = math.hypot(target[0] - eye[0], target[1] - eye[1])
    if gap > reach + EDGE_PIXELS:
        return False
    if gap == 0:
        return True
    return abs(angle_off(heading, bearing(eye, target))) <= fov / 2 + EDGE_DEGREES


def blocks(eye: Point, target: Point, wall: Segment, facing: Point, tolerance: float = TOLERANCE) -> bool:
    """True when ``wall`` hides ``target`` from a camera at ``eye`` looking along ``facing`` (rules at the top)."""
    a, b = wall
    if a == b or distance_to_segment(target, a, b) <= tolerance:
        return False
    if distance_to_segment(eye, a, b) <= tolerance:
        return _behind_foot(eye, target, wall, facing)
    d1, d2 = orient(a, b, eye), orient(a, b, target)
    if not ((d1 > 0 > d2) or (d1 < 0 < d2)):
        return False
    return (orient(eye, target, a) >= 0) != (orient(eye, target, b) >= 0)


def sees(
    eye: Point,
    heading: float,
    fov: float,
    reach: float,
    target: Point,
    walls: Iterable[Segment],
    tolerance: float = TOLERANCE,
) -> bool:
    """True when a camera at ``eye`` sees ``target``: within its cone and hidden by none of ``walls``."""
    if not in_cone(eye, heading, fov, reach, target):
        return False
    facing = direction(heading)
    return not any(blocks(eye, target, wall, facing, tolerance) for wall in walls)


@dataclass(frozen=True)
class Ray:
    heading: float
    """Degrees clockwise from the image's up."""
    reach: float
    """Pixels to the nearest wall hit, or the cone's range."""


@dataclass(frozen=True)
class Cone:
    """What a camera sees, as rays in clockwise order from one edge of its field of view to the other."""

    eye: Point
    rays: tuple[Ray, ...]

    def polygon(self, limit: float = math.inf) -> list[Point]:
        """The seen area as a polygon: the eye, then the end of each ray, cut at ``limit`` pixels."""
        points = [self.eye]
        for ray in self.rays:
            dx, dy = direction(ray.heading)
            reach = min(ray.reach, limit)
            points.append((self.eye[0] + dx * reach, self.eye[1] + dy * reach))
        return points

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
    """The part of the cone (``fov`` degrees about ``heading``, ``reach`` pixels) that ``walls`` leave in sight.

    Rays are cast every ``STEP_DEGREES`` or less and just either side of each wall end point within the cone; each
    ray stops at the nearest wall it meets."""
    facing = direction(heading)
    near = [w for w in walls if distance_to_segment(eye, w[0], w[1]) <= reach]
    foot = [w for w in near if distance_to_segment(eye, w[0], w[1]) <= tolerance]
    others = [w for w in near if w not in foot]
    rays = []
    for angle in _ray_angles(eye, heading, fov, reach, near):
        blocked = any(_behind_foot(eye, _step(eye, angle), wall, facing) for wall in foot)
        rays.append(Ray(angle, 0.0 if blocked else _cast(eye, angle, reach, others)))
    return Cone(eye, tuple(rays))


def _ray_angles(eye: Point, heading: float, fov: float, reach: float, walls: Sequence[Segment]) -> list[float]:
    start = heading - fov / 2
    steps = max(1, math.ceil(fov / STEP_DEGREES))
    offsets = {fov * n / steps for n in range(steps + 1)}
    nudge = math.degrees(NUDGE)
    for wall in walls:
        for end in wall:
            if end == eye or math.hypot(end[0] - eye[0], end[1] - eye[1]) > reach:
                continue
            off = (bearing(eye, end) - start) % 360
            offsets.update(o for o in (off - nudge, off + nudge) if 0 <= o <= fov)
    return [start + offset for offset in sorted(offsets)]


def _step(eye: Point, angle: float) -> Point:
    dx, dy = direction(angle)
    return (eye[0] + dx, eye[1] + dy)


def _cast(eye: Point, angle: float, reach: float, walls: Sequence[Segment]) -> float:
    dx, dy = direction(angle)
    nearest = reach
    for a, b in walls:
        hit = _ray_hit(eye, dx, dy, a, b)
        if hit is not None and hit < nearest:
            nearest = hit
    return nearest


def _ray_hit(eye: Point, dx: float, dy: float, a: Point, b: Point) -> float | None:
    sx, sy = b[0] - a[0], b[1] - a[1]
    denominator = dx * sy - dy * sx
    if denominator == 0:
        return None
    ex, ey = a[0] - eye[0], a[1] - eye[1]
    along = (ex * sy - ey * sx) / denominator
    on_wall = (ex * dy - ey * dx) / denominator
    return along if along >= 0 and 0 <= on_wall <= 1 else None


def _behind_foot(eye: Point, target: Point, wall: Segment, facing: Point) -> bool:
    """A camera standing on ``wall``: True when ``target`` is on the far side of the wall from where it looks."""
    a, b = wall
    length = math.hypot(b[0] - a[0], b[1] - a[1])
    looks = orient(a, b, (eye[0] + facing[0], eye[1] + facing[1])) - orient(a, b, eye)
    if abs(looks) <= 1e-9 * length:
        return False
    where = orient(a, b, target) - orient(a, b, eye)
    return abs(where) > 1e-9 * length * max(1.0, math.dist(eye, target)) and (looks > 0) != (where > 0)


def _within(a: Point, b: Point, p: Point) -> bool:
    """For p on the line a-b: True when it lies between a and b."""
    return min(a[0], b[0]) <= p[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= p[1] <= max(a[1], b[1])
