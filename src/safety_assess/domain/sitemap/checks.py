"""What a plan, marker, wall or zone must be before it is stored: each check raises MapError naming the problem."""

from __future__ import annotations

import math
import unicodedata

from safety_assess.domain.sitemap.model import (
    MAX_RANGE_M,
    MAX_SENSOR_PIXELS,
    CameraSpec,
    MapError,
    Point,
    Scale,
    SiteMap,
    distance,
)

ROTATIONS = (0, 90, 180, 270)
MAX_TITLE = 200
MAX_LABEL = 200
MAX_DOOR_NUMBER = 9999
"""Doors are numbered 1 to this (a number past 2^31 fits no database's integer)."""
PIXELS_PER_METRE = (0.01, 10_000.0)
"""The scales a plan may have: from a pixel 100 m wide (a district on a small image) to a tenth of a millimetre."""


def parse_point(text: str) -> Point:
    """'X,Y' as typed on the command line."""
    parts = text.replace(" ", "").split(",")
    try:
        if len(parts) != 2:
            raise ValueError
        x, y = float(parts[0]), float(parts[1])
    except ValueError:
        raise MapError(f"'{text}' is not a point: write X,Y in plan pixels, such as 120,340") from None
    if not (math.isfinite(x) and math.isfinite(y)):
        raise MapError(f"'{text}' is not a point: both numbers must be finite")
    return (x, y)


def check_point(plan: SiteMap, point: Point, what: str = "the point") -> Point:
    if not plan.contains(point):
        raise MapError(f"{what} {_shown(point)} is outside the plan '{plan.title}' (0,0 to {plan.width},{plan.height})")
    return point


def check_scale(plan: SiteMap, first: Point, second: Point, metres: float) -> Scale:
    check_point(plan, first, "the first scale point")
    check_point(plan, second, "the second scale point")
    if distance(first, second) < 1:
        raise MapError(f"the scale needs two different points; {_shown(first)} was given twice")
    if not math.isfinite(metres) or metres <= 0:
        raise MapError(f"the distance between the scale points must be more than 0 metres, not {metres:g}")
    scale = Scale(first, second, metres)
    if not sane_pixels_per_metre(scale.pixels_per_metre):
        low, high = PIXELS_PER_METRE
        raise MapError(
            f"{metres:.6g} metres between points {distance(first, second):.0f} pixels apart make "
            f"{scale.pixels_per_metre:.3g} pixels a metre: a plan's scale is between {low:g} and {high:,.0f}; "
            "check the distance"
        )
    return scale


def sane_pixels_per_metre(value: float) -> bool:
    """Whether a scale of ``value`` pixels a metre is one a plan may have (PIXELS_PER_METRE)."""
    low, high = PIXELS_PER_METRE
    return low <= value <= high


def check_camera(plan: SiteMap, camera: CameraSpec) -> CameraSpec:
    if not math.isfinite(camera.fov) or not 0 < camera.fov < 360:
        raise MapError(f"a camera's field of view must be more than 0 and less than 360 degrees, not {camera.fov:g}")
    if not math.isfinite(camera.heading):
        raise MapError("a camera's heading must be a number of degrees")
    if camera.range_m is not None:
        if plan.scale is None:
            raise MapError(
                f"the plan '{plan.title}' has no scale, so a range in metres cannot be drawn: set the scale first"
            )
        if not math.isfinite(camera.range_m) or camera.range_m <= 0:
            raise MapError(f"a camera's range must be more than 0 metres, not {camera.range_m:g}")
        if camera.range_m > MAX_RANGE_M:
            raise MapError(f"a camera's range is at most {MAX_RANGE_M:,.0f} metres, not {camera.range_m:g}")
    if camera.resolution is not None and min(camera.resolution) <= 0:
        raise MapError("a camera's resolution must be two whole numbers above 0, such as 1920x1080")
    if camera.resolution is not None and max(camera.resolution) > MAX_SENSOR_PIXELS:
        raise MapError(f"a camera's resolution is at most {MAX_SENSOR_PIXELS:,} pixels a side, such as 1920x1080")
    return CameraSpec(camera.heading % 360, camera.fov, camera.range_m, camera.resolution)


def parse_resolution(text: str) -> tuple[int, int]:
    parts = text.lower().replace(" ", "").split("x")
    try:
        if len(parts) != 2:
            raise ValueError
        width, height = int(parts[0]), int(parts[1])
    except ValueError:
        raise MapError(f"'{text}' is not a resolution: write WIDTHxHEIGHT in pixels, such as 1920x1080") from None
    if width <= 0 or height <= 0:
        raise MapError(f"'{text}' is not a resolution: both numbers must be above 0")
    return (width, height)


def check_wall(plan: SiteMap, points: list[Point]) -> tuple[Point, ...]:
    if len(points) < 2:
        raise MapError("a wall needs at least two points")
    for number, point in enumerate(points, start=1):
        check_point(plan, point, f"wall point {number}")
    return tuple(points)


def check_zone(plan: SiteMap, name: str, points: list[Point]) -> tuple[Point, ...]:
    if not name.strip():
        raise MapError("a zone needs a name, such as 'Playground'")
    if len(points) < 3:
        raise MapError(f"zone '{name}' needs at least three points; {len(points)} given")
    for number, point in enumerate(points, start=1):
        check_point(plan, point, f"zone '{name}' point {number}")
    if _area(points) < 1:
        raise MapError(f"zone '{name}' has no area: its points lie on one line")
    return tuple(points)


def check_rotation(rotation: int) -> int:
    if rotation % 360 not in ROTATIONS:
        raise MapError(f"a plan turns by quarter turns: 0, 90, 180 or 270 degrees, not {rotation}")
    return rotation % 360


def plain(text: str) -> str:
    """One line of text: control characters (a NUL, an escape, a bell) left out, each run of white space one space."""
    return " ".join("".join(c for c in text if c.isspace() or unicodedata.category(c) != "Cc").split())


def check_title(title: str) -> str:
    title = plain(title)
    if not title:
        raise MapError("a plan needs a title, such as 'Site' or 'First floor'")
    return title[:MAX_TITLE]


def _area(points: list[Point]) -> float:
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in pairs)) / 2


def _shown(point: Point) -> str:
    return f"{point[0]:g},{point[1]:g}"
