"""Assessments with their group instances and responses (one aggregate)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from safety_assess.domain.errors import ConflictError, NotFoundError
from safety_assess.domain.records import (
    AnswerValue,
    AssessmentDetail,
    AssessmentStatus,
    AssessmentSummary,
    GroupInstance,
    Response,
)
from safety_assess.storage import listing
from safety_assess.storage.database import Database
from safety_assess.storage.orm import AssessmentRow, GroupInstanceRow, ResponseRow
from safety_assess.storage.types import utcnow


def _instance(row: GroupInstanceRow) -> GroupInstance:
    return GroupInstance(row.id, row.group_id, row.label, row.position)


def _response(row: ResponseRow) -> Response:
    return Response(row.item_id, row.instance_id, row.value, row.note, row.answered_at)


class AssessmentRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    def create(
        self, campus_id: uuid.UUID, snapshot_id: uuid.UUID, assessors: Sequence[str], assessed_on: dt.date
    ) -> AssessmentSummary:
        with self._db.session() as session:
            row = AssessmentRow(
                campus_id=campus_id,
                snapshot_id=snapshot_id,
                assessors=[a.strip() for a in assessors if a.strip()],
                assessed_on=assessed_on,
                status=AssessmentStatus.IN_PROGRESS.value,
            )
            session.add(row)
        return self.summary(row.id)

    def list(self, campus_id: uuid.UUID | None = None) -> list[AssessmentSummary]:
        """Every assessment (or one campus's), newest first, in one query whatever their number."""
        with self._db.dbapi() as connection:
            return listing.summaries(connection, campus_id)

    def summary(self, assessment_id: uuid.UUID) -> AssessmentSummary:
        with self._db.dbapi() as connection:
            found = listing.summary(connection, assessment_id)
        if found is None:
            raise NotFoundError(f"no assessment {assessment_id}")
        return found

    def detail(self, assessment_id: uuid.UUID) -> AssessmentDetail:
        summary = self.summary(assessment_id)
        with self._db.session() as session:
            instances = session.scalars(
                select(GroupInstanceRow)
                .where(GroupInstanceRow.assessment_id == assessment_id)
                .order_by(GroupInstanceRow.group_id, GroupInstanceRow.position, GroupInstanceRow.label)
            )
            responses = session.scalars(
                select(ResponseRow).where(ResponseRow.assessment_id == assessment_id).order_by(ResponseRow.answered_at)
            )
            return AssessmentDetail(summary, tuple(map(_instance, instances)), tuple(map(_response, responses)))

    def resolve_id(self, prefix: str) -> uuid.UUID:
        """The assessment whose id is or starts with ``prefix`` (as printed, with or without dashes)."""
        cleaned = prefix.strip().lower().replace("-", "")
        if not cleaned or any(c not in "0123456789abcdef" for c in cleaned):
            raise NotFoundError(f"'{prefix}' is not an assessment id")
        with self._db.session() as session:
            ids = [i for i in session.scalars(select(AssessmentRow.id)) if i.hex.startswith(cleaned)]
        if len(ids) != 1:
            raise NotFoundError(f"no assessment with id '{prefix}'" if not ids else f"'{prefix}' matches several")
        return ids[0]

    def instance(self, assessment_id: uuid.UUID, group_id: str, label: str, create: bool) -> GroupInstance:
        """The group instance with this label, created at the end of the group when asked."""
        label = " ".join(label.split())
        with self._db.session() as session:
            self._editable(session, assessment_id)
            rows = session.scalars(
                select(GroupInstanceRow).where(
                    GroupInstanceRow.assessment_id == assessment_id, GroupInstanceRow.group_id == group_id
                )
            ).all()
            found = [r for r in rows if r.label.lower() == label.lower()]
            if found:
                return _instance(found[0])
            if not create or not label:
                raise NotFoundError(f"no instance '{label}' of group '{group_id}'")
            row = GroupInstanceRow(
                assessment_id=assessment_id,
                group_id=group_id,
                label=label,
                position=max((r.position for r in rows), default=-1) + 1,
            )
            session.add(row)
            session.flush()
            return _instance(row)

    def save_response(
        self,
        assessment_id: uuid.UUID,
        item_id: str,
        instance_id: uuid.UUID | None,
        value: AnswerValue,
        note: str | None = None,
    ) -> Response:
        """Record an answer (replacing an earlier one to the same item and instance), committed at once."""
        with self._db.session() as session:
            self._editable(session, assessment_id)
            row = session.scalar(
                select(ResponseRow).where(
                    ResponseRow.assessment_id == assessment_id,
                    ResponseRow.item_id == item_id,
                    ResponseRow.instance_id.is_(None)
                    if instance_id is None
                    else ResponseRow.instance_id == instance_id,
                )
            )
            if row is None:
                row = ResponseRow(assessment_id=assessment_id, item_id=item_id, instance_id=instance_id, note="")
                session.add(row)
            row.value = value
            row.answered_at = utcnow()
            if note is not None:
                row.note = note
            session.flush()
            return _response(row)

    @staticmethod
    def _editable(session: Session, assessment_id: uuid.UUID) -> AssessmentRow:
        row = session.get(AssessmentRow, assessment_id)
        if row is None:
            raise NotFoundError(f"no assessment {assessment_id}")
        if row.status != AssessmentStatus.IN_PROGRESS.value:
            raise ConflictError(f"assessment {assessment_id} is {row.status.replace('_', ' ')} and read-only")
        return row
