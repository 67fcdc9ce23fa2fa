"""What a camera sees, as polygons to draw: its cone cut into bands by DORI level.

Positions are plan pixels; a heading is degrees clockwise from the image's up (image y runs down).
"""

from __future__ import annotations

import math

from safety_assess.domain.sitemap.model import Marker, Point, SiteMap

ARC_STEP_DEG = 5.0
UNSCALED_SHARE = 0.2
"""A camera whose range cannot be known in pixels (no scale, or no range) reaches a fifth of the plan's long side."""


def direction(heading: float) -> Point:
    radians = math.radians(heading)
    return (math.sin(radians), -math.cos(radians))


def range_px(plan: SiteMap, camera: Marker) -> float:
    spec = camera.camera
    ppm = plan.pixels_per_metre
    if spec is not None and spec.range_m is not None and ppm is not None:
        return spec.range_m * ppm
    return UNSCALED_SHARE * max(plan.width, plan.height)


def sector(at: Point, heading: float, fov: float, reach: float) -> list[Point]:
    """The unclipped cone: the camera's point, then the arc from one edge of the view to the other."""
    steps = max(2, math.ceil(fov / ARC_STEP_DEG))
    start = heading - fov / 2
    arc = [direction(start + fov * n / steps) for n in range(steps + 1)]
    return [at, *((at[0] + dx * reach, at[1] + dy * reach) for dx, dy in arc)]


def cone_bands(plan: SiteMap, camera: Marker) -> list[tuple[str, list[Point]]]:
    """The bands to shade, widest first: (level, polygon)."""
    spec = camera.camera
    if spec is None:
        return []
    return [("range", sector(camera.position, spec.heading, spec.fov, range_px(plan, camera)))]
