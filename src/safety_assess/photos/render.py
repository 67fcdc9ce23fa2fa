"""Renditions: upright, 8-bit RGB JPEGs without any metadata, made with draft decoding."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageOps

from safety_assess.photos.decode import PhotoError, open_image

THUMBNAIL, REPORT = 256, 1600
QUALITY = {THUMBNAIL: 80, REPORT: 85}


def renditions(path: Path) -> dict[str, bytes]:
    """The report rendition (1600 px) and the thumbnail (256 px) from one decode: upright JPEG bytes that carry
    no EXIF, GPS or serial numbers."""
    with open_image(path) as image:
        try:
            report = upright_rgb(image, REPORT)
        except (OSError, ValueError, SyntaxError) as error:
            raise PhotoError(f"{path}: the image is damaged ({error})") from None
    thumb = report.copy()
    thumb.thumbnail((THUMBNAIL, THUMBNAIL), Image.Resampling.LANCZOS)
    return {"report": jpeg(report, QUALITY[REPORT]), "thumb": jpeg(thumb, QUALITY[THUMBNAIL])}


def upright_rgb(image: Image.Image, longest: int) -> Image.Image:
    """Decoded at reduced size when the format allows (JPEG draft), resized, turned upright, in 8-bit RGB."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if image.format == "JPEG":
            scale = min(1.0, longest / max(image.size))
            image.draft("RGB", (max(1, round(image.width * scale)), max(1, round(image.height * scale))))
        image.thumbnail((longest, longest), Image.Resampling.LANCZOS)
        upright = ImageOps.exif_transpose(image) or image
    return _to_rgb(upright)


def jpeg(image: Image.Image, quality: int, exif: bytes = b"", optimize: bool = True) -> bytes:
    """JPEG bytes; unless ``exif`` is given, nothing of the original's metadata is carried over."""
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=optimize, exif=exif)
    return out.getvalue()


def _to_rgb(image: Image.Image) -> Image.Image:
    """CMYK, 16-bit, palette and grey images to plain RGB; transparency onto white."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda value: value / 256).convert("RGB")
    return image.convert("RGB") if image.mode != "RGB" else image


PRINT = 800
"""Longest side of a photo printed in a report: 3.2 in wide at 250 dpi."""


def print_rendition(report_rendition: bytes, burn: Callable[[Image.Image], Image.Image] | None = None) -> bytes:
    """A small JPEG for a report, from the report rendition, decoded at half size; ``burn`` draws annotations
    and redactions onto it first. No metadata."""
    try:
        with Image.open(io.BytesIO(report_rendition)) as image:
            small = upright_rgb(image, PRINT)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise PhotoError(f"the photo's rendition is damaged ({error})") from None
    return jpeg(burn(small) if burn else small, 78, optimize=False)  # made for each report: speed over 5 %
