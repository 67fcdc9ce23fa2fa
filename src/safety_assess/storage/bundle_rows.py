"""Assessments as plain JSON-ready data, every column of every row, for sync bundles (and back, on import).

Each record keeps its UUID, revision and times, so the importer can tell the same record, a newer revision of it,
and a different edit of the same revision apart.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, DateTime, Float, Integer, String, Text, Uuid, select
from sqlalchemy.orm import Session

from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.merge import MAX_REVISION, Stamps, revision_of
from safety_assess.storage.database import Database
from safety_assess.storage.orm import (
    ActionRow,
    AssessmentRow,
    Base,
    CampusRow,
    ChecklistSnapshotRow,
    DeletedRecordRow,
    DistrictRow,
    FindingRow,
    GroupInstanceRow,
    PhotoRow,
    ResponseRow,
)
from safety_assess.storage.types import JSONText, UTCDateTime

DOCUMENT_VERSION = 2
"""2 added each record's edit stamps, removed photos (as records) and removed answers and instances (``deleted``)."""


def dump_row(row: Base) -> dict[str, Any]:
    """Every mapped column, with UUIDs, dates and times as text (a column of ``SPARSE`` only when it has a value)."""
    values = {column.key: plain_value(getattr(row, column.key)) for column in row.__mapper__.column_attrs}
    return {key: value for key, value in values.items() if value is not None or key not in SPARSE}


SPARSE = frozenset({"typed"})
"""Columns left out of a record while empty, so that a record is written as an app before them wrote it (its
digest the same, an older app reading it)."""
TYPED_AMOUNTS = "typed_amounts"
"""The document's map of response id -> the amount as typed ("4 ft"): beside the records, not in them, because an
app before migration 0023 refuses a record with a field it does not know and ignores a key of the document."""


