"""Photo files kept as blobs on a shared server, written and read a chunk at a time (never whole in memory).

A blob is an original (``kind`` "original", named by its SHA-256) or one of its renditions. Writing one records it
first as incomplete, then sends its chunks, each committed on its own, then marks it complete: only a complete blob
is ever read, so a server that goes away mid-upload leaves nothing anyone sees, and the next upload of the same
file carries on from the chunks already there. Chunks are filed under the digest of the bytes they belong to, so
two computers sending different bytes under one name (a rendition made by another version of the app) never mix
them: the last to begin is the one kept, the other's finish is turned down. Reading streams the chunks into a file
beside the target, checks the digest, then renames it.

The chunks live in whatever ``ChunkTable`` is given: the database (storage.photo_blobs) or, in tests, a fake.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from safety_assess.domain.blobs import BlobKey, BlobState
from safety_assess.photos.decode import PhotoError

ORIGINAL = "original"
"""The kind of a photo's original, named by the SHA-256 of its bytes."""
CHUNK = 1 << 20
"""The largest chunk: 1 MiB."""


class ChunkTable(Protocol):
    """Where the blobs are kept; each call is one transaction of its own."""

    def state(self, key: BlobKey) -> BlobState | None: ...

    def begin(self, key: BlobKey, extension: str, size: int, digest: str, chunks: int) -> int | None:
        """Record the blob as incomplete with these bytes' digest; return how many of their chunks are stored
        already, from the first; None when the blob is complete."""
        ...

    def put_chunk(self, key: BlobKey, digest: str, position: int, data: bytes) -> None: ...

    def finish(self, key: BlobKey, digest: str) -> bool:
        """Mark the blob complete once all the chunks of ``digest`` are stored (an error if they are not); False,
        its chunks removed, when other bytes began since."""
        ...

    def chunk(self, key: BlobKey, digest: str, position: int) -> bytes: ...

    def complete(self, keys: Iterable[BlobKey]) -> set[BlobKey]:
        """Which of ``keys`` are stored complete."""
        ...

    def original_extension(self, sha256: str) -> str | None:
        """The extension of the complete original with this hash; None when there is none."""
        ...

    def claim(self, sha256: str) -> None:
        """A record is about to refer to the blobs of this hash, found stored already: they count as new again, so
        the clean-up (``remove_unreferenced``) leaves them until the record is committed."""
        ...

    def remove_unreferenced(self, referenced: Collection[str], before: dt.datetime) -> int:
        """Remove the blobs (every kind, complete or not, with their chunks) whose hash is not in ``referenced``
        and that were stored or claimed before ``before``; return how many were removed."""
        ...


@dataclass(frozen=True)
class FileFacts:
    size: int
    digest: str


class BlobStore:
    """Blobs written from files and read into files, one chunk at a time."""

    def __init__(self, table: ChunkTable, chunk_size: int = CHUNK) -> None:
        if not 0 < chunk_size <= CHUNK:
            raise ValueError(f"a chunk holds 1 to {CHUNK} bytes, not {chunk_size}")
        self.table, self.chunk_size = table, chunk_size

    def has(self, key: BlobKey) -> bool:
        return bool(self.table.complete([key]))

    def complete(self, keys: Iterable[BlobKey]) -> set[BlobKey]:
        return self.table.complete(keys)

    def original_extension(self, sha256: str) -> str | None:
        return self.table.original_extension(sha256)

    def claim(self, sha256: str) -> None:
        self.table.claim(sha256)

    def remove_unreferenced(self, referenced: Collection[str], before: dt.datetime) -> int:
        return self.table.remove_unreferenced(referenced, before)

    def upload(self, key: BlobKey, extension: str, source: Path, check: Callable[[], None] = lambda: None) -> bool:
        """Store ``source`` as the blob ``key`` unless it is stored already; ``check`` runs before each chunk (it
        raises to stop: what was sent stays incomplete, and the next upload carries on from it). Returns whether
        these bytes were stored (not when the blob was there already, or other bytes took their place)."""
        state = self.table.state(key)
        if state is not None and state.complete:
            self.table.claim(key.sha256)
            return False
        facts = file_facts(source, self.chunk_size)
        count = max(1, -(-facts.size // self.chunk_size))
        start = self.table.begin(key, extension, facts.size, facts.digest, count)
        if start is None:
            self.table.claim(key.sha256)
            return False
        with source.open("rb") as handle:
            handle.seek(start * self.chunk_size)
            for position in range(start, count):
                check()
                self.table.put_chunk(key, facts.digest, position, handle.read(self.chunk_size))
        return self.table.finish(key, facts.digest)

    def download(self, key: BlobKey, target: Path) -> bool:
        """Write the complete blob ``key`` to ``target`` (whole or not at all); False when there is no such blob.
        PhotoError when what arrives is not what was stored, or (an original) not the bytes its name is the hash of."""
        state = self.table.state(key)
        if state is None or not state.complete:
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".tmp-", delete=False) as made:
            partial = Path(made.name)  # its own name: two threads may fetch the same photo at once
        try:
            digest = self._stream(key, state, partial)
            if digest != state.digest or (key.kind == ORIGINAL and digest != key.sha256):  # an original is its hash
                raise PhotoError(f"photo {key.sha256[:12]}: the server's copy of its {key.kind} is damaged")
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
        return True

    def _stream(self, key: BlobKey, state: BlobState, partial: Path) -> str:
        digest = hashlib.sha256()
        with partial.open("wb") as handle:
            for position in range(state.chunks):
                data = self.table.chunk(key, state.digest, position)
                digest.update(data)
                handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        return digest.hexdigest()


def file_facts(path: Path, chunk_size: int = CHUNK) -> FileFacts:
    """A file's size and SHA-256, read a chunk at a time."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while data := handle.read(chunk_size):
            digest.update(data)
            size += len(data)
    return FileFacts(size, digest.hexdigest())
