"""Findings of an assessment as the assessor stored them, and their corrective actions (the action plan).

Findings raised by deficient answers are computed from the answers; a row exists for one only once the assessor
adjusts it, plans an action for it, or attaches a photo to it. Findings and their adjustments are part of the
assessment and freeze when it is completed; its action plan stays open, since actions are followed up for years.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safety_assess.domain.errors import ConflictError, NotFoundError
from safety_assess.domain.plan.actions import Action, Status
from safety_assess.domain.records import FindingRecord
from safety_assess.storage.database import Database
from safety_assess.storage.orm import ActionRow, AssessmentRow, FindingRow, plain_columns, same_instance
from safety_assess.storage.repositories.answers import editable
from safety_assess.storage.repositories.ids import resolve
from safety_assess.storage.types import utcnow

FINDING_FIELDS = (
    "title",
    "section_id",
    "location",
    "description",
    "likelihood",
    "severity",
    "rationale",
    "residual_likelihood",
    "residual_severity",
    "layer",
)
ACTION_FIELDS = ("description", "phase", "cost_low", "cost_high", "funding", "owner", "due", "note")


def finding_record(row: FindingRow | Any) -> FindingRecord:
    """From an ORM row, or a plain row selected with the same column names."""
    return FindingRecord(
        id=row.id,
        assessment_id=row.assessment_id,
        item_id=row.item_id,
        instance_id=row.instance_id,
        components=tuple(row.components or ()),
        revision=row.revision,
        **{name: getattr(row, name) for name in FINDING_FIELDS},
    )


def action_record(row: ActionRow | Any) -> Action:
    """From an ORM row, or a plain row selected with the same column names."""
    return Action(
        finding_key="",
        status=Status(row.status),
        id=row.id,
        finding_id=row.finding_id,
        position=row.position,
        status_changed_at=row.status_changed_at,
        status_changed_by=row.status_changed_by,
        revision=row.revision,
        **{name: getattr(row, name) for name in ACTION_FIELDS},
    )


def _check_revision(row: FindingRow | ActionRow, expected: int | None, what: str) -> None:
    """Someone else (another window, another district user) changed the record since it was read."""
    if expected is not None and row.revision != expected:
        raise ConflictError(f"this {what} was changed elsewhere since you opened it; reopen it and try again")


class FindingRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    def of_assessment(self, assessment_id: uuid.UUID) -> list[FindingRecord]:
        with self._db.session() as session:
            rows = session.execute(
                select(*plain_columns(FindingRow))
                .where(FindingRow.assessment_id == assessment_id, FindingRow.deleted_at.is_(None))
                .order_by(FindingRow.created_at)
            )
            return [finding_record(r) for r in rows]

    def get(self, finding_id: uuid.UUID) -> FindingRecord:
        with self._db.session() as session:
            return finding_record(self._row(session, finding_id))

    def for_item(self, assessment_id: uuid.UUID, item_id: str, instance_id: uuid.UUID | None) -> FindingRecord:
        """The row of a raised finding, created (with nothing adjusted) when there is none yet."""
        with self._db.session() as session:
            row = session.scalar(
                select(FindingRow).where(
                    FindingRow.assessment_id == assessment_id,
                    FindingRow.item_id == item_id,
                    same_instance(FindingRow.instance_id, instance_id),
                )
            )
            if row is None:
                if session.get(AssessmentRow, assessment_id) is None:
                    raise NotFoundError(f"no assessment {assessment_id}")
                row = FindingRow(assessment_id=assessment_id, item_id=item_id, instance_id=instance_id, components=[])
                session.add(row)
                session.flush()
            return finding_record(row)

    def save(self, record: FindingRecord, expected_revision: int | None = None) -> FindingRecord:
        """Store a finding's fields (a new manual finding when its id is unknown); the assessment must be open."""
        with self._db.session() as session:
            editable(session, record.assessment_id)
            row = session.get(FindingRow, record.id) or self._slot_row(session, record)
            if row is None:
                row = FindingRow(id=record.id, assessment_id=record.assessment_id, item_id=record.item_id)
                row.instance_id = record.instance_id
                session.add(row)
            elif row.deleted_at is not None or row.assessment_id != record.assessment_id:
                raise NotFoundError(f"no finding {record.id}")
            else:
                _check_revision(row, expected_revision, "finding")
            for name in FINDING_FIELDS:
                setattr(row, name, getattr(record, name))
            row.components = list(record.components)
            session.flush()
            return finding_record(row)

    @staticmethod
    def _slot_row(session: Session, record: FindingRecord) -> FindingRow | None:
        """The row already stored for a raised finding's item and instance (another window may have made it)."""
        if record.item_id is None:
            return None
        return session.scalar(
            select(FindingRow).where(
                FindingRow.assessment_id == record.assessment_id,
                FindingRow.item_id == record.item_id,
                same_instance(FindingRow.instance_id, record.instance_id),
            )
        )

    def delete(self, finding_id: uuid.UUID) -> None:
        """Remove a finding the assessor added (with its actions; restore brings both back)."""
        self._set_deleted(finding_id, utcnow())

    def restore(self, finding_id: uuid.UUID) -> None:
        self._set_deleted(finding_id, None)

    def _set_deleted(self, finding_id: uuid.UUID, when: dt.datetime | None) -> None:
        with self._db.session() as session:
            row = session.get(FindingRow, finding_id)
            if row is None:
                raise NotFoundError(f"no finding {finding_id}")
            if row.item_id is not None:
                raise ConflictError("a finding raised by an answer goes away when the answer changes, not by deleting")
            editable(session, row.assessment_id)
            row.deleted_at = when

    @staticmethod
    def _row(session: Session, finding_id: uuid.UUID) -> FindingRow:
        row = session.get(FindingRow, finding_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(f"no finding {finding_id}")
        return row

    # Actions: the plan stays open after the assessment is completed.

    def actions(self, assessment_id: uuid.UUID) -> list[Action]:
        """Every action of the assessment's findings (withdrawn ones' included), in their order."""
        with self._db.session() as session:
            rows = session.execute(
                select(*plain_columns(ActionRow))
                .join(FindingRow, ActionRow.finding_id == FindingRow.id)
                .where(
                    FindingRow.assessment_id == assessment_id,
                    FindingRow.deleted_at.is_(None),
                    ActionRow.deleted_at.is_(None),
                )
                .order_by(ActionRow.finding_id, ActionRow.position)
            )
            return [action_record(r) for r in rows]

    def action(self, action_id: uuid.UUID) -> Action:
        with self._db.session() as session:
            return action_record(self._action_row(session, action_id))

    def add_action(self, action: Action, by: str = "") -> Action:
        if action.finding_id is None:
            raise NotFoundError("an action belongs to a finding; none was given")
        with self._db.session() as session:
            self._row(session, action.finding_id)
            last = session.scalar(select(func.max(ActionRow.position)).where(ActionRow.finding_id == action.finding_id))
            row = ActionRow(
                id=action.id or uuid.uuid4(),
                finding_id=action.finding_id,
                status=action.status.value,
                position=(last if last is not None else -1) + 1,
                status_changed_at=utcnow(),
                status_changed_by=by,
                **{name: getattr(action, name) for name in ACTION_FIELDS},
            )
            session.add(row)
            session.flush()
            return action_record(row)

    def update_action(self, action: Action, by: str = "", expected_revision: int | None = None) -> Action:
        """Store the action's fields; a status change records who made it and when."""
        if action.id is None:
            raise NotFoundError("the action to update has no id")
        with self._db.session() as session:
            row = self._action_row(session, action.id)
            _check_revision(row, expected_revision, "action")
            changes: dict[str, Any] = {name: getattr(action, name) for name in ACTION_FIELDS}
            for name, value in changes.items():
                setattr(row, name, value)
            if row.status != action.status.value:
                row.status = action.status.value
                row.status_changed_at, row.status_changed_by = utcnow(), by
            session.flush()
            return action_record(row)

    def delete_action(self, action_id: uuid.UUID) -> None:
        with self._db.session() as session:
            self._action_row(session, action_id).deleted_at = utcnow()

    def resolve_action_id(self, prefix: str) -> uuid.UUID:
        return resolve(self._db, select(ActionRow.id).where(ActionRow.deleted_at.is_(None)), prefix, "action")

    @staticmethod
    def _action_row(session: Session, action_id: uuid.UUID) -> ActionRow:
        row = session.get(ActionRow, action_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(f"no action {action_id}")
        return row
