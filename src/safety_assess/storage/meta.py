"""Facts about this installation kept in the database (app_meta)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, select

from safety_assess.storage.database import Database, DatabaseError
from safety_assess.storage.orm import (
    ActionRow,
    AppMetaRow,
    AssessmentRow,
    FindingRow,
    GroupInstanceRow,
    PhotoRow,
    ResponseRow,
)

LAST_EXPORT = "last_bundle_export_at"


def installation_id(database: Database) -> str:
    """The id given to this installation when its database was made (migration 0002)."""
    return get(database, "installation_id") or "unknown"


def get(database: Database, key: str) -> str | None:
    with database.session() as session:
        row = session.get(AppMetaRow, key)
        return row.value if row is not None else None


def put(database: Database, key: str, value: str) -> None:
    put_all(database, {key: value})


def put_all(database: Database, values: dict[str, str]) -> None:
    """Keep every value under its key, all at once."""
    with database.session() as session:
        for key, value in values.items():
            row = session.get(AppMetaRow, key)
            if row is None:
                session.add(AppMetaRow(key=key, value=value))
            else:
                row.value = value


READINESS_SOURCE = "readiness_source"
"""Where this installation's readiness settings (drill rules, terms, targets) came from: ``here`` once someone set
them here (storage/readiness.py)."""
SET_HERE = "here"


def claim(database: Database, key: str, value: str) -> str:
    """The value kept under ``key``; ``value`` is kept first when there is none (or an empty one). Of several
    computers claiming it at once, the first to commit wins and the others get its value."""
    try:
        with database.session() as session:
            row = session.get(AppMetaRow, key)
            if row is not None and row.value:
                return row.value
            if row is None:
                session.add(AppMetaRow(key=key, value=value))
            else:
                row.value = value
    except DatabaseError:  # another computer inserted it meanwhile: theirs stands
        kept = get(database, key)
        if not kept:
            raise
        return kept
    return value


def last_export(database: Database) -> dt.datetime | None:
    value = get(database, LAST_EXPORT)
    return dt.datetime.fromisoformat(value) if value else None


def changed_since(database: Database, since: dt.datetime | None) -> list[uuid.UUID]:
    """Assessments made here with anything (answers, findings, actions, photos ...) changed after ``since``;
    every one made here when ``since`` is None. Oldest first."""
    with database.session() as session:
        own = dict(
            session.execute(
                select(AssessmentRow.id, AssessmentRow.updated_at).where(AssessmentRow.source_installation.is_(None))
            ).all()
        )
        latest = dict(own)
        for table in (ResponseRow, FindingRow, PhotoRow, GroupInstanceRow):
            query = select(table.assessment_id, func.max(table.updated_at)).group_by(table.assessment_id)
            for assessment_id, when in session.execute(query):
                _later(latest, assessment_id, when)
        query = (
            select(FindingRow.assessment_id, func.max(ActionRow.updated_at))
            .join(FindingRow, ActionRow.finding_id == FindingRow.id)
            .group_by(FindingRow.assessment_id)
        )
        for assessment_id, when in session.execute(query):
            _later(latest, assessment_id, when)
    chosen = [(when, key) for key, when in latest.items() if key in own and (since is None or when > since)]
    return [key for _, key in sorted(chosen)]


def _later(latest: dict[uuid.UUID, dt.datetime], assessment_id: uuid.UUID, when: dt.datetime | str | None) -> None:
    if when is None or assessment_id not in latest:
        return
    moment = dt.datetime.fromisoformat(when) if isinstance(when, str) else when
    moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    if moment > latest[assessment_id]:
        latest[assessment_id] = moment
