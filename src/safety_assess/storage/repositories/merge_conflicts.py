"""The clashes merges left in an assessment (merge_conflicts): listed with our value, read from the record as it
is now, and resolved by writing the chosen value as a new edit of this installation, stamped so that it has seen
the clash (it wins wherever the record travels next)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from safety_assess.domain.conflicts import Conflict
from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.merge import Stamps
from safety_assess.storage.bundle_rows import plain_value, typed_value
from safety_assess.storage.database import Database
from safety_assess.storage.edit_stamps import COMPANIONS, STAMPED, installation_of
from safety_assess.storage.orm import (
    ActionRow,
    AssessmentRow,
    Base,
    DeviceRow,
    FindingRow,
    GroupInstanceRow,
    MergeConflictRow,
    ResponseRow,
)
from safety_assess.storage.types import utcnow

TABLES: dict[str, type[Base]] = {table.__tablename__: table for table in STAMPED}


class MergeConflictRepository:
    def __init__(self, database: Database, our_device: str) -> None:
        self._db, self._our_device = database, our_device

    def list(self, assessment_id: uuid.UUID) -> list[Conflict]:
        """The assessment's open conflicts, by item, instance and field (an action's after the answers')."""
        with self._db.session() as session:
            if session.get(AssessmentRow, assessment_id) is None:
                raise NotFoundError(f"no assessment {assessment_id}")
            query = select(MergeConflictRow).where(MergeConflictRow.assessment_id == assessment_id)
            devices = self._devices(session)
            listed = [self._conflict(session, row, devices) for row in session.scalars(query)]
        found = [c for c in listed if c is not None]
        return sorted(found, key=lambda c: (c.item_id is None, c.item_id or "", c.instance_label or "", c.field))

    def _devices(self, session: Session) -> dict[str, str]:
        """Installation id -> device fingerprint, ours included (a copied data folder shares our id)."""
        devices = {row.installation_id: row.fingerprint for row in session.scalars(select(DeviceRow))}
        return {**devices, installation_of(session): self._our_device}

    def _conflict(self, session: Session, row: MergeConflictRow, devices: Mapping[str, str]) -> Conflict | None:
        record = session.get(TABLES[row.table_name], row.record_id)
        if record is None:
            return None  # removed since (a deletion merged in): nothing left to choose between
        item, label, action = _described(session, record)
        return Conflict(
            id=row.id,
            assessment_id=row.assessment_id,
            table=row.table_name,
            record_id=row.record_id,
            field=row.field,
            ours=plain_value(getattr(record, row.field)),
            theirs=row.theirs,
            our_device=self._our_device,
            their_device=devices.get(row.their_installation, ""),
            recorded_at=row.recorded_at,
            item_id=item,
            instance_label=label,
            action=action,
            ours_typed=record.typed if isinstance(record, ResponseRow) and row.field == "value" else None,
            theirs_typed=row.their_typed,
        )

    def get(self, conflict_id: uuid.UUID) -> Conflict:
        with self._db.session() as session:
            row = session.get(MergeConflictRow, conflict_id)
            devices = self._devices(session)
            found = self._conflict(session, row, devices) if row is not None else None
        if found is None:
            raise NotFoundError(f"no conflict {conflict_id}")
        return found

    def resolve(
        self, resolutions: Mapping[uuid.UUID, Any], typed: Mapping[uuid.UUID, str | None] | None = None
    ) -> None:
        """Write each conflict's chosen value (conflict id -> value as JSON holds it) as a new edit of ours, and
        remove the conflicts (with the other devices' of the same field). ``typed``: a chosen answer as typed
        ("4 ft"), written with it; an answer without one is shown as stored."""
        typed = typed or {}
        with self._db.session() as session:
            for conflict_id, value in resolutions.items():
                row = session.get(MergeConflictRow, conflict_id)
                if row is None:
                    raise NotFoundError(f"no conflict {conflict_id}")
                record = session.get(TABLES[row.table_name], row.record_id)
                if record is not None:
                    chosen = typed_value(type(record), row.field, value)
                    _write(session, record, row.field, chosen, typed.get(conflict_id))
                same = (MergeConflictRow.record_id == row.record_id, MergeConflictRow.field == row.field)
                for other in session.scalars(select(MergeConflictRow).where(*same)):
                    session.delete(other)  # every device's value of the field: the chosen one has seen them all


def _write(session: Session, record: Any, field: str, value: Any, typed: str | None) -> None:
    setattr(record, field, value)
    for companion in COMPANIONS.get(type(record), {}).get(field, ()):
        if companion.endswith("_at"):
            setattr(record, companion, utcnow())
        elif companion == "typed":
            record.typed = typed
    stamps = Stamps.from_json(record.edit_stamps) or Stamps({}, {})
    record.edit_stamps = stamps.edited(installation_of(session), record.revision + 1, [field]).to_json()
    flag_modified(record, "edit_stamps")


def _described(session: Session, record: Any) -> tuple[str | None, str | None, str | None]:
    """The record's item, instance label and action description, as people know it."""
    if isinstance(record, ActionRow):
        finding = session.get(FindingRow, record.finding_id)
        return (finding.item_id if finding else None), _label(session, finding), record.description
    if isinstance(record, ResponseRow | FindingRow):
        return record.item_id, _label(session, record), None
    return None, None, None


def _label(session: Session, record: Any) -> str | None:
    instance_id = getattr(record, "instance_id", None)
    if instance_id is None:
        return None
    instance = session.get(GroupInstanceRow, instance_id)
    return instance.label if instance is not None else None
