"""How far a bundle export is, in bytes: the photo files make up most of a bundle, so the bar moves as each one is
written rather than once per assessment."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from safety_assess.base.jobs import Progress
from safety_assess.photos.store import PhotoStore
from safety_assess.storage.repositories import PhotoRepository

DOCUMENT_BYTES = 16 * 1024
"""What an assessment's document is reckoned to take, beside its photos."""

MB = 1024 * 1024


class ByteMeter:
    """Reports the bytes written against the expected total (the photos' original sizes, and the documents)."""

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress, self.total = progress, max(total, 1)
        self.done = 0
        self.where = ""

    @classmethod
    def expecting(
        cls, progress: Progress, photos: PhotoRepository, store: PhotoStore, ids: Iterable[uuid.UUID]
    ) -> ByteMeter:
        ids = list(ids)
        sizes = (_size(store, p.sha256, p.extension) for i in ids for p in photos.list(i))
        return cls(progress, sum(sizes) + DOCUMENT_BYTES * len(ids))

    def at(self, where: str) -> None:
        """Now writing ``where`` (an assessment of the batch)."""
        self.where = where
        self._report()

    def wrote(self, size: int) -> None:
        self.done += size
        self._report()

    def _report(self) -> None:
        # the total is an estimate: the bar stops short of the end until the export says it is done
        done = min(self.done, self.total - 1)
        self.progress.report(done, self.total, f"{self.where} · {_mb(self.done)} of about {_mb(self.total)} written")


def _size(store: PhotoStore, sha256: str, extension: str) -> int:
    try:
        return store.original(sha256, extension).stat().st_size
    except OSError:
        return 0


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB"
