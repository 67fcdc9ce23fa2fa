"""How far a camera on a plan sees, in plan pixels, and where each DORI level ends.

A camera's range is its typed ``range_m``; else the detection distance worked out from its resolution (dori.py);
else ``DEFAULT_RANGE_M``, flagged ``assumed``; never more than ``MAX_RANGE_M``. On a plan without a scale nothing
is known in metres: every camera's range is ``UNSCALED_SHARE`` of the plan's longer side (assumed) and no level can
be known.
"""

from __future__ import annotations

from dataclasses import dataclass

from safety_assess.domain.sitemap.dori import LEVELS, Level, distances, has_distances
from safety_assess.domain.sitemap.geometry import TOLERANCE
from safety_assess.domain.sitemap.model import MAX_RANGE_M, CameraSpec, SiteMap

DEFAULT_RANGE_M = 20.0
"""The range of a camera with neither a typed range nor a resolution to work one out from."""
UNSCALED_SHARE = 0.25
"""On a plan without a scale, a camera's range is this share of the plan's longer side."""


@dataclass(frozen=True)
class Reach:
    pixels: float
    metres: float | None
    """None on a plan without a scale."""
    assumed: bool
    """True when the range is neither typed nor worked out from the resolution."""
    levels: dict[Level, float]
    """The farthest distance of each level in plan pixels; empty when they cannot be known."""

    def level_at(self, pixels: float) -> Level | None:
        """The best level reached ``pixels`` from the camera; None when unknown or beyond detection."""
        reached = [level for level in LEVELS if level in self.levels and pixels <= self.levels[level] + 1e-6]
        return reached[-1] if reached else None


def reach_of(plan: SiteMap, camera: CameraSpec) -> Reach:
    ppm = plan.pixels_per_metre
    if ppm is None:
        return Reach(UNSCALED_SHARE * max(plan.width, plan.height), None, True, {})
    levels = {level: metres * ppm for level, metres in distances(camera).items()} if has_distances(camera) else {}
    if camera.range_m is not None:
        metres, assumed = camera.range_m, False
    elif levels:
        metres, assumed = levels[Level.DETECTION] / ppm, False
    else:
        metres, assumed = DEFAULT_RANGE_M, True
    metres = min(metres, MAX_RANGE_M)
    return Reach(metres * ppm, metres, assumed, levels)


def tolerance_of(plan: SiteMap) -> float:
    """How close to a wall (plan pixels) a door or camera stands on it: 0.2% of the plan's longer side, 2 at least."""
    return max(TOLERANCE, max(plan.width, plan.height) / 500)
