"""How each kind of marker looks on the plan: a shape, a short text and a colour, told apart in black and white too
(the shape and the text differ, not only the colour)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from safety_assess.domain.sitemap.model import MarkerKind


class Shape(Enum):
    SQUARE = "square"
    CIRCLE = "circle"
    DIAMOND = "diamond"
    TRIANGLE = "triangle"
    ROUNDED = "rounded"


@dataclass(frozen=True)
class Symbol:
    shape: Shape
    text: str
    color: str


SYMBOLS: dict[MarkerKind, Symbol] = {
    MarkerKind.EXTERIOR_DOOR: Symbol(Shape.SQUARE, "D", "#0d47a1"),
    MarkerKind.DOOR: Symbol(Shape.SQUARE, "d", "#5c6bc0"),
    MarkerKind.CAMERA: Symbol(Shape.CIRCLE, "C", "#6a1b9a"),
    MarkerKind.AED: Symbol(Shape.ROUNDED, "AED", "#c62828"),
    MarkerKind.FIRE_PANEL: Symbol(Shape.ROUNDED, "FACP", "#d84315"),
    MarkerKind.GAS_SHUTOFF: Symbol(Shape.ROUNDED, "G", "#ef6c00"),
    MarkerKind.WATER_SHUTOFF: Symbol(Shape.ROUNDED, "W", "#0277bd"),
    MarkerKind.ELECTRIC_SHUTOFF: Symbol(Shape.ROUNDED, "E", "#9e7700"),
    MarkerKind.KNOX_BOX: Symbol(Shape.ROUNDED, "KB", "#4e342e"),
    MarkerKind.STAIRS: Symbol(Shape.ROUNDED, "ST", "#455a64"),
    MarkerKind.ROOF_ACCESS: Symbol(Shape.ROUNDED, "RA", "#546e7a"),
    MarkerKind.ASSEMBLY_AREA: Symbol(Shape.ROUNDED, "AA", "#2e7d32"),
    MarkerKind.REUNIFICATION: Symbol(Shape.ROUNDED, "RS", "#00695c"),
    MarkerKind.HAZARD: Symbol(Shape.TRIANGLE, "!", "#b71c1c"),
    MarkerKind.OTHER: Symbol(Shape.ROUNDED, "?", "#616161"),
    MarkerKind.FINDING: Symbol(Shape.DIAMOND, "F", "#757575"),
    MarkerKind.PHOTO: Symbol(Shape.ROUNDED, "P", "#37474f"),
}

LEVEL_COLORS: dict[str, tuple[str, int]] = {
    "identification": ("#1b5e20", 120),
    "recognition": ("#43a047", 95),
    "observation": ("#9ccc65", 80),
    "detection": ("#fff176", 75),
    "range": ("#90caf9", 80),
}
"""A cone's band colour and alpha by DORI level (darker is sharper); 'range' when no level can be known."""

WALL_COLOR = "#212121"
ZONE_COLOR = "#ff7043"
SELECTED_COLOR = "#ff1744"


def marker_text(kind: MarkerKind, number: int | None) -> str:
    """What a marker shows: an exterior door its number once it has one, other kinds their short text."""
    if kind is MarkerKind.EXTERIOR_DOOR and number is not None:
        return str(number)
    return SYMBOLS[kind].text
