"""The symbols of a responder map, told apart in black and white: by shape, by fill (white, grey, black) and by a
letter, never by colour. Each draws centred on a point of a ReportLab canvas."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from safety_assess.domain.sitemap.model import MarkerKind
from safety_assess.reports.fonts import BOLD

R = 5.5
"""Half the size of a symbol, in points."""
DOOR_TEXT = 9.0
Canvas = Any  # ReportLab has no type information


def _outline(canvas: Canvas, fill: float, width: float = 0.9) -> None:
    canvas.setLineWidth(width)
    canvas.setStrokeGray(0)
    canvas.setFillGray(fill)


def _letter(canvas: Canvas, x: float, y: float, text: str, gray: float, size: float = 6.5) -> None:
    canvas.setFillGray(gray)
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(x, y - size * 0.36, text)


def _polygon(canvas: Canvas, points: list[tuple[float, float]]) -> None:
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.close()
    canvas.drawPath(path, stroke=1, fill=1)


def circle(text: str, ring: bool = False) -> Callable[[Canvas, float, float], None]:
    def draw(canvas: Canvas, x: float, y: float) -> None:
        _outline(canvas, 1)
        canvas.circle(x, y, R, stroke=1, fill=1)
        if ring:
            canvas.circle(x, y, R + 2, stroke=1, fill=0)
        _letter(canvas, x, y, text, 0)

    return draw


def square(text: str, dark: bool) -> Callable[[Canvas, float, float], None]:
    def draw(canvas: Canvas, x: float, y: float) -> None:
        _outline(canvas, 0 if dark else 1, 0.9 if dark else 1.6)
        canvas.rect(x - R, y - R, 2 * R, 2 * R, stroke=1, fill=1)
        _letter(canvas, x, y, text, 1 if dark else 0)

    return draw


def triangle(text: str, dark: bool) -> Callable[[Canvas, float, float], None]:
    def draw(canvas: Canvas, x: float, y: float) -> None:
        _outline(canvas, 0 if dark else 1)
        h = R * 1.25
        _polygon(canvas, [(x - h, y - h * 0.8), (x + h, y - h * 0.8), (x, y + h * 1.1)])
        _letter(canvas, x, y - 1.5, text, 1 if dark else 0, 6)

    return draw


def diamond(text: str, dark: bool, size: float = R * 1.4) -> Callable[[Canvas, float, float], None]:
    def draw(canvas: Canvas, x: float, y: float) -> None:
        _outline(canvas, 0 if dark else 1)
        _polygon(canvas, [(x, y + size), (x + size, y), (x, y - size), (x - size, y)])
        if text:
            _letter(canvas, x, y, text, 1 if dark else 0, 5.5)

    return draw


def aed(canvas: Canvas, x: float, y: float) -> None:
    _outline(canvas, 0)
    canvas.rect(x - R, y - R, 2 * R, 2 * R, stroke=1, fill=1)
    canvas.setFillGray(1)
    arm, thick = R * 0.7, R * 0.25
    canvas.rect(x - arm, y - thick, 2 * arm, 2 * thick, stroke=0, fill=1)
    canvas.rect(x - thick, y - arm, 2 * thick, 2 * arm, stroke=0, fill=1)


def stairs(canvas: Canvas, x: float, y: float) -> None:
    _outline(canvas, 1)
    canvas.rect(x - R, y - R, 2 * R, 2 * R, stroke=1, fill=1)
    step = 2 * R / 3
    path = canvas.beginPath()
    path.moveTo(x - R, y - R + step)
    for n in range(1, 3):
        path.lineTo(x - R + n * step, y - R + n * step)
        path.lineTo(x - R + n * step, y - R + (n + 1) * step)
    canvas.drawPath(path, stroke=1, fill=0)


def interior_door(canvas: Canvas, x: float, y: float) -> None:
    _outline(canvas, 0.55, 0.7)
    canvas.rect(x - 3, y - 3, 6, 6, stroke=1, fill=1)


def camera(canvas: Canvas, x: float, y: float, heading: float | None = None) -> None:
    """A black dot; a line shows where it looks (``heading`` clockwise from the page's up) when known."""
    _outline(canvas, 0)
    if heading is not None:
        angle = math.radians(heading)
        canvas.setLineWidth(1.4)
        canvas.line(x, y, x + 10 * math.sin(angle), y + 10 * math.cos(angle))
    canvas.circle(x, y, 3.2, stroke=1, fill=1)


def exterior_door(canvas: Canvas, x: float, y: float, number: int | None) -> None:
    """The door's number, large and boxed: white box, heavy black border."""
    text = "?" if number is None else str(number)
    width = max(len(text) * DOOR_TEXT * 0.68 + 5, DOOR_TEXT + 5)
    height = DOOR_TEXT + 5
    _outline(canvas, 1, 1.5)
    canvas.rect(x - width / 2, y - height / 2, width, height, stroke=1, fill=1)
    _letter(canvas, x, y, text, 0, DOOR_TEXT)


DRAWERS: dict[MarkerKind, Callable[[Canvas, float, float], None]] = {
    MarkerKind.DOOR: interior_door,
    MarkerKind.CAMERA: camera,
    MarkerKind.AED: aed,
    MarkerKind.FIRE_PANEL: square("F", dark=True),
    MarkerKind.KNOX_BOX: square("K", dark=False),
    MarkerKind.GAS_SHUTOFF: circle("G"),
    MarkerKind.WATER_SHUTOFF: circle("W"),
    MarkerKind.ELECTRIC_SHUTOFF: circle("E"),
    MarkerKind.STAIRS: stairs,
    MarkerKind.ROOF_ACCESS: triangle("R", dark=False),
    MarkerKind.HAZARD: triangle("!", dark=True),
    MarkerKind.ASSEMBLY_AREA: circle("A", ring=True),
    MarkerKind.REUNIFICATION: diamond("RS", dark=False),
    MarkerKind.OTHER: diamond("", dark=True, size=R),
}
"""Every key feature but the exterior door (a boxed number) has its symbol."""

LEGEND_TEXT: dict[MarkerKind, str] = {
    MarkerKind.EXTERIOR_DOOR: "Exterior door, by number",
    MarkerKind.FIRE_PANEL: "Fire alarm control panel",
    MarkerKind.CAMERA: "Camera (line: where it looks)",
}
"""Where the legend says more than the kind's label."""


def draw_marker(canvas: Canvas, kind: MarkerKind, x: float, y: float, *, number: int | None = None) -> None:
    if kind is MarkerKind.EXTERIOR_DOOR:
        exterior_door(canvas, x, y, number)
    else:
        DRAWERS[kind](canvas, x, y)
