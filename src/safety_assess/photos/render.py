"""Renditions: upright, 8-bit RGB JPEGs without any metadata, made with draft decoding."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from safety_assess.photos.decode import PhotoError, describe, open_image

THUMBNAIL, REPORT = 256, 1600
QUALITY = {THUMBNAIL: 80, REPORT: 85}
SRGB = ImageCms.createProfile("sRGB")
HEIF_STRIP = 8 * 1024 * 1024
"""Bytes of a HEIF's decoded rows turned into a Pillow image at a time."""


def renditions(path: Path) -> dict[str, bytes]:
    """The report rendition (1600 px) and the thumbnail (256 px) from one decode: upright JPEG bytes that carry
    no EXIF, GPS or serial numbers."""
    with open_image(path) as image:
        try:
            report = heif_upright(path, REPORT) if image.format == "HEIF" else upright_rgb(image, REPORT)
        except (OSError, ValueError, SyntaxError, RuntimeError) as error:
            raise PhotoError(f"{path}: {describe(error)}") from None
    thumb = report.copy()
    thumb.thumbnail((THUMBNAIL, THUMBNAIL), Image.Resampling.LANCZOS)
    return {"report": jpeg(report, QUALITY[REPORT]), "thumb": jpeg(thumb, QUALITY[THUMBNAIL])}


def upright_rgb(image: Image.Image, longest: int) -> Image.Image:
    """Decoded at reduced size when the format allows (JPEG draft), resized, turned upright, in 8-bit RGB."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if image.format in ("JPEG", "MPO"):  # Pillow opens multi-picture JPEGs (Ultra HDR...) as MPO
            scale = min(1.0, longest / max(image.size))
            image.draft("RGB", (max(1, round(image.width * scale)), max(1, round(image.height * scale))))
        image.thumbnail((longest, longest), Image.Resampling.LANCZOS)
        upright = ImageOps.exif_transpose(image) or image
    return _to_rgb(in_srgb(upright, image.info.get("icc_profile")))


def heif_upright(path: Path, longest: int) -> Image.Image:
    """A HEIC/HEIF photo at most ``longest`` pixels on a side, upright (libheif applies its rotation), in sRGB.
    libheif decodes the whole picture; it is reduced strip by strip from libheif's own buffer, so Pillow never
    holds a full-size copy beside it (half the peak memory of opening it with Pillow)."""
    from pillow_heif import open_heif

    heif = open_heif(path, convert_hdr_to_8bit=True)
    mode, (width, height), stride, data = heif.mode, heif.size, heif.stride, heif.data
    factor = max(1, min(width, height, max(width, height) // longest))
    usable, rows = height // factor * factor, max(factor, HEIF_STRIP // max(stride, 1) // factor * factor)
    reduced = Image.new(mode, (width // factor, usable // factor))
    for top in range(0, usable, rows):
        count = min(rows, usable - top)
        rows_data = data[top * stride : (top + count) * stride]
        strip = Image.frombuffer(mode, (width, count), rows_data, "raw", mode, stride, 1)
        reduced.paste(strip.reduce(factor), (0, top // factor))
    profile = heif.info.get("icc_profile")
    del data, heif
    reduced.thumbnail((longest, longest), Image.Resampling.LANCZOS)
    return _to_rgb(in_srgb(reduced, profile))


def in_srgb(image: Image.Image, profile: bytes | None) -> Image.Image:
    """RGB or CMYK pixels converted from their embedded colour profile (Display P3 on many phones, a press profile
    on CMYK files) to sRGB, which is what a JPEG without a profile is taken to be; unchanged when there is no
    profile or it cannot be used (then plain conversion follows)."""
    if not profile or image.mode not in ("RGB", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        converted = ImageCms.profileToProfile(image, source, SRGB, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image
    return converted or image


def jpeg(image: Image.Image, quality: int, exif: bytes = b"", optimize: bool = True) -> bytes:
    """JPEG bytes of the pixels alone: unless ``exif`` is given, no metadata at all. Pillow would carry the
    source's comment over on its own, so every metadata slot it writes is given empty."""
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=optimize, exif=exif, comment=b"", icc_profile=None, xmp=b"")
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
