"""How far a camera sees at each IEC 62676-4 pixel density (detection, observation, recognition, identification).

A camera with a sensor ``W`` pixels wide and a horizontal field of view ``F`` spreads those pixels over a scene
``2·d·tan(F/2)`` metres wide at distance ``d``, so the density there is ``W / (2·d·tan(F/2))`` pixels per metre and
the farthest distance at which a level's density is still reached is ``d = W / (2·density·tan(F/2))``.

That is the rectilinear lens's formula. It stops meaning anything as the field of view nears 180 degrees (the scene's
width grows without bound, and a fisheye lens does not project that way): a camera wider than ``MAX_FOV`` degrees has
no range worked out from its resolution, and asking for one raises MapError; type its range in metres instead.
"""

from __future__ import annotations

import functools
import math
from enum import Enum

from safety_assess.domain.sitemap.model import CameraSpec, MapError

MAX_FOV = 179.0
"""The widest field of view (degrees) for which distances are worked out from the resolution."""


@functools.total_ordering
class Level(Enum):
    """The IEC 62676-4 levels, ordered from the least detail to the most; the value is the density in px/m."""

    DETECTION = 25.0
    OBSERVATION = 62.5
    RECOGNITION = 125.0
    IDENTIFICATION = 250.0

    @property
    def density(self) -> float:
        return self.value

    @property
    def text(self) -> str:
        """The level's name as the command line and the JSON write it: 'detection', 'observation'…"""
        return self.name.lower()

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.value < other.value


LEVELS = tuple(Level)
"""From the least detail (detection) to the most (identification)."""


def density_at(width_px: int, fov_deg: float, metres: float) -> float:
    """Pixels per metre across the scene at ``metres`` from the camera (infinite at the camera itself)."""
    half = _half_tan(fov_deg)
    if metres <= 0:
        return math.inf
    return width_px / (2 * metres * half)


def farthest(width_px: int, fov_deg: float, level: Level) -> float:
    """The farthest distance in metres at which ``level``'s density is reached."""
    return width_px / (2 * level.density * _half_tan(fov_deg))


def level_at(width_px: int, fov_deg: float, metres: float) -> Level | None:
    """The best level reached at ``metres`` from the camera; None beyond the detection distance."""
    density = density_at(width_px, fov_deg, metres)
    reached = [level for level in LEVELS if density >= level.density * (1 - 1e-9)]
    return reached[-1] if reached else None


def distances(camera: CameraSpec) -> dict[Level, float]:
    """The farthest distance in metres of each level for a camera with a known resolution; MapError without one or
    when the camera is too wide for the formula."""
    if camera.resolution is None:
        raise MapError("the camera's resolution is not known, so its DORI distances cannot be worked out")
    width = camera.resolution[0]
    return {level: farthest(width, camera.fov, level) for level in LEVELS}


def has_distances(camera: CameraSpec) -> bool:
    """True when ``distances(camera)`` can be worked out (a resolution is known and the camera is not too wide)."""
    return camera.resolution is not None and 0 < camera.fov <= MAX_FOV


def _half_tan(fov_deg: float) -> float:
    if not 0 < fov_deg <= MAX_FOV:
        raise MapError(
            f"a camera {fov_deg:g} degrees wide has no range worked out from its resolution (the formula holds up to "
            f"{MAX_FOV:g} degrees): type its range in metres"
        )
    return math.tan(math.radians(fov_deg) / 2)
