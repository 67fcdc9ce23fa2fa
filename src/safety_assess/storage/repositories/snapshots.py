"""Frozen copies of the exact checklist each assessment was started from."""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from sqlalchemy import select

from safety_assess.domain.checklist import Checklist
from safety_assess.domain.checklist.parse import migrate_document
from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.records import SnapshotInfo
from safety_assess.storage.database import Database
from safety_assess.storage.orm import ChecklistSnapshotRow


def snapshot_document(checklist: Checklist) -> dict[str, Any]:
    document: dict[str, Any] = checklist.model_dump(mode="json")
    return document


def document_hash(document: dict[str, Any]) -> str:
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def snapshot_info(row: ChecklistSnapshotRow) -> SnapshotInfo:
    return SnapshotInfo(row.id, row.checklist_id, row.version, row.title, row.sha256)


class SnapshotRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    def snapshot(self, checklist: Checklist) -> SnapshotInfo:
        """The snapshot of exactly this content, stored once however many assessments use it."""
        document = snapshot_document(checklist)
        digest = document_hash(document)
        with self._db.session() as session:
            row = session.scalar(
                select(ChecklistSnapshotRow).where(
                    ChecklistSnapshotRow.checklist_id == checklist.id,
                    ChecklistSnapshotRow.version == checklist.version,
                    ChecklistSnapshotRow.sha256 == digest,
                )
            )
            if row is None:
                row = ChecklistSnapshotRow(
                    checklist_id=checklist.id,
                    version=checklist.version,
                    title=checklist.title,
                    sha256=digest,
                    document=document,
                )
                session.add(row)
                session.flush()
            return snapshot_info(row)

    def checklist(self, snapshot_id: uuid.UUID) -> Checklist:
        with self._db.session() as session:
            row = session.get(ChecklistSnapshotRow, snapshot_id)
            if row is None:
                raise NotFoundError(f"no checklist snapshot {snapshot_id}")
            cached = _PARSED.get(row.sha256)
            if cached is None:
                cached = _PARSED[row.sha256] = load_snapshot(row.document)
            return cached


_PARSED: dict[str, Checklist] = {}
"""Snapshots never change, so a parsed one is shared, keyed by its content hash."""


def load_snapshot(document: dict[str, Any]) -> Checklist:
    """A stored snapshot as it was accepted then: migrated to today's format, but not re-judged by today's rules."""
    return Checklist.model_validate(migrate_document(dict(document)))
