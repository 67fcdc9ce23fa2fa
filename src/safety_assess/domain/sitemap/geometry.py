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

from safety_assess.domain.sitemap.model import Point

Segment = tuple[Point, Point]

TOLERANCE = 2.0
"""Pixels: a target or camera this close to a wall stands on it."""
EDGE_DEGREES = 1e-6
"""Rounding allowed at the cone's edge, degrees."""
EDGE_PIXELS = 1e-6
"""Rounding allowed at the cone's range, pixels."""


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
    if a == b:
        return False
    if distance_to_segment(eye, a, b) <= tolerance:
        return behind_foot(eye, target, wall, facing) and distance_to_segment(target, a, b) > tolerance
    return crosses(eye, target, wall) and distance_to_segment(target, a, b) > tolerance


def crosses(eye: Point, target: Point, wall: Segment) -> bool:
    """True when the sight line crosses the wall: its ends strictly either side of the wall's line, and the wall's
    ends either side of the sight line, an end on the line counting as on the side orient() calls positive."""
    a, b = wall
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


def behind_foot(eye: Point, target: Point, wall: Segment, facing: Point) -> bool:
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
