"""A campus's drill log as plain JSON-ready data for sync bundles and campus packs, and merged back on import.

A bundle carries, for each campus of its assessments that has any (and each campus drilled but not assessed here
whose drills changed), every drill of the campus, removed ones included (a removal is a change of ``deleted_at``, so
it travels). On import each drill is matched by its id: one not here is
added as it came; one here is merged field by field by its edit stamps (domain/merge.py), as an assessment's
records are: their newer field is taken, ours stays where it is newer, and a field both changed apart keeps our
value and holds their stamp (so the clash is found again wherever the drill goes). Drills have no conflicts list of
their own: a clash is counted in the import's result.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from safety_assess.domain.merge import Side, Stamps, merge
from safety_assess.domain.readiness.drills import MAX_TEXT, DrillType
from safety_assess.storage.bundle_rows import RowError, dump_row, load_row
from safety_assess.storage.database import Database
from safety_assess.storage.edit_stamps import merged_fields, stamps_of
from safety_assess.storage.orm import CampusRow
from safety_assess.storage.orm_readiness import DrillRow

DRILLS_DOCUMENT_VERSION = 1
DRILL_FIELDS = merged_fields(DrillRow)


class DrillsRefused(ValueError):
    """A drill of the document does not fit its table, or is another campus's; the message names it."""


def drills_document(database: Database, campus_id: uuid.UUID) -> dict[str, Any] | None:
    """Every drill of the campus, removed ones included; None when it has none."""
    with database.session() as session:
        rows = list(session.scalars(select(DrillRow).where(DrillRow.campus_id == campus_id).order_by(DrillRow.id)))
        if not rows:
            return None
        campus = session.get(CampusRow, campus_id)
        assert campus is not None  # a foreign key guarantees it
        return {
            "document_version": DRILLS_DOCUMENT_VERSION,
            "campus": dump_row(campus),
            "drills": [_dumped(row) for row in rows],
        }


def campuses_with_drill_changes(database: Database, since: dt.datetime | None) -> set[uuid.UUID]:
    """The campuses whose drills changed after ``since`` (every campus with drills when None)."""
    query = select(DrillRow.campus_id).distinct()
    with database.session() as session:
        return set(session.scalars(query if since is None else query.where(DrillRow.updated_at > since)))


def drills_problem(document: Any, campus_id: str) -> str | None:
    """None when ``document`` is a drills document of ``campus_id`` (its records are typed before anything is
    written); else what is wrong with it."""
    if not isinstance(document, dict) or document.get("document_version") != DRILLS_DOCUMENT_VERSION:
        return "it is not a drills document of a version this app reads"
    if not isinstance(document.get("campus"), dict) or not isinstance(document.get("drills"), list):
        return "it is not a drills document"
    if document["campus"].get("id") != campus_id:
        return "it holds the drills of another campus than its name says"
    return None


@dataclass
class PreparedDrills:
    campus: CampusRow
    drills: list[dict[str, Any]]
    """Column values of each drill, typed and checked."""


@dataclass
class DrillsOutcome:
    campus_id: uuid.UUID
    campus: str
    added: int = 0
    updated: int = 0
    clashes: list[str] = field(default_factory=list)
    """'drill id: field' of each field both sides changed apart (ours kept)."""

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


def prepared_drills(document: dict[str, Any]) -> PreparedDrills:
    """The document's records as column values; DrillsRefused naming the first that does not fit."""
    name = document["campus"].get("name", "")
    try:
        campus = load_row(CampusRow, document["campus"])
        drills = [_values(data) for data in document["drills"]]
    except (RowError, TypeError, ValueError, AttributeError) as error:
        raise DrillsRefused(f"the drills of campus {name!r}: {error}") from None
    assert isinstance(campus, CampusRow)
    return PreparedDrills(campus, drills)


def apply_drills(session: Session, prepared: PreparedDrills, campus_id: uuid.UUID) -> DrillsOutcome:
    """Apply one campus's drills to ``campus_id`` (ours), each on its own (see the module's docstring)."""
    outcome = DrillsOutcome(campus_id, prepared.campus.name)
    for values in prepared.drills:
        ours = session.get(DrillRow, values["id"])
        if ours is None:
            session.execute(insert(DrillRow).values(**{**values, "campus_id": campus_id}))
            outcome.added += 1
            continue
        if ours.campus_id != campus_id:
            raise DrillsRefused(f"drill {values['id']} is already here, a drill of another campus")
        merged = merge(_side(ours), Side(values, _stamps(values), values["revision"]), DRILL_FIELDS)
        outcome.clashes += [f"{ours.id}: {name}" for name in merged.clashes]
        if merged.changed:
            stamps = merged.stamps.to_json() if merged.stamps is not None else None
            written = {**merged.values, "edit_stamps": stamps, "revision": merged.revision}
            session.execute(update(DrillRow).where(DrillRow.id == ours.id).values(**written))
            outcome.updated += 1
    session.expire_all()
    return outcome


def _side(row: DrillRow) -> Side:
    return Side({name: getattr(row, name) for name in DRILL_FIELDS}, stamps_of(row), row.revision)


def _stamps(values: dict[str, Any]) -> Stamps | None:
    return Stamps.from_json(values["edit_stamps"])


def _dumped(row: DrillRow) -> dict[str, Any]:
    data = dump_row(row)
    data["held_at"] = row.held_at.isoformat() if row.held_at is not None else None
    return data


def _values(data: dict[str, Any]) -> dict[str, Any]:
    """A drill's column values; ValueError or TypeError naming what does not fit."""
    held_at = data.get("held_at")
    row = load_row(DrillRow, {**data, "held_at": None})
    values = {column.key: getattr(row, column.key) for column in DrillRow.__mapper__.column_attrs}
    if held_at is not None:
        if not isinstance(held_at, str):
            raise TypeError(f"drills.held_at is not a time: {str(held_at)[:40]!r}")
        values["held_at"] = dt.time.fromisoformat(held_at)
    DrillType(values["type"])
    if not isinstance(values["announced"], bool):
        raise TypeError("drills.announced is not true or false")
    observers = values["observers"]
    if not isinstance(observers, list) or not all(isinstance(n, str) and len(n) <= 200 for n in observers):
        raise TypeError("drills.observers is not a list of names")
    if len(values["issues"]) > MAX_TEXT:
        raise ValueError("drills.issues is too long")
    return values
