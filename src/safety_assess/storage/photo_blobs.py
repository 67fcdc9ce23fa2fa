"""Photo files on the shared server: the chunk table the photo store writes blobs to and reads them from (the
chunking itself is photos/blobs.py). Each call is one transaction; a blob is read only once marked complete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import delete, exists, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from safety_assess.domain.blobs import BlobKey, BlobState
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.storage.database import Database
from safety_assess.storage.orm import PhotoBlobRow, PhotoChunkRow, PhotoRow
from safety_assess.storage.orm_maps import SiteMapRow
from safety_assess.storage.types import utcnow

BATCH = 500
"""Hashes asked about in one statement."""


class BlobStorageError(SafetyAssessError):
    """A photo file on the server is not whole."""


class DatabaseChunks:
    """The ``ChunkTable`` of photos/blobs.py in the tables photo_blobs and photo_chunks (migration 0013)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def state(self, key: BlobKey) -> BlobState | None:
        with self._db.session() as session:
            row = session.get(PhotoBlobRow, (key.sha256, key.kind))
            if row is None:
                return None
            stored = row.chunks if row.complete else _stored(session, key, row.digest, row.chunks)
            return BlobState(row.extension, row.size, row.digest, row.chunks, stored, row.complete)

    def begin(self, key: BlobKey, extension: str, size: int, digest: str, chunks: int) -> int | None:
        with self._db.session() as session:
            values = {"sha256": key.sha256, "kind": key.kind, "extension": extension, "size": size}
            values |= {"digest": digest, "chunks": chunks, "complete": False}
            session.execute(_insert(session, PhotoBlobRow).values(**values).on_conflict_do_nothing())
            row = session.get(PhotoBlobRow, (key.sha256, key.kind), with_for_update=True, populate_existing=True)
            assert row is not None  # inserted above, or there already; blobs are never removed while in use
            if row.complete:
                return None
            row.extension, row.size, row.digest, row.chunks = extension, size, digest, chunks  # the last to begin
            return _stored(session, key, digest, chunks)

    def put_chunk(self, key: BlobKey, digest: str, position: int, data: bytes) -> None:
        with self._db.session() as session:
            values = {"sha256": key.sha256, "kind": key.kind, "digest": digest, "position": position, "data": data}
            statement = _insert(session, PhotoChunkRow).values(**values)
            columns = ["sha256", "kind", "digest", "position"]
            session.execute(statement.on_conflict_do_update(index_elements=columns, set_={"data": data}))

    def finish(self, key: BlobKey, digest: str) -> bool:
        with self._db.session() as session:
            row = session.get(PhotoBlobRow, (key.sha256, key.kind), with_for_update=True)
            if row is None or row.complete or row.digest != digest:  # other bytes began since: theirs are kept
                session.execute(delete(PhotoChunkRow).where(*_of(key), PhotoChunkRow.digest == digest))
                return False
            if _stored(session, key, digest, row.chunks) != row.chunks:
                raise BlobStorageError(f"photo {key.sha256[:12]}: its {key.kind} did not reach the server whole")
            session.execute(delete(PhotoChunkRow).where(*_of(key), PhotoChunkRow.digest != digest))
            row.complete = True
            return True

    def chunk(self, key: BlobKey, digest: str, position: int) -> bytes:
        with self._db.session() as session:
            data = session.scalar(
                select(PhotoChunkRow.data).where(
                    *_of(key), PhotoChunkRow.digest == digest, PhotoChunkRow.position == position
                )
            )
        if data is None:
            raise BlobStorageError(f"photo {key.sha256[:12]}: part of its {key.kind} is missing on the server")
        return bytes(data)

    def complete(self, keys: Iterable[BlobKey]) -> set[BlobKey]:
        wanted = set(keys)
        hashes = sorted({key.sha256 for key in wanted})
        found: set[BlobKey] = set()
        with self._db.session() as session:
            for start in range(0, len(hashes), BATCH):
                rows = session.execute(
                    select(PhotoBlobRow.sha256, PhotoBlobRow.kind).where(
                        PhotoBlobRow.sha256.in_(hashes[start : start + BATCH]), PhotoBlobRow.complete.is_(True)
                    )
                )
                found.update(BlobKey(sha, kind) for sha, kind in rows)
        return found & wanted

    def original_extension(self, sha256: str) -> str | None:
        with self._db.session() as session:
            return session.scalar(
                select(PhotoBlobRow.extension).where(
                    PhotoBlobRow.sha256 == sha256, PhotoBlobRow.kind == "original", PhotoBlobRow.complete.is_(True)
                )
            )

    def claim(self, sha256: str) -> None:
        with self._db.session() as session:
            session.execute(update(PhotoBlobRow).where(PhotoBlobRow.sha256 == sha256).values(created_at=utcnow()))

    def remove_unreferenced(self, referenced: Collection[str], before: dt.datetime) -> int:
        """See photos/blobs.ChunkTable. Each batch checks again, as it deletes, that no photo or site plan refers to
        the hash (one may have been committed since ``referenced`` was read); the chunks go with their blob."""
        with self._db.session() as session:
            old = set(session.scalars(select(PhotoBlobRow.sha256).where(PhotoBlobRow.created_at < before).distinct()))
        unreferenced = sorted(old - set(referenced))
        removed = 0
        for start in range(0, len(unreferenced), BATCH):
            with self._db.session() as session:
                removed += _remove(session, unreferenced[start : start + BATCH], before)
        return removed


def _remove(session: Session, hashes: list[str], before: dt.datetime) -> int:
    blob = PhotoBlobRow
    gone = select(blob.sha256, blob.kind).where(
        blob.sha256.in_(hashes),
        blob.created_at < before,
        ~exists().where(PhotoRow.sha256 == blob.sha256),
        ~exists().where(SiteMapRow.sha256 == blob.sha256),
    )
    keys = [tuple(row) for row in session.execute(gone.with_for_update(of=blob))]
    for sha256, kind in keys:  # the chunks first: SQLite enforces the foreign key's cascade only when told to
        session.execute(delete(PhotoChunkRow).where(PhotoChunkRow.sha256 == sha256, PhotoChunkRow.kind == kind))
        session.execute(delete(blob).where(blob.sha256 == sha256, blob.kind == kind))
    return len(keys)


def _of(key: BlobKey) -> tuple[Any, Any]:
    return PhotoChunkRow.sha256 == key.sha256, PhotoChunkRow.kind == key.kind


def _stored(session: Session, key: BlobKey, digest: str, chunks: int) -> int:
    """How many chunks of ``digest`` are stored from the first without a gap (they are sent in order)."""
    positions = session.scalars(
        select(PhotoChunkRow.position)
        .where(*_of(key), PhotoChunkRow.digest == digest, PhotoChunkRow.position < chunks)
        .order_by(PhotoChunkRow.position)
    )
    count = 0
    for position in positions:
        if position != count:
            break
        count += 1
    return count


def _insert(session: Session, table: Any) -> Any:
    """An INSERT that can be told what to do when the row is there (both dialects spell it alike)."""
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
