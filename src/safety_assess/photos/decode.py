"""Open images safely and read what they say about themselves.

Only known formats are opened; the pixel count is checked from the header before any decoding, so a
decompression bomb is refused before it costs memory.
"""

from __future__ import annotations

import datetime as dt
import stat
import struct
import warnings
from pathlib import Path
from typing import Any

from PIL import Image, ImageFile, UnidentifiedImageError

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.records import PhotoMeta

MAX_PIXELS = 200_000_000
"""Phones reach about 200 megapixels; anything larger is refused before decoding."""
DECODE_BUDGET = 320 * 1024 * 1024
"""Memory one photo may take to decode, so that an import peaks under 500 MB beside the app itself."""
BASELINE_JPEG_BYTES = 0.25
BYTES_PER_PIXEL = {"PNG": 5.0, "TIFF": 5.0, "WEBP": 16.0, "HEIF": 5.0}
"""Decoding memory per pixel, measured with bench/photo_ingest.py (Pillow keeps RGB as 4 bytes a pixel; its WebP
decoder holds several RGBA canvases; libheif its decoded RGB, reduced strip by strip)."""
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
    _check_file(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns about broken EXIF; the EXIF is then ignored
            image = Image.open(path)
    except Image.DecompressionBombError:
        raise PhotoError(f"{path}: the image is larger than the {MAX_PIXELS // 1_000_000} MP limit") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise PhotoError(f"{path}: {describe(error)}") from None
    if image.format not in FORMATS:
        image.close()
        raise PhotoError(f"{path}: {image.format} images are not supported (JPEG, PNG, WebP, TIFF or HEIC)")
    problem = size_problem(image)
    if problem:
        image.close()
        raise PhotoError(f"{path}: {problem}")
    return image


def _check_file(path: Path) -> None:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise PhotoError(f"{path}: no such file") from None
    except OSError as error:
        raise PhotoError(f"{path}: cannot be read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise PhotoError(f"{path}: is a folder, not a photo; choose the photos in it")
    if not stat.S_ISREG(info.st_mode):
        raise PhotoError(f"{path}: is not a regular file")
    if info.st_size == 0:
        raise PhotoError(f"{path}: the file is empty (0 bytes)")


def size_problem(image: Image.Image) -> str | None:
    """Why the image is too large to decode within the memory budget, or None. Sizes come from the header."""
    width, height = image.size
    pixels, limit = width * height, MAX_PIXELS // 1_000_000
    if pixels > MAX_PIXELS:
        return f"{width} x {height} pixels is larger than the {limit} MP limit"
    per_pixel = decode_bytes_per_pixel(image)
    allowed = min(MAX_PIXELS, int(DECODE_BUDGET / per_pixel))
    if pixels <= allowed:
        return None
    kind = "progressive JPEG" if image.format in ("JPEG", "MPO") else str(image.format)
    return (
        f"at {pixels / 1e6:.0f} MP, this {kind} needs more memory to open than the app allows "
        f"({kind} photos up to {allowed / 1e6:.0f} MP); save it as a JPEG or make it smaller"
    )


def decode_bytes_per_pixel(image: Image.Image) -> float:
    """Peak memory per pixel of making the renditions, measured (bench/photo_ingest.py prints them). A baseline
    JPEG is decoded at an eighth of its size; a progressive one keeps every coefficient (2 bytes a sample) until
    its last scan; other formats are decoded whole."""
    if image.format in ("JPEG", "MPO"):
        if not image.info.get("progressive") and not _scans_apart(image):
            return BASELINE_JPEG_BYTES
        layers: list[tuple[Any, int, int, Any]] = getattr(image, "layer", None) or [(0, 1, 1, 0)]
        most = max(h * v for _, h, v, _ in layers) or 1
        return 2.0 * sum(h * v for _, h, v, _ in layers) / most + BASELINE_JPEG_BYTES
    deep = 2 if image.mode in ("I;16", "I;16B", "I;16L", "I", "F") or image.info.get("bit_depth", 8) > 8 else 1
    return BYTES_PER_PIXEL.get(str(image.format), 16) * deep


def _scans_apart(image: Image.Image) -> bool:
    """A baseline JPEG whose first scan does not hold every component (one scan per colour): libjpeg then keeps every
    coefficient, as for a progressive one. Read from the headers before the first scan; unreadable counts as apart."""
    try:
        with Path(str(getattr(image, "filename", ""))).open("rb") as handle:
            return _first_scan_components(handle) < len(getattr(image, "layer", None) or [0])
    except (OSError, ValueError, struct.error):
        return True


def _first_scan_components(handle: Any) -> int:
    if handle.read(2) != b"\xff\xd8":
        raise ValueError("not a JPEG")
    for _ in range(1000):  # segments before the first scan; a file with more is not one a camera made
        marker = handle.read(2)
        while marker[1:] == b"\xff":  # fill bytes
            marker = marker[1:] + handle.read(1)
        (length,) = struct.unpack(">H", handle.read(2))
        if marker == b"\xff\xda":
            return int(handle.read(1)[0])
        handle.seek(length - 2, 1)
    raise ValueError("no scan")


def describe(error: BaseException) -> str:
    """What a decoding error means, in words (Pillow's own say 'Truncated File Read', 'MAX_TEXT_CHUNK'...)."""
    text = str(error) or type(error).__name__
    lowered = text.lower()
    if isinstance(error, UnidentifiedImageError) or "cannot identify image file" in lowered:
        return "not an image this app can read (JPEG, PNG, WebP, TIFF or HEIC)"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a photo"
    if isinstance(error, PermissionError):
        return "cannot be read (permission denied)"
    if "truncated" in lowered or "premature end" in lowered or "end of file" in lowered:
        return "the file ends before its image data does: it is incomplete (was its copy cut off?)"
    if "text chunk" in lowered or "max_text" in lowered:
        return "it carries more text metadata than the app reads (over 1 MB); save it again without metadata"
    if isinstance(error, OSError) and error.strerror:
        return f"cannot be read ({error.strerror})"
    return "the image data is damaged"


def read_meta(image: Image.Image) -> PhotoMeta:
    exif = _exif(image)
    orientation = exif.get(ORIENTATION, 1) if isinstance(exif.get(ORIENTATION, 1), int) else 1
    orientation = orientation if 1 <= orientation <= 8 else 1
    width, height = _stored_size(image)
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    fmt = str(image.format)
    return PhotoMeta(fmt, FORMATS[fmt], width, height, orientation, _captured(exif), _model(exif), _gps(exif))


def _stored_size(image: Image.Image) -> tuple[int, int]:
    """The size of the pixels as stored, before the orientation turns them. Pillow reports a TIFF's size already
    turned, other formats' as stored."""
    if image.format == "TIFF":
        tags = getattr(image, "tag_v2", {})
        width, height = tags.get(256), tags.get(257)
        if isinstance(width, int) and isinstance(height, int):
            return width, height
    return image.size


def _exif(image: Image.Image) -> Any:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if image.format == "PNG":  # Pillow decodes a whole PNG to look for EXIF after its pixels: only before
                exif = Image.Exif()
                if image.info.get("exif"):
                    exif.load(image.info["exif"])
                return exif
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
