"""Copying an assessment's contents into a new revision of it (reopening a completed assessment)."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from safety_assess.storage.orm import ActionRow, FindingRow, GroupInstanceRow, PhotoRow, Record, ResponseRow

R = TypeVar("R", bound=Record)
_OWN = frozenset({"id", "created_at", "updated_at", "revision", "edit_stamps"})


def clone(row: R, **changes: Any) -> R:
    """A new row with ``row``'s values (its own id, times, revision and edit stamps left to the new row), then
    ``changes``."""
    values = {c.key: getattr(row, c.key) for c in row.__mapper__.column_attrs if c.key not in _OWN}
    values.update(changes)
    return type(row)(**values)


def copy_contents(session: Session, source: uuid.UUID, target: uuid.UUID) -> None:
    """Instances, responses, photo records, findings and actions of ``source``, now also ``target``'s."""
    instances: dict[uuid.UUID | None, uuid.UUID | None] = {None: None}
    for row in session.scalars(select(GroupInstanceRow).where(GroupInstanceRow.assessment_id == source)):
        instances[row.id] = _added(session, clone(row, assessment_id=target)).id
    findings: dict[uuid.UUID | None, uuid.UUID | None] = {None: None}
    for finding in session.scalars(select(FindingRow).where(FindingRow.assessment_id == source)):
        copy = _added(session, clone(finding, assessment_id=target, instance_id=instances[finding.instance_id]))
        findings[finding.id] = copy.id
        for action in session.scalars(select(ActionRow).where(ActionRow.finding_id == finding.id)):
            session.add(clone(action, finding_id=copy.id))
    for response in session.scalars(select(ResponseRow).where(ResponseRow.assessment_id == source)):
        session.add(clone(response, assessment_id=target, instance_id=instances[response.instance_id]))
    for photo in session.scalars(select(PhotoRow).where(PhotoRow.assessment_id == source)):
        session.add(
            clone(
                photo,
                assessment_id=target,
                instance_id=instances[photo.instance_id],
                finding_id=findings[photo.finding_id],
            )
        )


def _added(session: Session, row: R) -> R:
    session.add(row)
    session.flush()
    return row