def plain_value(value: Any) -> Any:
    """A column value as JSON holds it: UUIDs, dates and times as text."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def revision_chain(database: Database, assessment_id: uuid.UUID) -> list[uuid.UUID]:
    """The assessment and the revisions it was reopened from, oldest first."""
    with database.session() as session:
        chain: list[uuid.UUID] = []
        current: uuid.UUID | None = assessment_id
        while current is not None and current not in chain:
            row = session.get(AssessmentRow, current)
            if row is None:
                raise NotFoundError(f"no assessment {current}")
            chain.append(current)
            current = row.revision_of_id
        return chain[::-1]


def assessment_document(database: Database, assessment_id: uuid.UUID) -> dict[str, Any]:
    """One assessment with everything needed to rebuild it elsewhere (photos deleted in the app as records only)."""
    with database.session() as session:
        return assessment_document_in(session, assessment_id)


def assessment_document_in(session: Session, assessment_id: uuid.UUID) -> dict[str, Any]:
    assessment = session.get(AssessmentRow, assessment_id)
    if assessment is None:
        raise NotFoundError(f"no assessment {assessment_id}")
    campus = session.get(CampusRow, assessment.campus_id)
    assert campus is not None  # a foreign key guarantees it
    contents = _contents(session, assessment_id)
    typed = {r["id"]: r.pop("typed") for r in contents["responses"] if "typed" in r}
    return {
        "document_version": DOCUMENT_VERSION,
        "district": dump_row(_get(session, DistrictRow, campus.district_id)),
        "campus": dump_row(campus),
        "snapshot": dump_row(_get(session, ChecklistSnapshotRow, assessment.snapshot_id)),
        "assessment": dump_row(assessment),
        **contents,
        **({TYPED_AMOUNTS: typed} if typed else {}),
    }


def typed_amounts(document: dict[str, Any], responses: list[Base]) -> None:
    """Give the document's responses the amounts as typed it lists beside them (none: an older app's document);
    RowError when the list is not one of text by the id of one of its responses."""
    typed = document.get(TYPED_AMOUNTS, {})
    if not isinstance(typed, dict) or not all(isinstance(text, str) for text in typed.values()):
        raise RowError(f"'{TYPED_AMOUNTS}' must give each answer's amount as text")
    by_id = {str(row.id): row for row in responses}  # type: ignore[attr-defined]
    for response_id, text in typed.items():
        if response_id not in by_id:
            raise RowError(f"'{TYPED_AMOUNTS}' names answer {str(response_id)[:40]!r}, which is not in the bundle")
        by_id[response_id].typed = text  # type: ignore[attr-defined]


def _contents(session: Session, assessment_id: uuid.UUID) -> dict[str, list[dict[str, Any]]]:
    def rows(table: Any, *order: Any) -> list[dict[str, Any]]:
        query = select(table).where(table.assessment_id == assessment_id).order_by(*order, table.id)
        return [dump_row(row) for row in session.scalars(query)]

    findings = rows(FindingRow, FindingRow.created_at)
    finding_ids = [uuid.UUID(f["id"]) for f in findings]
    actions = session.scalars(
        select(ActionRow).where(ActionRow.finding_id.in_(finding_ids)).order_by(ActionRow.finding_id, ActionRow.id)
    )
    return {
        "instances": rows(GroupInstanceRow, GroupInstanceRow.group_id, GroupInstanceRow.position),
        "responses": rows(ResponseRow, ResponseRow.item_id),
        "findings": findings,
        "actions": [dump_row(row) for row in actions],
        "photos": rows(PhotoRow, PhotoRow.item_id, PhotoRow.position),
        "deleted": rows(DeletedRecordRow, DeletedRecordRow.table_name),
    }


def _get(session: Session, table: type[Base], key: uuid.UUID) -> Base:
    row = session.get(table, key)
    if row is None:
        raise NotFoundError(f"no {table.__tablename__} record {key}")
    return row


OPTIONAL = frozenset({"edit_stamps"})
"""Columns a record from an older app does not have (edit stamps came with migration 0011)."""
OPTIONAL_IN = {"campuses": frozenset({"kind", "opened_on"}), "assessments": frozenset({"spot_check_id"})}
"""Columns of one table a record from an older app does not have (a campus's kind came with migration 0019, a
spot check's run with 0022)."""
ADDED_SINCE: dict[str, Any] = {"follow_up": "", "typed": None}
"""Columns a record from an older app does not have, with the value they mean there (follow-ups: 0020; an amount
as typed, 0023: a response's is read from the document's ``typed_amounts``)."""


class RowError(ValueError):
    """A record in a bundle does not fit its table (unknown or missing field, wrong type)."""


def load_row(table: type[Base], data: dict[str, Any]) -> Base:
    """A new row of ``table`` from a dumped record; every column must be there with a value of its type."""
    columns = {c.key: c.columns[0] for c in table.__mapper__.column_attrs}
    unknown = sorted(set(data) - set(columns) - {"file", "file_kind"})
    if unknown:
        raise RowError(f"{table.__tablename__} record has an unknown field '{unknown[0]}'")
    values = {}
    for key, column in columns.items():
        if key not in data and (key in OPTIONAL or key in OPTIONAL_IN.get(table.__tablename__, ())):
            continue
        if key not in data and key in ADDED_SINCE:
            values[key] = ADDED_SINCE[key]
            continue
        if key not in data:
            raise RowError(f"{table.__tablename__} record has no '{key}'")
        values[key] = _typed(table.__tablename__, key, column, data[key])
    return table(**values)


def typed_value(table: type[Base], key: str, value: Any) -> Any:
    """A plain (JSON) value as the column holds it; RowError when it does not fit."""
    return _typed(table.__tablename__, key, table.__mapper__.column_attrs[key].columns[0], value)


def _typed(table: str, key: str, column: Any, value: Any) -> Any:
    if value is None:
        if not column.nullable:
            raise RowError(f"{table}.{key} must have a value")
        return None
    kind = column.type
    try:
        if key in REVISIONS:
            return revision_of(value)
        if key in STAMPS:
            return _stamps(key, value)
        if isinstance(kind, JSON | JSONText):
            return value
        if isinstance(kind, Uuid):
            return uuid.UUID(_text(value))
        if isinstance(kind, UTCDateTime):
            return _aware(dt.datetime.fromisoformat(_text(value)))
        if isinstance(kind, DateTime):
            return dt.datetime.fromisoformat(_text(value))
        if isinstance(kind, Date):
            return dt.date.fromisoformat(_text(value))
        return _plain_value(kind, value)
    except (TypeError, ValueError, OverflowError):
        raise RowError(f"{table}.{key} has a value of the wrong kind: {str(value)[:40]!r}") from None


REVISIONS = frozenset({"revision"})
"""Columns holding a record's revision counter: 0 to domain.merge.MAX_REVISION."""
STAMPS = frozenset({"edit_stamps", "seen"})
"""Columns holding edit stamps (a record's) or what a removal had seen (a tombstone's), checked in full."""
INTEGER_RANGE = {Integer: 2**31, BigInteger: 2**63}
"""What the databases' integer columns hold (PostgreSQL's INTEGER is 32 bits)."""


def _stamps(key: str, value: Any) -> Any:
    """Edit stamps of the shape domain.merge reads (every revision from 0 to MAX_REVISION), or ValueError."""
    if key == "seen":
        if not isinstance(value, dict):
            raise TypeError
        return {str(who): revision_of(revision) for who, revision in value.items()}
    if not isinstance(value, dict) or Stamps.from_json(value) is None:
        raise ValueError(f"edit stamps past revision {MAX_REVISION} or of another shape")
    return value


def _plain_value(kind: Any, value: Any) -> Any:
    if isinstance(kind, Integer) and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError
    limit = INTEGER_RANGE[BigInteger if isinstance(kind, BigInteger) else Integer]
    if isinstance(kind, Integer) and not -limit <= value < limit:
        raise ValueError
    if isinstance(kind, Float) and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise TypeError
    if isinstance(kind, String | Text) and not isinstance(value, str):
        raise TypeError
    if isinstance(kind, String) and kind.length is not None and len(value) > kind.length:
        raise ValueError
    return float(value) if isinstance(kind, Float) else value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError
    return value


def _aware(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError
    return value
