"""A site or floor plan of a campus and what is drawn on it, as plain values.

Positions are pixels of the plan's image as stored (x to the right, y down), whatever way the plan is turned for
display; headings are degrees clockwise from the image's up. Distances in metres need the plan's scale.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from safety_assess.domain.errors import SafetyAssessError

Point = tuple[float, float]


class MapError(SafetyAssessError):
    """A plan, marker, wall or zone that cannot be stored as given; the message names what is wrong."""


class MarkerKind(StrEnum):
    """What a marker stands for; the value is the command line's name for it."""

    EXTERIOR_DOOR = "exterior-door"
    DOOR = "door"
    CAMERA = "camera"
    AED = "aed"
    FIRE_PANEL = "fire-panel"
    GAS_SHUTOFF = "gas-shutoff"
    WATER_SHUTOFF = "water-shutoff"
    ELECTRIC_SHUTOFF = "electric-shutoff"
    KNOX_BOX = "knox-box"
    STAIRS = "stairs"
    ROOF_ACCESS = "roof-access"
    ASSEMBLY_AREA = "assembly-area"
    REUNIFICATION = "reunification"
    HAZARD = "hazard"
    OTHER = "other"
    FINDING = "finding"
    """A finding pinned where it is (``Marker.finding_id``)."""
    PHOTO = "photo"
    """A photo pinned where it was taken (``Marker.photo_id``)."""

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def is_door(self) -> bool:
        return self in (MarkerKind.EXTERIOR_DOOR, MarkerKind.DOOR)

    @classmethod
    def parse(cls, text: str) -> MarkerKind:
        try:
            return cls(text.strip().lower())
        except ValueError:
            names = ", ".join(kind.value for kind in cls)
            raise MapError(f"unknown marker kind '{text}': use one of {names}") from None


KIND_LABELS: dict[MarkerKind, str] = {
    MarkerKind.EXTERIOR_DOOR: "Exterior door",
    MarkerKind.DOOR: "Interior door",
    MarkerKind.CAMERA: "Camera",
    MarkerKind.AED: "AED",
    MarkerKind.FIRE_PANEL: "Fire alarm panel",
    MarkerKind.GAS_SHUTOFF: "Gas shut-off",
    MarkerKind.WATER_SHUTOFF: "Water shut-off",
    MarkerKind.ELECTRIC_SHUTOFF: "Electric shut-off",
    MarkerKind.KNOX_BOX: "Knox box",
    MarkerKind.STAIRS: "Stairs",
    MarkerKind.ROOF_ACCESS: "Roof access",
    MarkerKind.ASSEMBLY_AREA: "Assembly area",
    MarkerKind.REUNIFICATION: "Reunification site",
    MarkerKind.HAZARD: "Hazard",
    MarkerKind.OTHER: "Other",
    MarkerKind.FINDING: "Finding",
    MarkerKind.PHOTO: "Photo",
}

KEY_FEATURES = tuple(k for k in MarkerKind if k not in (MarkerKind.FINDING, MarkerKind.PHOTO))
"""The kinds a responder map shows (findings and photos never go to police and fire)."""


@dataclass(frozen=True)
class Scale:
    """Two points of the plan and the distance between them on the ground."""

    first: Point
    second: Point
    metres: float

    @property
    def pixels_per_metre(self) -> float:
        return distance(self.first, self.second) / self.metres


MAX_RANGE_M = 10_000.0
"""The farthest a camera is taken to see, typed or worked out from its lens (a needle-thin lens would see the moon)."""
MAX_SENSOR_PIXELS = 100_000
"""A camera's resolution is at most this many pixels a side."""


@dataclass(frozen=True)
class CameraSpec:
    """Where a camera looks and how far it sees.

    ``range_m`` is typed by the assessor, or worked out from ``resolution`` (the detection distance at 25 px/m,
    see dori.py). ``resolution`` is the sensor's width and height in pixels, when known.
    """

    heading: float = 0.0
    fov: float = 90.0
    range_m: float | None = None
    resolution: tuple[int, int] | None = None


@dataclass(frozen=True)
class Marker:
    id: uuid.UUID
    map_id: uuid.UUID
    kind: MarkerKind
    x: float
    y: float
    label: str = ""
    number: int | None = None
    """An exterior door's number, clockwise from the main entrance (1 is the main entrance)."""
    camera: CameraSpec | None = None
    """Set for cameras."""
    finding_id: uuid.UUID | None = None
    photo_id: uuid.UUID | None = None
    camera_instance: str = ""
    """The label of the checklist's per-camera group instance this camera is ('Camera 4 - gym doors'), or ''."""

    @property
    def position(self) -> Point:
        return (self.x, self.y)


@dataclass(frozen=True)
class Wall:
    """A polyline that blocks sight (a building's outline, an interior wall, a fence that cannot be seen through)."""

    id: uuid.UUID
    map_id: uuid.UUID
    points: tuple[Point, ...]

    @property
    def segments(self) -> list[tuple[Point, Point]]:
        return list(zip(self.points, self.points[1:], strict=False))


@dataclass(frozen=True)
class Zone:
    """An area the assessor wants watched (playground, front office, bus loop): a closed polygon."""

    id: uuid.UUID
    map_id: uuid.UUID
    name: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class SiteMap:
    """One plan of a campus (the site, or a floor) with everything drawn on it."""

    id: uuid.UUID
    campus_id: uuid.UUID
    title: str
    sha256: str
    """The plan's image in the photo store (stored clean: no metadata)."""
    extension: str
    width: int
    height: int
    rotation: int = 0
    """How the plan is turned for display and print, clockwise: 0, 90, 180 or 270."""
    north: float | None = None
    """Where north points, degrees clockwise from the image's up; None when not set."""
    scale: Scale | None = None
    position: int = 0
    markers: tuple[Marker, ...] = field(default=())
    walls: tuple[Wall, ...] = field(default=())
    zones: tuple[Zone, ...] = field(default=())

    @property
    def pixels_per_metre(self) -> float | None:
        return self.scale.pixels_per_metre if self.scale else None

    def contains(self, point: Point) -> bool:
        x, y = point
        return 0 <= x <= self.width and 0 <= y <= self.height

    def marker(self, marker_id: uuid.UUID) -> Marker | None:
        return next((m for m in self.markers if m.id == marker_id), None)

    def of_kind(self, kind: MarkerKind) -> list[Marker]:
        return [m for m in self.markers if m.kind is kind]


def distance(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])
