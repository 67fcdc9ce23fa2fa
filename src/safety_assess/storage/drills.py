"""The drill log (domain/readiness/drills.py's Drill) and the district's drill rules (kept in app_meta as a
versioned document: one place for every computer of a shared database)."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from safety_assess.domain.errors import ConflictError, NotFoundError
from safety_assess.domain.readiness.drills import Drill, DrillType
from safety_assess.domain.readiness.requirements import DrillRules
from safety_assess.domain.readiness.rules_doc import rules_document, rules_from
from safety_assess.storage import meta
from safety_assess.storage.database import Database
from safety_assess.storage.orm_readiness import DrillRow
from safety_assess.storage.repositories.ids import resolve
from safety_assess.storage.types import utcnow

RULES_KEY = "drill_rules"


def add_drill(database: Database, drill: Drill) -> Drill:
    with database.session() as session:
        row = DrillRow(id=drill.id, campus_id=drill.campus_id)
        _fill(row, drill)
        session.add(row)
        session.flush()
        return drill_record(row)


def save_drill(database: Database, drill: Drill) -> Drill:
    """Store the drill's fields over the stored one, if it is still at the drill's revision (ConflictError if it
    changed elsewhere meanwhile: nothing is overwritten)."""
    with database.session() as session:
        row = _live(session, drill.id)
        if row.revision != drill.revision:
            raise ConflictError(f"the {drill.title.lower()} was changed elsewhere meanwhile: open it again")
        _fill(row, drill)
        session.flush()
        return drill_record(row)


def remove_drill(database: Database, drill_id: uuid.UUID) -> None:
    """Mark the drill removed (kept, so the removal travels in bundles like any change)."""
    with database.session() as session:
        _live(session, drill_id).deleted_at = utcnow()


def drills_of(database: Database, campus_id: uuid.UUID) -> list[Drill]:
    """The campus's drills, newest first."""
    with database.session() as session:
        query = (
            select(DrillRow)
            .where(DrillRow.campus_id == campus_id, DrillRow.deleted_at.is_(None))
            .order_by(DrillRow.held_on.desc(), DrillRow.held_at.desc(), DrillRow.created_at.desc())
        )
        return [drill_record(row) for row in session.scalars(query)]


def drill(database: Database, drill_id: uuid.UUID) -> Drill:
    with database.session() as session:
        return drill_record(_live(session, drill_id))


def resolve_drill(database: Database, prefix: str) -> uuid.UUID:
    """The drill whose id is or starts with ``prefix``."""
    return resolve(database, select(DrillRow.id).where(DrillRow.deleted_at.is_(None)), prefix, "drill")


def rules(database: Database) -> DrillRules:
    """The district's drill rules; the defaults until they were first changed."""
    stored = meta.get(database, RULES_KEY)
    return DrillRules() if stored is None else rules_from(json.loads(stored))


def save_rules(database: Database, changed: DrillRules) -> None:
    """Keep the rules, set here (this installation keeps its own from now on: storage/readiness.py)."""
    document = json.dumps(rules_document(changed), sort_keys=True)
    meta.put_all(database, {RULES_KEY: document, meta.READINESS_SOURCE: meta.SET_HERE})


def drill_record(row: DrillRow) -> Drill:
    return Drill(
        campus_id=row.campus_id,
        type=DrillType(row.type),
        date=row.held_on,
        time=row.held_at,
        duration=row.duration,
        participants=row.participants,
        announced=row.announced,
        observers=tuple(row.observers),
        issues=row.issues,
        id=row.id,
        finding_id=row.finding_id,
        revision=row.revision,
    )


def _live(session: Session, drill_id: uuid.UUID) -> DrillRow:
    """The drill's row; NotFoundError when there is none or it was removed."""
    row = session.get(DrillRow, drill_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(f"no drill {drill_id}")
    return row


def _fill(row: DrillRow, drill: Drill) -> None:
    row.type, row.held_on, row.held_at = drill.type.value, drill.date, drill.time
    row.duration, row.participants, row.announced = drill.duration, drill.participants, drill.announced
    row.observers, row.issues, row.finding_id = list(drill.observers), drill.issues, drill.finding_id
