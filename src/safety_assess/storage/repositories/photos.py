"""Photo records of an assessment (the files themselves are in the photo store)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.records import PhotoMeta, PhotoRecord
from safety_assess.storage.database import Database
from safety_assess.storage.orm import PhotoRow, same_instance
from safety_assess.storage.repositories.answers import editable
from safety_assess.storage.types import utcnow


class StoredFile(Protocol):
    """What the photo store says of a file it holds."""

    @property
    def sha256(self) -> str: ...
    @property
    def filename(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def meta(self) -> PhotoMeta: ...


def photo_record(row: PhotoRow) -> PhotoRecord:
    gps = (row.gps_lat, row.gps_lon) if row.gps_lat is not None and row.gps_lon is not None else None
    return PhotoRecord(
        row.id,
        row.assessment_id,
        row.item_id,
        row.instance_id,
        row.sha256,
        row.extension,
        row.filename,
        row.width,
        row.height,
        row.captured_at,
        row.camera_model,
        gps,
        row.caption,
        row.position,
        tuple(row.annotations or ()),
        row.finding_id,
    )


class PhotoRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    def add(
        self,
        assessment_id: uuid.UUID,
        item_id: str | None,
        instance_id: uuid.UUID | None,
        stored: StoredFile,
        caption: str = "",
        finding_id: uuid.UUID | None = None,
        photo_id: uuid.UUID | None = None,
    ) -> PhotoRecord:
        """Record a stored photo against an item (or a manual finding: no item, ``finding_id``), after the ones
        already there; under ``photo_id`` when given (chosen before an import, see services.photo_journal)."""
        meta = stored.meta
        with self._db.session() as session:
            editable(session, assessment_id)
            target = (
                PhotoRow.finding_id == finding_id
                if item_id is None
                else (PhotoRow.item_id == item_id) & same_instance(PhotoRow.instance_id, instance_id)
            )
            last = session.scalar(
                select(func.max(PhotoRow.position)).where(PhotoRow.assessment_id == assessment_id, target)
            )
            row = PhotoRow(
                id=photo_id or uuid.uuid4(),
                assessment_id=assessment_id,
                item_id=item_id,
                instance_id=instance_id,
                finding_id=finding_id,
                sha256=stored.sha256,
                extension=meta.extension,
                filename=stored.filename[:255],
                size=stored.size,
                width=meta.width,
                height=meta.height,
                captured_at=meta.captured_at,
                camera_model=meta.camera_model,
                gps_lat=meta.gps[0] if meta.gps else None,
                gps_lon=meta.gps[1] if meta.gps else None,
                caption=caption.strip(),
                position=(last if last is not None else -1) + 1,
                annotations=[],
            )
            session.add(row)
            session.flush()
            return photo_record(row)

    def list(self, assessment_id: uuid.UUID) -> list[PhotoRecord]:
        """The assessment's photos (not deleted), by item and position."""
        with self._db.session() as session:
            rows = session.scalars(
                select(PhotoRow)
                .where(PhotoRow.assessment_id == assessment_id, PhotoRow.deleted_at.is_(None))
                .order_by(PhotoRow.item_id, PhotoRow.instance_id, PhotoRow.position)
            )
            return [photo_record(r) for r in rows]

    def set_caption(self, photo_id: uuid.UUID, caption: str) -> PhotoRecord:
        with self._db.session() as session:
            row = self._editable_row(session, photo_id)
            row.caption = caption.strip()
            return photo_record(row)

    def set_annotations(self, photo_id: uuid.UUID, annotations: Sequence[dict[str, object]]) -> PhotoRecord:
        with self._db.session() as session:
            row = self._editable_row(session, photo_id)
            row.annotations = list(annotations)
            return photo_record(row)

    def get(self, photo_id: uuid.UUID) -> PhotoRecord:
        with self._db.session() as session:
            row = session.get(PhotoRow, photo_id)
            if row is None:
                raise NotFoundError(f"no photo {photo_id}")
            return photo_record(row)

    def reorder(self, ordered: Sequence[uuid.UUID]) -> None:
        with self._db.session() as session:
            for position, photo_id in enumerate(ordered):
                self._editable_row(session, photo_id).position = position

    def delete(self, photo_id: uuid.UUID) -> None:
        """Hide the photo (it can be restored); the file stays while any record refers to it."""
        with self._db.session() as session:
            self._editable_row(session, photo_id).deleted_at = utcnow()

    def restore(self, photo_id: uuid.UUID) -> None:
        with self._db.session() as session:
            self._editable_row(session, photo_id).deleted_at = None

    def known(self, photo_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """Which of ``photo_ids`` have a record (deleted ones included)."""
        with self._db.session() as session:
            return set(session.scalars(select(PhotoRow.id).where(PhotoRow.id.in_(photo_ids))))

    def referenced_hashes(self) -> set[str]:
        """Every hash any photo record refers to, deleted ones included (they can be restored)."""
        with self._db.session() as session:
            return set(session.scalars(select(PhotoRow.sha256).distinct()))

    def stored_sizes(self, extensions: Sequence[str]) -> dict[tuple[str, str], tuple[int, int]]:
        """(hash, extension) -> the width and height recorded, for the photos stored in these formats."""
        with self._db.session() as session:
            rows = session.execute(
                select(PhotoRow.sha256, PhotoRow.extension, PhotoRow.width, PhotoRow.height)
                .where(PhotoRow.extension.in_(list(extensions)))
                .distinct()
            )
            return {(sha, extension): (width, height) for sha, extension, width, height in rows}

    def correct_size(self, sha256: str, width: int, height: int) -> None:
        """Record the size the photo is shown at, for every record of that file (a measured fact put right, not an
        edit: completed assessments too)."""
        with self._db.session() as session:
            for row in session.scalars(select(PhotoRow).where(PhotoRow.sha256 == sha256)):
                row.width, row.height = width, height

    @staticmethod
    def _editable_row(session: Session, photo_id: uuid.UUID) -> PhotoRow:
        row = session.get(PhotoRow, photo_id)
        if row is None:
            raise NotFoundError(f"no photo {photo_id}")
        editable(session, row.assessment_id)
        return row
