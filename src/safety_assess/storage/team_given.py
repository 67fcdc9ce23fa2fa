"""Team packs given, on the lead's laptop (domain/team.py's TeamPackGiven): recorded when a pack is written, and
told which device's work came back when a bundle brings work on the assessment.

A returning bundle names the pack it answers (manifest ``team_work``, from the pack's id the second laptop keeps):
that pack records the device, whichever it is (a pack issued again after a reinstall, two packs to one device). A
bundle naming none (from an older version, or a pack made before pack ids) is matched by its device: the pack that
already names that device, else the oldest pack with no work back yet.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from safety_assess.domain.team import TeamPackGiven
from safety_assess.storage.database import Database
from safety_assess.storage.orm import TeamPackGivenRow


def record_pack_given(database: Database, pack: TeamPackGiven) -> None:
    with database.session() as session:
        session.add(
            TeamPackGivenRow(
                id=pack.id,
                assessment_id=pack.assessment_id,
                sections=list(pack.sections),
                made_at=pack.made_at,
                file_name=pack.file_name,
            )
        )


def packs_given(database: Database, assessment_id: uuid.UUID) -> list[TeamPackGiven]:
    """The team packs made here of the assessment, oldest first."""
    with database.session() as session:
        return [_record(row) for row in session.scalars(_of(assessment_id))]


def record_work_received(
    database: Database,
    assessment_ids: Iterable[uuid.UUID],
    fingerprint: str,
    at: dt.datetime,
    packs: Mapping[uuid.UUID, uuid.UUID] | None = None,
) -> set[uuid.UUID]:
    """Work on these assessments came back from the device ``fingerprint``: the pack it answers (see above) names
    the device and the time. Returns the assessments whose record of packs changed (none given here: none)."""
    changed: set[uuid.UUID] = set()
    with database.session() as session:
        for assessment_id in assessment_ids:
            row = _answered(session, assessment_id, fingerprint, (packs or {}).get(assessment_id))
            if row is not None:
                row.received_from, row.received_at = fingerprint, at
                changed.add(assessment_id)
    return changed


def _answered(
    session: Session, assessment_id: uuid.UUID, fingerprint: str, pack_id: uuid.UUID | None
) -> TeamPackGivenRow | None:
    rows = list(session.scalars(_of(assessment_id)))
    named = [row for row in rows if pack_id is not None and row.id == pack_id]
    if named:
        return named[0]
    same = [row for row in rows if row.received_from == fingerprint]
    waiting = [row for row in rows if row.received_from is None]
    chosen = same or waiting
    return chosen[0] if chosen else None


def _of(assessment_id: uuid.UUID) -> Select[TeamPackGivenRow]:
    table = TeamPackGivenRow
    return select(table).where(table.assessment_id == assessment_id).order_by(table.made_at, table.id)


def _record(row: TeamPackGivenRow) -> TeamPackGiven:
    sections = tuple(row.sections)
    return TeamPackGiven(
        row.id, row.assessment_id, sections, row.made_at, row.file_name, row.received_from, row.received_at
    )
