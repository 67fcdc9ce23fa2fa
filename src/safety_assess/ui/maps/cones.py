"""What a camera sees, as polygons to draw: its cone clipped by the walls (``domain.sitemap.coverage``), the whole
of it first, then its bands by DORI level from detection to identification, so painting them in order shades the
nearer, sharper parts darker. Only the walls within the camera's reach are handed to the clipping (a campus has
hundreds of wall segments; a camera sees past a few)."""

from __future__ import annotations

from collections.abc import Sequence

from safety_assess.domain.sitemap.coverage import camera_cone, reach_of
from safety_assess.domain.sitemap.geometry import Segment
from safety_assess.domain.sitemap.model import CameraSpec, Marker, Point, SiteMap


def cone_bands(plan: SiteMap, camera: Marker) -> list[tuple[str, list[Point]]]:
    """The polygons to shade, farthest first: (level, polygon); 'range' for the whole cone."""
    reach = reach_of(plan, camera.camera or CameraSpec()).pixels
    walls = near(camera.position, reach, [s for wall in plan.walls for s in wall.segments])
    cone = camera_cone(plan, camera, walls)
    return [("range", cone.polygon), *((level.text, polygon) for level, polygon in cone.bands)]


def near(at: Point, reach: float, segments: Sequence[Segment]) -> list[Segment]:
    """The segments whose bounding box meets the square of side 2 x ``reach`` around ``at``."""
    left, right, top, bottom = at[0] - reach, at[0] + reach, at[1] - reach, at[1] + reach
    return [
        ((ax, ay), (bx, by))
        for (ax, ay), (bx, by) in segments
        if min(ax, bx) <= right and max(ax, bx) >= left and min(ay, by) <= bottom and max(ay, by) >= top
    ]
