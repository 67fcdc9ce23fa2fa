"""Team assessments on a second laptop (domain/team.py): recorded when a team pack is imported, read by the walk.

A team pack's assessment is this laptop's to work on: it is kept as made here (editable, sent by "export what
changed"), with a team assignment naming the lead's installation. Its bundles carry the lead's installation as the
assessment's maker, so the lead's laptop takes them as work on its own assessment.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from safety_assess.domain.team import TeamAssignment
from safety_assess.storage.database import Database
from safety_assess.storage.orm import AssessmentRow, TeamAssignmentRow


def team_assignment(database: Database, assessment_id: uuid.UUID) -> TeamAssignment | None:
    """The assessment's team assignment here; None when it is not a team assessment from another laptop."""
    with database.session() as session:
        row = session.get(TeamAssignmentRow, assessment_id)
        return _record(row) if row is not None else None


def team_assignments(database: Database, assessment_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, TeamAssignment]:
    """The team assignments of these assessments (those that have one), in one query."""
    with database.session() as session:
        query = select(TeamAssignmentRow).where(TeamAssignmentRow.assessment_id.in_(list(assessment_ids)))
        return {row.assessment_id: _record(row) for row in session.scalars(query)}


def adopt_team_assessment(session: Session, assignment: TeamAssignment) -> None:
    """In the transaction that imported a team pack: the assessment becomes this laptop's to work on (not the
    read-only copy of an imported one), with its assignment. Its revision is not raised: nothing of it changed."""
    session.flush()
    table = AssessmentRow
    same_time = {  # no new edit: the time stays; the walk starts on this laptop's first item, not the lead's
        "source_installation": None,
        "updated_at": table.updated_at,
        "resume_item_id": None,
        "resume_instance_id": None,
    }
    session.execute(update(table).where(table.id == assignment.assessment_id).values(**same_time))
    session.add(
        TeamAssignmentRow(
            assessment_id=assignment.assessment_id,
            sections=list(assignment.sections),
            lead_installation=assignment.lead_installation,
            lead_fingerprint=assignment.lead_fingerprint,
            lead_name=assignment.lead_name,
            received_at=assignment.received_at,
            pack_id=assignment.pack_id,
        )
    )


def carry_team_assignment(session: Session, old_id: uuid.UUID, new_id: uuid.UUID) -> None:
    """A reopened team assessment's new revision stays a team assessment: the same sections, from the same lead
    (nothing when the old one had no assignment)."""
    old = session.get(TeamAssignmentRow, old_id)
    if old is None:
        return
    session.add(
        TeamAssignmentRow(
            assessment_id=new_id,
            sections=list(old.sections),
            lead_installation=old.lead_installation,
            lead_fingerprint=old.lead_fingerprint,
            lead_name=old.lead_name,
            received_at=old.received_at,
            pack_id=old.pack_id,
        )
    )


def _record(row: TeamAssignmentRow) -> TeamAssignment:
    return TeamAssignment(
        row.assessment_id,
        tuple(row.sections),
        row.lead_installation,
        row.lead_fingerprint,
        row.lead_name,
        row.received_at,
        row.pack_id,
    )


def known_assessment(database: Database, assessment_id: uuid.UUID) -> str | None:
    """'campus name, date' of the assessment when it is here; None when it is not."""
    with database.session() as session:
        row = session.get(AssessmentRow, assessment_id)
        return f"{row.campus.name}, {row.assessed_on.isoformat()}" if row is not None else None
