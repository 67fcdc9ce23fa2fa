"""A site plan as printed: its image turned by the plan's rotation and greyed down so what is drawn over it stands
out, and plan-image pixels carried to the turned image (responder maps and the action plan's plan pages)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from safety_assess.domain.sitemap.model import Point, SiteMap
from safety_assess.photos.decode import open_image

TURNS = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
"""Pillow's ROTATE_n turns counter-clockwise; a plan's rotation is clockwise."""
FADE = 0.45
"""How much of the plan's darkness is kept (0: white, 1: as drawn)."""
FADED = [round(255 - (255 - level) * FADE) for level in range(256)]


def turned_size(plan: SiteMap) -> tuple[int, int]:
    """Width and height of the plan as printed (turned by its rotation)."""
    return (plan.height, plan.width) if plan.rotation in (90, 270) else (plan.width, plan.height)


def turn(plan: SiteMap, point: Point) -> Point:
    """A point of the stored image, as a point of the printed (turned) image; both in pixels, y down."""
    x, y = point
    width, height = plan.width, plan.height
    if plan.rotation == 90:
        return height - y, x
    if plan.rotation == 180:
        return width - x, height - y
    if plan.rotation == 270:
        return y, width - x
    return x, y


def turned_angle(plan: SiteMap, degrees: float) -> float:
    """A direction given clockwise from the stored image's up, clockwise from the printed plan's up."""
    return (degrees + plan.rotation) % 360


def printed_image(plan: SiteMap, image: Path, longest: int) -> Image.Image:
    """The plan's image in grey, faded, turned as printed, at most ``longest`` pixels on its longer side; decoded
    once, reduced while decoding where the format allows (its metadata is left behind: only pixels go on)."""
    with open_image(image) as source:
        source.draft("L", (longest, longest))  # JPEG: decode at a fraction of the size straight away
        picture = _grey(source)
    if max(picture.size) > longest:
        picture.thumbnail((longest, longest), Image.Resampling.BILINEAR, reducing_gap=2.0)
    turn_by = TURNS.get(plan.rotation)
    if turn_by is not None:
        picture = picture.transpose(turn_by)
    return picture.point(FADED)


def _grey(source: Image.Image) -> Image.Image:
    """In grey; what is transparent is white paper. A 16-bit grey plan is brought down to 8 bits (Pillow's own
    conversion clips it, so that every grey lighter than 1/257 of white prints white)."""
    if source.mode.startswith("I;16"):
        return source.convert("I").point(lambda value: value * (1 / 257)).convert("L")
    if "A" not in source.getbands() and "transparency" not in source.info:
        return source.convert("L")
    layers = source.convert("RGBA")
    paper = Image.new("RGBA", layers.size, "white")
    paper.alpha_composite(layers)
    return paper.convert("L")
