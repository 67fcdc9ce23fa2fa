"""Kept headline figures of assessments (``assessment_figures``), and the stamps that say whether they are current.

An assessment's stamp is made from its own revision and last change, and the version of its responses, findings and
actions that database triggers move with every insert, update or delete of one (``assessment_changes``, migration
0017): any answer, adjustment, action or status change, however written, moves it, so figures computed from an older
state are recognised as stale. Stamps of every assessment come from one query over the assessments, however many
responses they hold.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from safety_assess.storage import listing
from safety_assess.storage.database import Database
from safety_assess.storage.orm import AssessmentChangesRow, AssessmentFiguresRow, AssessmentRow
from safety_assess.storage.types import utcnow


def stamps(database: Database, only: Collection[uuid.UUID] | None = None) -> dict[uuid.UUID, str]:
    """The current stamp of every assessment, or of ``only`` these (an import's few, not the whole district)."""
    ids = list(only) if only is not None else None
    query = select(
        AssessmentRow.id, AssessmentRow.revision, AssessmentRow.updated_at, AssessmentChangesRow.version
    ).outerjoin(AssessmentChangesRow, AssessmentChangesRow.assessment_id == AssessmentRow.id)
    with database.session() as session:
        return {
            row[0]: f"{row[1]}@{row[2].isoformat()}#{row[3] or 0}"
            for row in session.execute(_among(query, AssessmentRow.id, ids))
        }


CURRENT_SQL = (
    "SELECT a.id, a.revision, a.updated_at, k.version FROM assessments a"
    " LEFT JOIN assessment_changes k ON k.assessment_id = a.id"
)
KEPT_SQL = "SELECT assessment_id, stamp FROM assessment_figures"
"""Read from the index of the kept stamps alone (migration 0021), not from the large rows of figures."""


def every_stamp(database: Database) -> tuple[dict[uuid.UUID, str], dict[uuid.UUID, str]]:
    """Every assessment's current stamp (as ``stamps`` makes it) and the stamp of every kept figure set, in two
    plain queries; rows unchanged since the last call are not converted again (the district view asks at every
    refresh)."""
    with database.dbapi() as connection:
        current, kept = connection.execute(CURRENT_SQL).fetchall(), connection.execute(KEPT_SQL).fetchall()
    return dict(listing.remembered(_CURRENT, current, _stamped)), dict(listing.remembered(_KEPT, kept, _kept))


def _stamped(row: Any) -> tuple[uuid.UUID, str]:
    return listing.as_uuid(row[0]), f"{row[1]}@{listing.as_utc(row[2]).isoformat()}#{row[3] or 0}"


def _kept(row: Any) -> tuple[uuid.UUID, str]:
    return listing.as_uuid(row[0]), row[1]


_CURRENT: list[dict[Any, tuple[uuid.UUID, str]]] = [{}]
_KEPT: list[dict[Any, tuple[uuid.UUID, str]]] = [{}]
"""The last ``every_stamp``'s, by their row."""


def kept(database: Database, only: Collection[uuid.UUID] | None = None) -> dict[uuid.UUID, tuple[str, dict[str, Any]]]:
    """Every kept figure set (or ``only`` these assessments') with the stamp it was computed at."""
    query = select(AssessmentFiguresRow.assessment_id, AssessmentFiguresRow.stamp, AssessmentFiguresRow.figures)
    with database.session() as session:
        rows = session.execute(
            _among(query, AssessmentFiguresRow.assessment_id, list(only) if only is not None else None)
        )
        return {row[0]: (row[1], row[2]) for row in rows}


def kept_stamps(database: Database, only: Collection[uuid.UUID] | None = None) -> dict[uuid.UUID, str]:
    """The stamp each kept figure set was computed at (its figures not read)."""
    query = select(AssessmentFiguresRow.assessment_id, AssessmentFiguresRow.stamp)
    with database.session() as session:
        rows = session.execute(
            _among(query, AssessmentFiguresRow.assessment_id, list(only) if only is not None else None)
        )
        return {row[0]: row[1] for row in rows}


def _among(query: Any, column: Any, ids: list[uuid.UUID] | None) -> Any:
    """The query, limited to the assessments ``ids`` when given."""
    return query if ids is None else query.where(column.in_(ids))


def kept_actions(database: Database, assessment_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, list[dict[str, Any]]]:
    """The kept action lines of these assessments (one query, however many)."""
    if not assessment_ids:
        return {}
    with database.session() as session:
        rows = session.execute(
            select(AssessmentFiguresRow.assessment_id, AssessmentFiguresRow.actions).where(
                AssessmentFiguresRow.assessment_id.in_(list(assessment_ids))
            )
        )
        return {row[0]: row[1] for row in rows}


Computed = tuple[uuid.UUID, str, dict[str, Any], list[dict[str, Any]]]
"""Assessment id, stamp, figures, action lines."""


def keep(database: Database, computed: Iterable[Computed]) -> None:
    """Store freshly computed figures and action lines, replacing older ones. Two computations of the same
    assessment may end at once (the district view reading while an import refreshes what it brought): each row is
    written in one statement that inserts or replaces, so the later simply wins."""
    insert = sqlite_insert if database.is_sqlite else postgresql_insert
    rows = [
        {"assessment_id": i, "stamp": stamp, "figures": figures, "actions": actions, "computed_at": utcnow()}
        for i, stamp, figures, actions in computed
    ]
    if not rows:
        return
    with database.session() as session:
        statement = insert(AssessmentFiguresRow)
        replaced = {name: statement.excluded[name] for name in ("stamp", "figures", "actions", "computed_at")}
        session.execute(statement.on_conflict_do_update(index_elements=["assessment_id"], set_=replaced), rows)
