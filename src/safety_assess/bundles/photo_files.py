"""Which bytes of a photo go into a bundle: never more than may leave the laptop.

- A photo with redactions: its report rendition with the redactions burned in (the original must not travel).
- Any other JPEG: its primary image, reduced without re-encoding to what decoding needs (photos/strip.py: no
  EXIF, XMP, comments or other APPn, no secondary images or motion-photo video after it); when its structure cannot
  be followed, the report rendition.
- Other formats (HEIC, PNG, WebP, TIFF): the report rendition, which carries no metadata.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image

from safety_assess.domain.records import PhotoRecord
from safety_assess.photos.annotations import REDACTIONS, burn_in, parse_annotations
from safety_assess.photos.decode import PhotoError
from safety_assess.photos.ingest import rendition_of
from safety_assess.photos.render import jpeg
from safety_assess.photos.store import PhotoStore
from safety_assess.photos.strip import ORIENTATION_TAG, strip_jpeg

JPEG_EXTENSIONS = frozenset({"jpg", "jpeg"})


@dataclass(frozen=True)
class PhotoFile:
    data: bytes
    extension: str
    kind: str
    """'original' (metadata removed) or 'rendition' (1600 px, redactions burned in where there are any)."""


def bundle_photo(store: PhotoStore, photo: PhotoRecord) -> PhotoFile:
    """The bytes to put in a bundle for ``photo`` (PhotoError or OSError when its files cannot be read)."""
    redactions = [a for a in parse_annotations(list(photo.annotations)) if a.shape in REDACTIONS]
    if redactions:
        with Image.open(rendition_of(store, photo.sha256, "report")) as image:
            return PhotoFile(jpeg(burn_in(image, redactions), 85), "jpg", "rendition")
    if photo.extension.lower() in JPEG_EXTENSIONS:
        data = store.original(photo.sha256, photo.extension).read_bytes()
        try:
            return PhotoFile(strip_jpeg(data, _orientation(data)), "jpg", "original")
        except PhotoError:
            pass  # a structure strip_jpeg cannot follow: the rendition, which was decoded, goes instead
    return PhotoFile(rendition_of(store, photo.sha256, "report").read_bytes(), "jpg", "rendition")


def _orientation(data: bytes) -> int:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns about a damaged EXIF block; the photo is upright then
            with Image.open(io.BytesIO(data)) as image:
                value = image.getexif().get(ORIENTATION_TAG, 1)
    except (OSError, SyntaxError, ValueError):
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1
