"""A campus's site plans as plain JSON-ready data for sync bundles, and applied back record by record on import.

A bundle carries, for each campus of its assessments, every plan of the campus with its markers, walls and zones,
removed ones included (so that a removal travels too). On import each record is matched by its id on its own: one
not here is added; the same record at a higher revision replaces ours, and when both are at the same revision the
one saved later wins; ours, when newer, stays. Plans are edited by one person at a time, so the last edit winning
is what people expect; unlike assessments, nothing is kept beside as a conflict.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from safety_assess.domain.sitemap.checks import plain
from safety_assess.storage.bundle_rows import RowError, dump_row, load_row
from safety_assess.storage.database import Database
from safety_assess.storage.orm import AssessmentRow, Base, CampusRow
from safety_assess.storage.orm_maps import MapMarkerRow, MapShapeRow, SiteMapRow

PLANS_DOCUMENT_VERSION = 1
PLAN_LISTS: tuple[tuple[str, type[Base]], ...] = (
    ("maps", SiteMapRow),
    ("markers", MapMarkerRow),
    ("shapes", MapShapeRow),
)
"""The lists of a plans document and their tables, in the order they are applied (plans before what is on them)."""
PLAIN_TEXT = frozenset({"title", "label", "camera_instance", "name"})
"""The columns of plan records holding one line of text (plain: no control characters)."""

StoredImage = Callable[[str], tuple[str, str]]
"""An entry name of the bundle -> (sha256, extension) of that plan image, now in the photo store."""


def campuses_of(database: Database, assessment_ids: list[uuid.UUID]) -> list[uuid.UUID]:
    """The campuses of these assessments, each once, in the order of the assessments."""
    with database.session() as session:
        found = dict(
            session.execute(
                select(AssessmentRow.id, AssessmentRow.campus_id).where(AssessmentRow.id.in_(assessment_ids))
            ).all()
        )
    return list(dict.fromkeys(found[i] for i in assessment_ids if i in found))


def assessments_carrying_plan_changes(database: Database, since: dt.datetime | None) -> list[uuid.UUID]:
    """The latest assessment made here (not a conflicting copy) of each campus whose plan, marker, wall or zone
    changed after ``since`` (of every campus with plans when None): what carries the change to the district."""
    with database.session() as session:
        changed = _campuses_edited(session, since)
    return latest_own_assessments(database, changed)


def latest_own_assessments(database: Database, campus_ids: set[uuid.UUID]) -> list[uuid.UUID]:
    """The latest assessment made here (not a conflicting copy) of each of the campuses that has one."""
    with database.session() as session:
        own = (
            select(AssessmentRow.id, AssessmentRow.campus_id)
            .where(AssessmentRow.campus_id.in_(campus_ids), AssessmentRow.source_installation.is_(None))
            .where(AssessmentRow.conflict_of_id.is_(None))
            .order_by(AssessmentRow.assessed_on, AssessmentRow.started_at)
        )
        latest = {campus_id: assessment_id for assessment_id, campus_id in session.execute(own)}
    return list(latest.values())


def _campuses_edited(session: Session, since: dt.datetime | None) -> set[uuid.UUID]:
    on_plans = (MapMarkerRow.map_id == SiteMapRow.id, MapShapeRow.map_id == SiteMapRow.id)
    queries = [
        (select(SiteMapRow.campus_id), SiteMapRow.updated_at),
        (select(SiteMapRow.campus_id).join(MapMarkerRow, on_plans[0]), MapMarkerRow.updated_at),
        (select(SiteMapRow.campus_id).join(MapShapeRow, on_plans[1]), MapShapeRow.updated_at),
    ]
    found: set[uuid.UUID] = set()
    for query, updated in queries:
        found.update(session.scalars(query.distinct() if since is None else query.where(updated > since).distinct()))
    return found


def plans_document(database: Database, campus_id: uuid.UUID) -> dict[str, Any] | None:
    """Every plan of the campus with its markers, walls and zones, removed ones included; None when it has none."""
    with database.session() as session:
        maps = list(
            session.scalars(
                select(SiteMapRow).where(SiteMapRow.campus_id == campus_id).order_by(SiteMapRow.position, SiteMapRow.id)
            )
        )
        if not maps:
            return None
        campus = session.get(CampusRow, campus_id)
        assert campus is not None  # a foreign key guarantees it
        map_ids = [row.id for row in maps]
        markers = select(MapMarkerRow).where(MapMarkerRow.map_id.in_(map_ids))
        shapes = select(MapShapeRow).where(MapShapeRow.map_id.in_(map_ids))
        return {
            "document_version": PLANS_DOCUMENT_VERSION,
            "campus": dump_row(campus),
            "maps": [dump_row(row) for row in maps],
            "markers": [dump_row(row) for row in session.scalars(markers.order_by(MapMarkerRow.id))],
            "shapes": [dump_row(row) for row in session.scalars(shapes.order_by(MapShapeRow.id))],
        }


class PlansRefused(ValueError):
    """A record of a plans document does not fit its table; the message names it."""


@dataclass
class PreparedPlans:
    """One campus's plan records, typed and checked once, before anything is written."""

    campus: CampusRow
    records: dict[str, list[dict[str, Any]]]
    """Column values by PLAN_LISTS' keys."""
    files: dict[uuid.UUID, str]
    """Plan id -> the bundle entry holding its image."""


