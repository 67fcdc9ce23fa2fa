"""Import one photo file: check it, store the original, make its renditions."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from safety_assess.domain.records import PhotoMeta
from safety_assess.photos.decode import PhotoError, open_image, read_meta
from safety_assess.photos.render import renditions
from safety_assess.photos.store import CHUNK, PhotoStore


@dataclass(frozen=True)
class Ingested:
    sha256: str
    meta: PhotoMeta
    filename: str
    size: int


def ingest(store: PhotoStore, path: Path) -> Ingested:
    """Store the photo at ``path`` (original and renditions) or raise PhotoError naming the file and the reason.

    A photo already in the store is not decoded again. Nothing is stored for a file that cannot be decoded.
    """
    with open_image(path) as image:
        meta = read_meta(image)
    sha = _sha256(path)
    if not store.has(sha, meta.extension):
        made = renditions(path)
        stored, _ = store.put(path, meta.extension)
        if stored != sha:
            raise PhotoError(f"{path}: the file changed while it was being imported; try again")
        for kind, data in made.items():
            store.write_rendition(sha, kind, data)
    return Ingested(sha, meta, path.name, path.stat().st_size)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
    except OSError as error:
        raise PhotoError(f"{path}: cannot be read ({error.strerror or error})") from None
    return digest.hexdigest()


def remake_renditions(store: PhotoStore, sha256: str, extension: str) -> dict[str, bytes]:
    """Make and store the renditions of an original already in the store (lost ones, or one that came in a
    bundle); PhotoError when the original is missing or cannot be decoded."""
    original = store.original(sha256, extension)
    if not original.is_file():
        raise PhotoError(f"{original.name}: missing from the photo store")
    made = renditions(original)
    for kind, data in made.items():
        store.write_rendition(sha256, kind, data)
    return made


def rendition_of(store: PhotoStore, sha256: str, kind: str) -> Path:
    """The path of a rendition, made first when it is missing (photos that came in a bundle get theirs when
    first shown); PhotoError when the original is missing or cannot be decoded."""
    path = store.rendition(sha256, kind)
    if path.is_file():
        return path
    original = store.find_original(sha256)
    if original is None:
        raise PhotoError(f"photo {sha256[:12]}: missing from the photo store")
    remake_renditions(store, sha256, original.suffix[1:])
    return path


def shown_rendition(store: PhotoStore, sha256: str, kind: str) -> Path:
    """For display: the rendition's path, made when missing; when it cannot be made, the (missing) path, which
    shows as an empty picture rather than an error."""
    try:
        return rendition_of(store, sha256, kind)
    except PhotoError:
        return store.rendition(sha256, kind)
