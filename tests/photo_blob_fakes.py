"""A chunk table in memory, for the tests of photos/blobs.py that need no database, and one that fails on cue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from safety_assess.domain.blobs import BlobKey, BlobState
from safety_assess.domain.errors import SafetyAssessError


class ServerGone(SafetyAssessError):
    """What a test raises where the server would have gone away."""


@dataclass
class _Blob:
    extension: str
    size: int
    digest: str
    chunks: int
    complete: bool = False
    data: dict[tuple[str, int], bytes] = field(default_factory=dict)
    """(digest, position) -> the chunk."""


@dataclass
class FakeChunks:
    """The ``ChunkTable`` protocol over dictionaries; ``fail_after`` chunks written, the next write raises."""

    blobs: dict[BlobKey, _Blob] = field(default_factory=dict)
    written: list[tuple[BlobKey, int]] = field(default_factory=list)
    fail_after: int | None = None
    claimed: list[str] = field(default_factory=list)
    """The hashes claimed, in order (the fake keeps no times: every blob counts as old)."""

    def state(self, key: BlobKey) -> BlobState | None:
        blob = self.blobs.get(key)
        if blob is None:
            return None
        return BlobState(blob.extension, blob.size, blob.digest, blob.chunks, self._stored(blob), blob.complete)

    def begin(self, key: BlobKey, extension: str, size: int, digest: str, chunks: int) -> int | None:
        blob = self.blobs.setdefault(key, _Blob(extension, size, digest, chunks))
        if blob.complete:
            return None
        blob.extension, blob.size, blob.digest, blob.chunks = extension, size, digest, chunks
        return self._stored(blob)

    def put_chunk(self, key: BlobKey, digest: str, position: int, data: bytes) -> None:
        if self.fail_after is not None and len(self.written) >= self.fail_after:
            raise ServerGone("the server went away")
        self.written.append((key, position))
        self.blobs[key].data[digest, position] = bytes(data)

    def finish(self, key: BlobKey, digest: str) -> bool:
        blob = self.blobs[key]
        if blob.complete or blob.digest != digest:
            blob.data = {at: data for at, data in blob.data.items() if at[0] != digest}
            return False
        if self._stored(blob) != blob.chunks:
            raise ServerGone("not whole")
        blob.data = {at: data for at, data in blob.data.items() if at[0] == digest}
        blob.complete = True
        return True

    def chunk(self, key: BlobKey, digest: str, position: int) -> bytes:
        return self.blobs[key].data[digest, position]

    def complete(self, keys: Iterable[BlobKey]) -> set[BlobKey]:
        return {key for key in keys if key in self.blobs and self.blobs[key].complete}

    def original_extension(self, sha256: str) -> str | None:
        blob = self.blobs.get(BlobKey(sha256, "original"))
        return blob.extension if blob is not None and blob.complete else None

    def claim(self, sha256: str) -> None:
        self.claimed.append(sha256)

    def remove_unreferenced(self, referenced: Collection[str], before: dt.datetime) -> int:
        gone = [key for key in self.blobs if key.sha256 not in referenced]
        for key in gone:
            del self.blobs[key]
        return len(gone)

    @staticmethod
    def _stored(blob: _Blob) -> int:
        count = 0
        while (blob.digest, count) in blob.data and count < blob.chunks:
            count += 1
        return count