@dataclass
class PlansOutcome:
    campus_id: uuid.UUID
    """Our campus (matched by id, else by code, else added)."""
    campus: str
    added: int = 0
    updated: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


def prepared_plans(document: dict[str, Any]) -> PreparedPlans:
    """The document's records as column values of their tables; PlansRefused naming the first that does not fit."""
    try:
        campus = load_row(CampusRow, document["campus"])
        records = {key: [_values(table, data) for data in document[key]] for key, table in PLAN_LISTS}
    except RowError as error:
        raise PlansRefused(f"the site plans of campus {document['campus'].get('name', '')!r}: {error}") from None
    assert isinstance(campus, CampusRow)
    return PreparedPlans(campus, records, {uuid.UUID(data["id"]): data["file"] for data in document["maps"]})


def _values(table: type[Base], data: dict[str, Any]) -> dict[str, Any]:
    """The record's column values; its names and labels without control characters (as the service keeps them: a NUL
    is one PostgreSQL refuses)."""
    row = load_row(table, data)
    values = {column.key: getattr(row, column.key) for column in table.__mapper__.column_attrs}
    return {key: plain(v) if key in PLAIN_TEXT and isinstance(v, str) else v for key, v in values.items()}


def apply_plans(
    session: Session, prepared: PreparedPlans, campus_id: uuid.UUID, stored_image: StoredImage
) -> PlansOutcome:
    """Apply one campus's plan records to ``campus_id`` (ours), each on its own (see the module's docstring)."""
    outcome = PlansOutcome(campus_id, prepared.campus.name)
    for key, table in PLAN_LISTS:
        records = prepared.records[key]
        ours = _stamps(session, table, [values["id"] for values in records])
        for values in records:
            here, owner = ours.get(values["id"], (None, None))
            if here is not None:
                _check_owner(table, values, owner, campus_id)
            if here is not None and not _newer(values, here):
                continue
            if table is SiteMapRow:
                values = {**values, "campus_id": campus_id}
                values["sha256"], values["extension"] = stored_image(prepared.files[values["id"]])
            _write(session, table, values, replace=here is not None)
            if here is None:
                outcome.added += 1
            else:
                outcome.updated += 1
    return outcome


Stamp = tuple[int, dt.datetime]
"""A record's revision counter and when it was last saved."""


def _newer(values: dict[str, Any], ours: Stamp) -> bool:
    """The bundle's record supersedes ours: a higher revision, or the same revision saved later (two people edited
    the same revision of a plan: the later edit wins, as it would had they taken turns)."""
    return (values["revision"], values["updated_at"]) > ours


def _check_owner(table: Any, values: dict[str, Any], owner: uuid.UUID | None, campus_id: uuid.UUID) -> None:
    """A record the bundle shares with us stays where it is: a plan on its campus, a marker, wall or zone on its
    plan (a bundle naming a record of another campus would move it there); PlansRefused when not."""
    if table is SiteMapRow and owner != campus_id:
        raise PlansRefused(f"plan {values['id']} is already here, a plan of another campus")
    if table is not SiteMapRow and owner != values["map_id"]:
        what = "marker" if table is MapMarkerRow else "wall or zone"
        raise PlansRefused(f"{what} {values['id']} is already here, on another plan")


def _stamps(session: Session, table: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[Stamp, uuid.UUID]]:
    """Our revision stamp and owner (a plan's campus, the plan of a marker, wall or zone) of each of the records."""
    found: dict[uuid.UUID, tuple[Stamp, uuid.UUID]] = {}
    owner = table.campus_id if table is SiteMapRow else table.map_id
    for start in range(0, len(ids), 500):  # well under any database's limit of bound parameters
        query = select(table.id, table.revision, table.updated_at, owner).where(table.id.in_(ids[start : start + 500]))
        found.update({key: ((revision, at), whose) for key, revision, at, whose in session.execute(query)})
    return found


def _write(session: Session, table: Any, values: dict[str, Any], *, replace: bool) -> None:
    """Write the record as it is in the bundle, revision and times included (the ORM would count and stamp them
    anew, and the next import could no longer compare them)."""
    if replace:
        session.execute(update(table).where(table.id == values["id"]).values(**values))
    else:
        session.execute(insert(table).values(**values))
