"""A site or floor plan's image made clean to keep: turned upright, then encoded again with nothing but its pixels.

A plan is confidential (where the doors and cameras of a school are); the file it came in may say who drew it, with
what, when and where (EXIF, XMP, ICC profile descriptions, PNG text chunks, comments, data after the image). None of
it is kept: the pixels are decoded and written anew, a PNG as PNG, a JPEG as JPEG (quality 92), anything else as PNG.
Colour in an embedded ICC profile is converted to sRGB first, so the plan looks the same without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from safety_assess.domain.sitemap.model import MapError
from safety_assess.photos.decode import DECODE_BUDGET, PhotoError, describe, open_image
from safety_assess.photos.store import PhotoStore

JPEG_QUALITY = 92
BYTES_PER_PIXEL = 8.0
"""A plan is decoded whole (4 bytes a pixel in Pillow), then turned or converted into a second copy."""
MAX_PLAN_PIXELS = int(DECODE_BUDGET / BYTES_PER_PIXEL)
NOT_READABLE = "not an image or PDF this app can read (PNG, JPEG, WebP, TIFF, HEIC or PDF)"
PHOTO_WORDS = (
    ("is a folder, not a photo; choose the photos in it", "is a folder, not a plan; choose the plan's file in it"),
    ("(JPEG, PNG, WebP, TIFF or HEIC)", "(PNG, JPEG, WebP, TIFF, HEIC or PDF)"),
    (" photos up to ", " images up to "),
)
"""What the photo decoder says, as said of a plan."""


@dataclass(frozen=True)
class CleanPlan:
    data: bytes
    extension: str
    width: int
    height: int


def clean_plan(path: Path, shown: str | None = None) -> CleanPlan:
    """The plan image at ``path``, upright and without metadata; MapError naming the file (as ``shown``, when
    given) and what is wrong."""
    try:
        image = open_image(path)
    except PhotoError as error:
        raise MapError(_plain(path, shown, error)) from None
    with image:
        width, height = image.size
        if width * height > MAX_PLAN_PIXELS:
            raise MapError(
                f"{shown or path}: at {width * height / 1e6:.0f} MP this plan needs more memory to open than the app "
                f"allows (plans up to {MAX_PLAN_PIXELS / 1e6:.0f} MP); save it smaller"
            )
        try:
            return _encode(_upright(image), "jpg" if image.format in ("JPEG", "MPO") else "png")
        except (OSError, ValueError, SyntaxError) as error:
            raise MapError(f"{shown or path}: {describe(error)}") from None


def _plain(path: Path, shown: str | None, error: PhotoError) -> str:
    message = str(error)
    if message.endswith(describe(UnidentifiedImageError())):
        message = f"{path}: {NOT_READABLE}"
    for photo, plan in PHOTO_WORDS:
        message = message.replace(photo, plan)
    return message.replace(str(path), shown, 1) if shown else message


def _upright(image: Image.Image) -> Image.Image:
    """The decoded image turned upright by its EXIF orientation, in sRGB, holding nothing but its pixels."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a broken EXIF block: the image stays as stored
        image.load()
        icc, transparency = image.info.get("icc_profile"), image.info.get("transparency")
        with contextlib.suppress(Exception):  # a corrupt EXIF block is ignored, never fatal (as for photos)
            ImageOps.exif_transpose(image, in_place=True)  # turned in place: no second copy of an upright plan
    clean = _to_srgb(image, icc) if icc else image
    clean.info = {} if transparency is None else {"transparency": transparency}  # nothing else it says is kept
    return clean


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    """The image's colours in sRGB; unchanged when its profile cannot be read or does not fit its mode."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        mode = "RGBA" if "A" in image.getbands() else "RGB"
        converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image
    return converted or image


def _encode(image: Image.Image, extension: str) -> CleanPlan:
    out = io.BytesIO()
    if extension == "jpg":
        image = image if image.mode in ("L", "RGB") else image.convert("RGB")
        image.info = {}
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        image = _png_mode(image)
        image.save(out, "PNG")
    return CleanPlan(out.getvalue(), extension, image.width, image.height)


def _png_mode(image: Image.Image) -> Image.Image:
    """The image in a mode PNG keeps as it is, a transparent colour made an alpha channel; no ``info`` left."""
    if "transparency" in image.info:
        image = image.convert("RGBA")
    elif image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I;16"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    image.info = {}
    return image


def plain_png(data: bytes) -> bytes:
    """PNG bytes encoded again with nothing but their pixels (a page the renderer drew: no text chunks, no times)."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return _encode(image, "png").data


def store_plan(store: PhotoStore, plan: CleanPlan) -> str:
    """Keep the clean plan in the photo store under its SHA-256 (once, however often it is imported); its hash."""
    sha256 = hashlib.sha256(plan.data).hexdigest()
    if store.original(sha256, plan.extension).is_file():
        return sha256
    try:
        folder = store.scratch()
    except OSError as error:
        raise MapError(f"the plan could not be stored ({error.strerror or error})") from None
    try:
        written = folder / f"plan.{plan.extension}"
        written.write_bytes(plan.data)
        store.adopt(written, sha256, plan.extension)
    except OSError as error:
        raise MapError(f"the plan could not be stored ({error.strerror or error})") from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return sha256
