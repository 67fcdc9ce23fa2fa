"""Annotations and redactions, kept as vector data and burned into every exported rendition.

Coordinates are fractions (0 to 1) of the upright photo, so one set of shapes fits the thumbnail, the report
rendition and any export. Redactions are applied last, over everything else: nothing drawn can uncover them.
"""

from __future__ import annotations

import io
import math
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from safety_assess.photos.decode import PhotoError
from safety_assess.photos.render import jpeg

PIXEL_BLOCKS = 12
"""A pixelated area keeps at most this many blocks across its longer side: faces and codes become unreadable."""


class Shape(StrEnum):
    ARROW = "arrow"
    RECTANGLE = "rectangle"
    ELLIPSE = "ellipse"
    TEXT = "text"
    REDACT_BOX = "redact_box"
    REDACT_PIXELATE = "redact_pixelate"


REDACTIONS = frozenset({Shape.REDACT_BOX, Shape.REDACT_PIXELATE})


@dataclass(frozen=True)
class Annotation:
    shape: Shape
    x1: float
    y1: float
    x2: float
    y2: float
    text: str = ""
    color: str = "#e53935"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "shape": self.shape.value}


def parse_annotations(data: Any) -> list[Annotation]:
    """Annotations from stored JSON, each checked; PhotoError says which one is wrong and why."""
    if not isinstance(data, list):
        raise PhotoError("annotations must be a list")
    return [_parse_one(n, entry) for n, entry in enumerate(data)]


def _parse_one(n: int, entry: Any) -> Annotation:
    try:
        shape = Shape(entry["shape"])
        coords = [float(entry[k]) for k in ("x1", "y1", "x2", "y2")]
        text, color = str(entry.get("text", "")), str(entry.get("color", "#e53935"))
    except (KeyError, TypeError, ValueError) as error:
        raise PhotoError(f"annotation {n + 1}: {error}") from None
    if not all(0.0 <= c <= 1.0 and math.isfinite(c) for c in coords):
        raise PhotoError(f"annotation {n + 1}: coordinates must be fractions from 0 to 1 of the photo")
    if shape == Shape.TEXT and not text.strip():
        raise PhotoError(f"annotation {n + 1}: a text label needs text")
    x1, y1, x2, y2 = coords
    return Annotation(shape, x1, y1, x2, y2, text, color)


def burn_in(image: Image.Image, annotations: list[Annotation]) -> Image.Image:
    """A copy of the upright RGB ``image`` with the shapes drawn and then the redactions applied."""
    result = image.convert("RGB")
    draw = ImageDraw.Draw(result)
    width, height = result.size
    stroke = max(2, round(min(width, height) / 150))
    for note in (a for a in annotations if a.shape not in REDACTIONS):
        _draw(draw, note, _box(note, width, height), stroke)
    for redaction in (a for a in annotations if a.shape in REDACTIONS):
        _redact(result, redaction, _box(redaction, width, height))
    return result


def export_jpeg(
    report_rendition: bytes,
    annotations: list[Annotation],
    location: tuple[float, float] | None = None,
    quality: int = 85,
) -> bytes:
    """What may leave the laptop: the upright rendition with everything burned in. It carries no metadata, except
    the GPS position when one is given (only where the district chose to share locations)."""
    with Image.open(io.BytesIO(report_rendition)) as image:
        return jpeg(burn_in(image, annotations), quality, _gps_exif(location) if location else b"")


def _gps_exif(location: tuple[float, float]) -> bytes:
    exif = Image.Exif()
    lat, lon = location
    exif[0x8825] = {1: "N" if lat >= 0 else "S", 2: _dms(abs(lat)), 3: "E" if lon >= 0 else "W", 4: _dms(abs(lon))}
    return exif.tobytes()


def _dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    return float(degrees), float(minutes), round((value - degrees - minutes / 60) * 3600, 4)


def _box(note: Annotation, width: int, height: int) -> tuple[int, int, int, int]:
    x1, x2 = sorted((round(note.x1 * width), round(note.x2 * width)))
    y1, y2 = sorted((round(note.y1 * height), round(note.y2 * height)))
    return x1, y1, max(x2, x1 + 1), max(y2, y1 + 1)


def _draw(draw: ImageDraw.ImageDraw, note: Annotation, box: tuple[int, int, int, int], stroke: int) -> None:
    if note.shape == Shape.RECTANGLE:
        draw.rectangle(box, outline=note.color, width=stroke)
    elif note.shape == Shape.ELLIPSE:
        draw.ellipse(box, outline=note.color, width=stroke)
    elif note.shape == Shape.ARROW:
        _arrow(draw, note, stroke)
    else:
        size = max(12, stroke * 8)
        draw.text(
            (box[0], box[1]),
            note.text,
            fill=note.color,
            font=ImageFont.load_default(size),
            stroke_width=max(1, stroke // 2),
            stroke_fill="white",
        )


def _arrow(draw: ImageDraw.ImageDraw, note: Annotation, stroke: int) -> None:
    """From (x1, y1) to the head at (x2, y2)."""
    width, height = draw.im.size
    start, end = (note.x1 * width, note.y1 * height), (note.x2 * width, note.y2 * height)
    draw.line([start, end], fill=note.color, width=stroke)
    angle, head = math.atan2(end[1] - start[1], end[0] - start[0]), stroke * 5
    left = (end[0] - head * math.cos(angle - 0.5), end[1] - head * math.sin(angle - 0.5))
    right = (end[0] - head * math.cos(angle + 0.5), end[1] - head * math.sin(angle + 0.5))
    draw.polygon([end, left, right], fill=note.color)


def _redact(image: Image.Image, note: Annotation, box: tuple[int, int, int, int]) -> None:
    if note.shape == Shape.REDACT_BOX:
        image.paste((0, 0, 0), box)
        return
    area = image.crop(box)
    block = max(area.size) / PIXEL_BLOCKS
    small = (max(1, round(area.width / block)), max(1, round(area.height / block)))
    image.paste(area.resize(small, Image.Resampling.BOX).resize(area.size, Image.Resampling.NEAREST), box[:2])
