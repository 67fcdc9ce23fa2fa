"""Reopening a completed assessment that a bundle brought late work to (domain/late_work.py), in the import's
merging session: back to in progress, without its sign-off, with the reason recorded. The change is this
installation's own edit, stamped as such (the merging session stamps nothing by itself), so it travels on and a
later completion that has seen it wins; the completed version as it was is kept in the history by the merge."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import update
from sqlalchemy.orm import Session

from safety_assess.domain.late_work import LateWork
from safety_assess.domain.merge import Stamps
from safety_assess.domain.records import AssessmentStatus
from safety_assess.storage.edit_stamps import installation_of
from safety_assess.storage.orm import AssessmentRow
from safety_assess.storage.types import utcnow

REOPENED = ("status", "completed_at", "signed_off_by", "reopen_reason")


def completed_at(session: Session, assessment_id: uuid.UUID) -> dt.datetime | None:
    """When the assessment was completed; None when it is not (in progress, or no such assessment)."""
    row = session.get(AssessmentRow, assessment_id)
    if row is None or row.status != AssessmentStatus.COMPLETED.value:
        return None
    return row.completed_at or row.updated_at


def reopen_late(session: Session, assessment_id: uuid.UUID, late: LateWork) -> bool:
    """Reopen the assessment for the late work; False (nothing written) when it is no longer completed (the bundle
    reopened it itself)."""
    session.flush()
    row = session.get(AssessmentRow, assessment_id, populate_existing=True)
    if row is None or row.status != AssessmentStatus.COMPLETED.value:
        return False
    revision = row.revision + 1
    stamps = (Stamps.from_json(row.edit_stamps) or Stamps()).edited(installation_of(session), revision, REOPENED)
    values = {
        "status": AssessmentStatus.IN_PROGRESS.value,
        "completed_at": None,
        "signed_off_by": None,
        "reopen_reason": late.reason(),
        "edit_stamps": stamps.to_json(),
        "revision": revision,
        "updated_at": utcnow(),
    }
    session.execute(update(AssessmentRow).where(AssessmentRow.id == assessment_id).values(**values))
    session.expire(row)
    return True
