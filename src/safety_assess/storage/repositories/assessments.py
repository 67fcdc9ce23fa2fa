"""Assessments: start, list, open, remember where the assessor was, complete and reopen.

Responses and group instances inside an assessment are in answers.py.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import select

from safety_assess.domain.errors import ConflictError, NotFoundError
from safety_assess.domain.records import AssessmentDetail, AssessmentStatus, AssessmentSummary
from safety_assess.storage import listing
from safety_assess.storage.database import Database
from safety_assess.storage.orm import AssessmentRow, GroupInstanceRow, ResponseRow, plain_columns
from safety_assess.storage.repositories.answers import editable, instance_record, response_record
from safety_assess.storage.repositories.copying import copy_contents
from safety_assess.storage.repositories.ids import resolve
from safety_assess.storage.team import carry_team_assignment
from safety_assess.storage.types import utcnow


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
            responses = session.execute(
                select(*plain_columns(ResponseRow))
                .where(ResponseRow.assessment_id == assessment_id)
                .order_by(ResponseRow.answered_at)
            )
            row = session.get(AssessmentRow, assessment_id)
            return AssessmentDetail(
                summary,
                tuple(map(instance_record, instances)),
                tuple(map(response_record, responses)),
                row.resume_item_id if row else None,
                row.resume_instance_id if row else None,
            )

    def set_resume(self, assessment_id: uuid.UUID, item_id: str, instance_id: uuid.UUID | None) -> None:
        """Remember the item the assessor is on, so reopening returns there."""
        with self._db.session() as session:
            row = session.get(AssessmentRow, assessment_id)
            if row is not None and row.status == AssessmentStatus.IN_PROGRESS.value:
                row.resume_item_id, row.resume_instance_id = item_id, instance_id

    def complete(self, assessment_id: uuid.UUID, signers: Sequence[str], at: dt.datetime | None = None) -> None:
        """Record the assessors' sign-off and make the assessment read-only."""
        names = [" ".join(n.split()) for n in signers if n.strip()]
        if not names:
            raise ConflictError("completing an assessment needs at least one assessor's name to sign it off")
        with self._db.session() as session:
            row = editable(session, assessment_id)
            row.status = AssessmentStatus.COMPLETED.value
            row.completed_at = at or utcnow()
            row.signed_off_by = names

    def reopen(self, assessment_id: uuid.UUID, reason: str) -> uuid.UUID:
        """A new in-progress revision with the completed one's answers, photos, findings and actions; the
        completed one stays as it was."""
        reason = reason.strip()
        if not reason:
            raise ConflictError("reopening an assessment needs a reason")
        with self._db.session() as session:
            old = session.get(AssessmentRow, assessment_id)
            if old is None:
                raise NotFoundError(f"no assessment {assessment_id}")
            if old.status != AssessmentStatus.COMPLETED.value:
                raise ConflictError("only a completed assessment can be reopened")
            new = AssessmentRow(
                campus_id=old.campus_id,
                snapshot_id=old.snapshot_id,
                assessors=list(old.assessors),
                assessed_on=old.assessed_on,
                status=AssessmentStatus.IN_PROGRESS.value,
                revision_no=old.revision_no + 1,
                revision_of_id=old.id,
                reopen_reason=reason,
                resume_item_id=old.resume_item_id,
                spot_check_id=old.spot_check_id,
            )
            session.add(new)
            session.flush()
            copy_contents(session, old.id, new.id)
            carry_team_assignment(session, old.id, new.id)
            return new.id

    def resolve_id(self, prefix: str) -> uuid.UUID:
        """The assessment whose id is or starts with ``prefix`` (as printed, with or without dashes)."""
        return resolve(self._db, select(AssessmentRow.id), prefix, "assessment")
