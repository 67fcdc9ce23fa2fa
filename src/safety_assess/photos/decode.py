"""Open images safely and read what they say about themselves.

Only known formats are opened; the pixel count is checked from the header before any decoding, so a
decompression bomb is refused before it costs memory.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

from PIL import Image, ImageFile, UnidentifiedImageError

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.records import PhotoMeta

MAX_PIXELS = 200_000_000
"""Phones reach about 200 megapixels; anything larger is refused before decoding."""
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "TIFF": "tif", "HEIF": "heic", "MPO": "jpg"}
ORIENTATION, DATETIME_ORIGINAL, DATETIME, MODEL, MAKE = 0x0112, 0x9003, 0x0132, 0x0110, 0x010F
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
_heif_registered = False


class PhotoError(SafetyAssessError):
    """A file that cannot be used as a photo; the message names the file and the reason."""


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        from pillow_heif import register_heif_opener

        register_heif_opener()  # libheif applies the HEIF rotation and resets EXIF orientation to 1
        _heif_registered = True


def open_image(path: Path) -> Image.Image:
    """The image, opened lazily (nothing decoded yet), or PhotoError saying why it cannot be."""
    _register_heif()
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow's own guard, at twice this, stops absurd headers early
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns about broken EXIF; the EXIF is then ignored
            image = Image.open(path)
    except FileNotFoundError:
        raise PhotoError(f"{path}: no such file") from None
    except Image.DecompressionBombError:
        raise PhotoError(f"{path}: the image is larger than the {MAX_PIXELS // 1_000_000} MP limit") from None
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise PhotoError(f"{path}: not an image this app can read ({_reason(error)})") from None
    if image.format not in FORMATS:
        image.close()
        raise PhotoError(f"{path}: {image.format} images are not supported (JPEG, PNG, WebP, TIFF or HEIC)")
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        limit = MAX_PIXELS // 1_000_000
        raise PhotoError(f"{path}: {width} x {height} pixels is larger than the {limit} MP limit")
    return image


def read_meta(image: Image.Image) -> PhotoMeta:
    exif = _exif(image)
    orientation = exif.get(ORIENTATION, 1) if isinstance(exif.get(ORIENTATION, 1), int) else 1
    orientation = orientation if 1 <= orientation <= 8 else 1
    width, height = image.size
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    fmt = str(image.format)
    return PhotoMeta(fmt, FORMATS[fmt], width, height, orientation, _captured(exif), _model(exif), _gps(exif))


def _exif(image: Image.Image) -> Any:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return image.getexif()
    except Exception:  # a corrupt EXIF block is ignored, never fatal
        return Image.Exif()


def _captured(exif: Any) -> dt.datetime | None:
    try:
        raw = exif.get_ifd(EXIF_IFD).get(DATETIME_ORIGINAL) or exif.get(DATETIME)
    except Exception:
        return None
    if not isinstance(raw, str):
        return None
    try:
        return dt.datetime.strptime(raw.strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None


def _model(exif: Any) -> str:
    parts = [exif.get(MAKE), exif.get(MODEL)]
    text = " ".join(str(p).strip("\x00 ") for p in parts if isinstance(p, str) and p.strip("\x00 "))
    return text[:120]


def _gps(exif: Any) -> tuple[float, float] | None:
    """Latitude and longitude in degrees, or None when absent, invalid or 0/0."""
    try:
        gps = exif.get_ifd(GPS_IFD)
        lat = _degrees(gps.get(2), gps.get(1), "S")
        lon = _degrees(gps.get(4), gps.get(3), "W")
    except Exception:
        return None
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return round(lat, 7), round(lon, 7)


def _degrees(dms: Any, ref: Any, negative: str) -> float | None:
    if not dms or len(dms) != 3:
        return None
    degrees, minutes, seconds = (float(v) for v in dms)
    value = degrees + minutes / 60 + seconds / 3600
    return -value if str(ref).strip("\x00 ").upper() == negative else value


def _reason(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text.split(" '")[0] if "cannot identify image file" in text else text
