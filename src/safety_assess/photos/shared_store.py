"""The photo store on a shared server: every file stored is also sent to the server (photos/blobs.py), and a file
this computer lacks is fetched from it, so every staff computer sees every photo.

The data folder's photos folder stays what it was, and becomes this computer's copy of the server's files: a file
read is streamed from the server into it (a chunk at a time, whole or not at all) and then read like any other, so
decoding, reports, bundles and campus packs work on files as before. A file is on the server before the record that
refers to it is committed, since an import stores its photos first.
"""

from __future__ import annotations

from pathlib import Path

from safety_assess.domain.blobs import BlobKey
from safety_assess.photos.blobs import ORIGINAL, BlobStore
from safety_assess.photos.store import RENDITIONS, PhotoStore


class SharedPhotoStore(PhotoStore):
    def __init__(self, root: Path, blobs: BlobStore) -> None:
        super().__init__(root)
        self.blobs = blobs

    def original(self, sha256: str, extension: str) -> Path:
        path = self._original_at(sha256, extension)
        if not path.is_file():
            self.blobs.download(BlobKey(sha256, ORIGINAL), path)
        return path

    def rendition(self, sha256: str, kind: str) -> Path:
        path = self._rendition_at(sha256, kind)
        if not path.is_file():
            self.blobs.download(BlobKey(sha256, kind), path)
        return path

    def find_original(self, sha256: str) -> Path | None:
        local = self.local_original(sha256)
        if local is not None:
            return local
        extension = self.blobs.original_extension(sha256)
        if extension is None:
            return None
        path = self.original(sha256, extension)
        return path if path.is_file() else None

    def has(self, sha256: str, extension: str) -> bool:
        """The original and both renditions are on the server (a photo imported again is not decoded again)."""
        keys = {BlobKey(sha256, kind) for kind in (ORIGINAL, *RENDITIONS)}
        return self.blobs.complete(keys) == keys

    def put(self, source: Path, extension: str) -> tuple[str, Path]:
        sha256, target = super().put(source, extension)
        self.blobs.upload(BlobKey(sha256, ORIGINAL), extension, target)
        return sha256, target

    def adopt(self, source: Path, sha256: str, extension: str, *, flush: bool = True) -> Path:
        target = super().adopt(source, sha256, extension, flush=flush)
        self.blobs.upload(BlobKey(sha256, ORIGINAL), extension, target)
        return target

    def write_rendition(self, sha256: str, kind: str, data: bytes) -> Path:
        target = super().write_rendition(sha256, kind, data)
        self.blobs.upload(BlobKey(sha256, kind), "jpg", target)
        return target
