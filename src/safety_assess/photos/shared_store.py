"""The photo store on a shared server: every file stored is also sent to the server (photos/blobs.py), and a file
this computer lacks is fetched from it, so every staff computer sees every photo.

The data folder's photos folder stays what it was, and becomes this computer's copy of the server's files: a file
read is streamed from the server into it (a chunk at a time, whole or not at all) and then read like any other, so
decoding, reports, bundles and campus packs work on files as before. A file is on the server before the record that
refers to it is committed, since an import stores its photos first.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable
from pathlib import Path

from safety_assess.domain.blobs import BlobKey
from safety_assess.photos.blobs import ORIGINAL, BlobStore
from safety_assess.photos.store import ORPHAN_AGE_S, RENDITIONS, PhotoStore

log = logging.getLogger(__name__)


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
        if self.blobs.complete(keys) != keys:
            return False
        self.blobs.claim(sha256)  # the record about to refer to them is not committed yet: the clean-up waits
        return True

    def remove_orphans(self, referenced: Iterable[str], now: float | None = None) -> list[Path]:
        """This computer's copies no record refers to, as anywhere; then the server's blobs no photo or plan refers
        to any more, when stored or last claimed before the same age (an import may be under way elsewhere)."""
        keep = set(referenced)
        removed = super().remove_orphans(keep, now)
        cutoff = dt.datetime.fromtimestamp((now if now is not None else time.time()) - ORPHAN_AGE_S, dt.UTC)
        gone = self.blobs.remove_unreferenced(keep, cutoff)
        if gone:
            log.info("removed %d photo files from the server that no record refers to", gone)
        return removed

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
