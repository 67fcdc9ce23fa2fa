"""Inside one assessment: its responses and its repeatable-group instances (part of the assessment aggregate)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, select
from sqlalchemy.orm import Session

from safety_assess.base.jobs import Changes
from safety_assess.domain.errors import ConflictError, NotFoundError
from safety_assess.domain.records import AnswerValue, AssessmentStatus, GroupInstance, Response
from safety_assess.storage import notify
from safety_assess.storage.database import Database
from safety_assess.storage.edit_stamps import tombstone
from safety_assess.storage.orm import AssessmentRow, GroupInstanceRow, ResponseRow, same_instance
from safety_assess.storage.types import utcnow


def instance_record(row: GroupInstanceRow) -> GroupInstance:
    return GroupInstance(row.id, row.group_id, row.label, row.position)


def response_record(row: ResponseRow | Any) -> Response:
    """From an ORM row, or a plain row selected with the same column names."""
    return Response(row.item_id, row.instance_id, row.value, row.note, row.answered_at, row.follow_up or "", row.typed)


def editable(session: Session, assessment_id: uuid.UUID) -> AssessmentRow:
    """The assessment, if it may still change; completed ones are read-only."""
    row = session.get(AssessmentRow, assessment_id)
    if row is None:
        raise NotFoundError(f"no assessment {assessment_id}")
    if row.status != AssessmentStatus.IN_PROGRESS.value:
        raise ConflictError(f"assessment {assessment_id} is {row.status.replace('_', ' ')} and read-only")
    if row.source_installation is not None:
        raise ConflictError(f"assessment {assessment_id} was imported from another device and is read-only here")
    return row


class AnswerRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    def save_answer(
        self,
        assessment_id: uuid.UUID,
        item_id: str,
        instance_id: uuid.UUID | None,
        value: AnswerValue | None,
        note: str | None = None,
        resume: tuple[str, uuid.UUID | None] | None = None,
        typed: str | None = None,
    ) -> Response:
        """Record an answer (and the note, when given), replacing an earlier one; committed before returning.
        ``resume``: the item (and instance) to reopen on, written in the same commit. ``typed``: the amount as
        typed when it was converted ("4 ft" of 48 in), part of the answer (None clears an earlier one)."""
        with self._db.session() as session:
            assessment = editable(session, assessment_id)
            row = self._response_row(session, assessment_id, item_id, instance_id)
            row.value, row.typed = value, typed
            row.answered_at = utcnow()
            if note is not None:
                row.note = note
            if resume is not None:
                assessment.resume_item_id, assessment.resume_instance_id = resume
            session.flush()
            return response_record(row)

    def save_note(self, assessment_id: uuid.UUID, item_id: str, instance_id: uuid.UUID | None, note: str) -> Response:
        """Record the note, keeping the answer (or no answer yet)."""
        with self._db.session() as session:
            row = self._row(session, assessment_id, item_id, instance_id)
            row.note = note
            session.flush()
            return response_record(row)

    def save_follow_up(
        self, assessment_id: uuid.UUID, item_id: str, instance_id: uuid.UUID | None, text: str
    ) -> Response:
        """Record the follow-up text, keeping the answer and the note."""
        with self._db.session() as session:
            row = self._row(session, assessment_id, item_id, instance_id)
            row.follow_up = text
            session.flush()
            return response_record(row)

    def restore(
        self, assessment_id: uuid.UUID, item_id: str, instance_id: uuid.UUID | None, earlier: Response | None
    ) -> None:
        """Put back an earlier response exactly (undo), or remove the response when there was none."""
        with self._db.session() as session:
            editable(session, assessment_id)
            if earlier is None:
                for gone in session.scalars(select(ResponseRow).where(_where(assessment_id, item_id, instance_id))):
                    tombstone(session, gone)
                session.execute(delete(ResponseRow).where(_where(assessment_id, item_id, instance_id)))
                notify.name(session, Changes(answers=frozenset({assessment_id})))
                return
            row = self._row(session, assessment_id, item_id, instance_id)
            row.value, row.note, row.answered_at = earlier.value, earlier.note, earlier.answered_at
            row.follow_up, row.typed = earlier.follow_up, earlier.typed

    def _row(
        self, session: Session, assessment_id: uuid.UUID, item_id: str, instance_id: uuid.UUID | None
    ) -> ResponseRow:
        editable(session, assessment_id)
        return self._response_row(session, assessment_id, item_id, instance_id)

    @staticmethod
    def _response_row(
        session: Session, assessment_id: uuid.UUID, item_id: str, instance_id: uuid.UUID | None
    ) -> ResponseRow:
        row = session.scalar(select(ResponseRow).where(_where(assessment_id, item_id, instance_id)))
        if row is None:
            row = ResponseRow(
                assessment_id=assessment_id, item_id=item_id, instance_id=instance_id, note="", value=None, follow_up=""
            )
            session.add(row)
        return row

    def instance(self, assessment_id: uuid.UUID, group_id: str, label: str, create: bool) -> GroupInstance:
        """The group instance with this label (any case), created at the end of the group when asked."""
        with self._db.session() as session:
            return instance_record(self._instance_by_label(session, assessment_id, group_id, label, create))

    def save_answer_in(
        self,
        assessment_id: uuid.UUID,
        group_id: str,
        label: str,
        item_id: str,
        value: AnswerValue,
        note: str | None = None,
        typed: str | None = None,
    ) -> Response:
        """Answer an item of the instance with this label, creating the instance, in one commit."""
        with self._db.session() as session:
            instance = self._instance_by_label(session, assessment_id, group_id, label, create=True)
            row = self._row(session, assessment_id, item_id, instance.id)
            row.value, row.typed, row.answered_at = value, typed, utcnow()
            if note is not None:
                row.note = note
            session.flush()
            return response_record(row)

    def _instance_by_label(
        self, session: Session, assessment_id: uuid.UUID, group_id: str, label: str, create: bool
    ) -> GroupInstanceRow:
        label = " ".join(label.split())
        editable(session, assessment_id)
        rows = self._instances(session, assessment_id, group_id)
        found = [r for r in rows if r.label.lower() == label.lower()]
        if found:
            return found[0]
        if not create or not label:
            raise NotFoundError(f"no instance '{label}' of group '{group_id}'")
        position = max((r.position for r in rows), default=-1) + 1
        row = GroupInstanceRow(assessment_id=assessment_id, group_id=group_id, label=label, position=position)
        session.add(row)
        session.flush()
        return row

    def instances(self, assessment_id: uuid.UUID) -> list[GroupInstance]:
        with self._db.session() as session:
            rows = session.scalars(select(GroupInstanceRow).where(GroupInstanceRow.assessment_id == assessment_id))
            return sorted(map(instance_record, rows), key=lambda i: (i.group_id, i.position, i.label.lower()))

    def rename_instance(self, assessment_id: uuid.UUID, instance_id: uuid.UUID, label: str) -> GroupInstance:
        label = " ".join(label.split())
        if not label:
            raise ConflictError("an instance needs a label")
        with self._db.session() as session:
            editable(session, assessment_id)
            row = _instance_row(session, assessment_id, instance_id)
            clash = [r for r in self._instances(session, assessment_id, row.group_id) if r.id != row.id]
            if any(r.label.lower() == label.lower() for r in clash):
                raise ConflictError(f"another instance is already called '{label}'")
            row.label = label
            session.flush()
            return instance_record(row)

    def reorder_instances(self, assessment_id: uuid.UUID, ordered: Sequence[uuid.UUID]) -> None:
        """Give the listed instances (all of one group) positions 0, 1, 2... in that order."""
        with self._db.session() as session:
            editable(session, assessment_id)
            for position, instance_id in enumerate(ordered):
                _instance_row(session, assessment_id, instance_id).position = position

    def remove_instance(self, assessment_id: uuid.UUID, instance_id: uuid.UUID) -> None:
        """Remove an instance and its answers (the caller asks the assessor first)."""
        with self._db.session() as session:
            editable(session, assessment_id)
            for gone in session.scalars(select(ResponseRow).where(ResponseRow.instance_id == instance_id)):
                tombstone(session, gone)
            tombstone(session, _instance_row(session, assessment_id, instance_id))
            session.execute(delete(ResponseRow).where(ResponseRow.instance_id == instance_id))
            session.execute(delete(GroupInstanceRow).where(GroupInstanceRow.id == instance_id))
            notify.name(session, Changes(answers=frozenset({assessment_id})))

    @staticmethod
    def _instances(session: Session, assessment_id: uuid.UUID, group_id: str) -> Sequence[GroupInstanceRow]:
        return session.scalars(
            select(GroupInstanceRow).where(
                GroupInstanceRow.assessment_id == assessment_id, GroupInstanceRow.group_id == group_id
            )
        ).all()


def _instance_row(session: Session, assessment_id: uuid.UUID, instance_id: uuid.UUID) -> GroupInstanceRow:
    row = session.get(GroupInstanceRow, instance_id)
    if row is None or row.assessment_id != assessment_id:
        raise NotFoundError(f"no group instance {instance_id} in assessment {assessment_id}")
    return row


def _where(assessment_id: uuid.UUID, item_id: str, instance_id: uuid.UUID | None) -> ColumnElement[bool]:
    return and_(
        ResponseRow.assessment_id == assessment_id,
        ResponseRow.item_id == item_id,
        same_instance(ResponseRow.instance_id, instance_id),
    )
