"""Campuses and assessment summaries in plain SQL over a DB-API connection.

The one implementation of these lists: the repositories use it on their SQLAlchemy connection, and the app uses
it on a read-only sqlite3 connection to fill its main window before SQLAlchemy has even been imported.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from safety_assess.domain.records import AssessmentStatus, AssessmentSummary, Campus, SnapshotInfo

T = TypeVar("T")


class Cursor(Protocol):
    def fetchall(self) -> list[Any]: ...


class Connection(Protocol):
    def execute(self, sql: str, parameters: tuple[Any, ...] = ..., /) -> Cursor: ...


CAMPUS_COLUMNS = "c.id, c.district_id, c.name, c.code, c.address"
CAMPUS_EXTRA = "c.kind, c.opened_on"
"""Asked last (in the summaries too), so the columns before them keep their places."""
CAMPUSES_SQL = f"SELECT {CAMPUS_COLUMNS}, {CAMPUS_EXTRA} FROM campuses c ORDER BY lower(c.name), c.code"
SUMMARIES_SQL = f"""
SELECT a.id, a.assessors, a.assessed_on, a.status, a.started_at, a.completed_at,
       coalesce(k.answered, 0) AS answered,
       s.id, s.checklist_id, s.version, s.title, s.sha256,
       {CAMPUS_COLUMNS},
       a.revision_no, a.signed_off_by, a.revision_of_id, a.reopen_reason,
       a.source_installation, d.fingerprint, a.conflict_of_id, {CAMPUS_EXTRA}, a.spot_check_id
FROM assessments a
JOIN checklist_snapshots s ON s.id = a.snapshot_id
JOIN campuses c ON c.id = a.campus_id
LEFT JOIN devices d ON d.installation_id = a.source_installation
LEFT JOIN assessment_changes k ON k.assessment_id = a.id
"""
ORDER = " ORDER BY a.assessed_on DESC, a.started_at DESC"


def campuses(connection: Connection) -> list[Campus]:
    return [_campus(row) for row in connection.execute(CAMPUSES_SQL).fetchall()]


def summaries(connection: Connection, campus_id: uuid.UUID | None = None) -> list[AssessmentSummary]:
    """Every assessment (or one campus's), newest first, in one query whatever their number."""
    if campus_id is None:
        rows = connection.execute(SUMMARIES_SQL + ORDER).fetchall()
    else:
        rows = connection.execute(SUMMARIES_SQL + " WHERE a.campus_id = ?" + ORDER, (campus_id.hex,)).fetchall()
    campus_of: dict[Any, Campus] = {}  # one record per campus, and per checklist snapshot, shared by their assessments
    snapshot_of: dict[Any, SnapshotInfo] = {}
    convert: Callable[[Any], AssessmentSummary] = lambda row: _summary(row, campus_of, snapshot_of)  # noqa: E731
    return remembered(_SUMMARIES, rows, convert) if campus_id is None else [convert(row) for row in rows]


def remembered(memo: list[dict[Any, T]], rows: list[Any], convert: Callable[[Any], T]) -> list[T]:
    """``convert`` of each row, taken from the last listing where the same row was converted already (the
    district view lists five thousand assessments at every refresh, mostly unchanged; equal rows give equal
    records, all immutable). Only the last listing's rows are kept. Rows with unhashable values (a server's JSON
    lists) are converted each time."""
    keys, last = [tuple(row) for row in rows], memo[0]
    try:
        seen = [key in last for key in keys]
    except TypeError:
        return [convert(row) for row in rows]
    now = {key: last[key] if found else convert(key) for key, found in zip(keys, seen, strict=True)}
    memo[0] = now
    return [now[key] for key in keys]


_SUMMARIES: list[dict[Any, AssessmentSummary]] = [{}]
"""The summaries of the last full listing, by their row."""


def summary(connection: Connection, assessment_id: uuid.UUID) -> AssessmentSummary | None:
    rows = connection.execute(SUMMARIES_SQL + " WHERE a.id = ?", (assessment_id.hex,)).fetchall()
    return _summary(rows[0], {}, {}) if rows else None


def _campus(row: Any, extra: Any = None) -> Campus:
    kind, opened = row[5:7] if extra is None else extra
    opened_on = _date(opened) if opened is not None else None
    return Campus(as_uuid(row[0]), as_uuid(row[1]), row[2], row[3], row[4], kind, opened_on)


def _summary(row: Any, campus_of: dict[Any, Campus], snapshot_of: dict[Any, SnapshotInfo]) -> AssessmentSummary:
    assessors = _names(row[1])
    campus = campus_of.get(row[12])
    if campus is None:
        campus = campus_of[row[12]] = _campus(row[12:17], row[24:26])
    snapshot = snapshot_of.get(row[7])
    if snapshot is None:
        snapshot = snapshot_of[row[7]] = SnapshotInfo(as_uuid(row[7]), row[8], row[9], row[10], row[11])
    return AssessmentSummary(
        id=as_uuid(row[0]),
        campus=campus,
        checklist=snapshot,
        assessors=assessors,
        assessed_on=_date(row[2]),
        status=AssessmentStatus(row[3]),
        started_at=as_utc(row[4]),
        completed_at=as_utc(row[5]) if row[5] is not None else None,
        answered=int(row[6]),
        revision_no=int(row[17]),
        signed_off_by=_names(row[18]),
        revision_of=as_uuid(row[19]) if row[19] is not None else None,
        reopen_reason=row[20] or "",
        source_device=(row[22] or row[21]) if row[21] is not None else None,
        conflict_of=as_uuid(row[23]) if row[23] is not None else None,
        spot_check_id=as_uuid(row[26]) if row[26] is not None else None,
    )


def _names(value: Any) -> tuple[str, ...]:
    """A JSON list of names (assessors, who signed off) as a tuple; None as none."""
    if isinstance(value, str):
        return _parsed_names(value)
    return tuple(value or ())


@functools.lru_cache(maxsize=4096)
def _parsed_names(text: str) -> tuple[str, ...]:
    """Parsed once per distinct text: a district's thousands of assessments share a few teams."""
    return tuple(json.loads(text) or ())


def as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def as_utc(value: Any) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)
