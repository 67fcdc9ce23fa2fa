"""Edit stamps kept in one place: before every flush, the changed merge fields of new and changed synced records
are stamped with this installation's id and the revision the record is about to get (see domain.merge).

Writes that bypass the ORM's unit of work (bulk ``update()``/``delete()``) are not seen here. Each in storage/ is
handled: the importer's (bundle_apply, bundle_merge, bundle_whole) write the stamps the bundle brought or the merge
computed, in a session marked ``MERGING``; the answers repository's deletes (an answer cleared by undo, a group
instance removed with its answers) record a tombstone first (``tombstone``); the others (bundle_plans,
bundle_reviews, figures) touch tables that are not stamped.
"""

from __future__ import annotations

import weakref
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from safety_assess.domain.merge import Stamps
from safety_assess.storage.orm import (
    ActionRow,
    AppMetaRow,
    AssessmentRow,
    Base,
    DeletedRecordRow,
    FindingRow,
    GroupInstanceRow,
    PhotoRow,
    ResponseRow,
)
from safety_assess.storage.orm_readiness import DrillRow, SpotCheckRow

MERGING = "merging"
"""Session info flag: the session writes records as a bundle brought them; nothing is stamped."""

NOT_MERGED = frozenset(
    {
        "id",
        "created_at",
        "updated_at",
        "revision",
        "edit_stamps",
        "assessment_id",
        "campus_id",
        "snapshot_id",
        "source_installation",
        "imported_at",
        "conflict_of_id",
        "revision_of_id",
        "revision_no",
        "resume_item_id",
        "resume_instance_id",
        "sha256",
        "extension",
        "camera_model",
    }
)
"""Columns that are the record's identity, its place, or this installation's own (where to resume, the file)."""
KEYS: dict[type[Base], frozenset[str]] = {
    ResponseRow: frozenset({"item_id", "instance_id"}),
    FindingRow: frozenset({"item_id", "instance_id"}),
    ActionRow: frozenset({"finding_id"}),
    GroupInstanceRow: frozenset({"group_id"}),
}
"""Per table, columns that say which record it is (a response is its item's in its instance), never merged."""
COMPANIONS: dict[type[Base], dict[str, tuple[str, ...]]] = {
    ResponseRow: {"value": ("answered_at", "typed")},
    ActionRow: {"status": ("status_changed_at", "status_changed_by")},
}
"""Fields that follow another's choice: an answer's time and the amount as typed follow the answer, who changed a
status follows it."""
PARTS: dict[type[Base], dict[str, tuple[str, ...]]] = {ResponseRow: {"value": ("typed",)}}
"""Companions that are part of their field's value: changing one alone ("48" typed again as "4 ft") is an edit of
the field, stamped as such."""
STAMPED: tuple[type[Base], ...] = (
    AssessmentRow,
    GroupInstanceRow,
    ResponseRow,
    FindingRow,
    ActionRow,
    PhotoRow,
    DrillRow,
    SpotCheckRow,
)


def merged_fields(table: type[Base]) -> tuple[str, ...]:
    """The table's fields merged one by one (companions left out: they follow their field)."""
    following = {name for names in COMPANIONS.get(table, {}).values() for name in names}
    skip = NOT_MERGED | KEYS.get(table, frozenset()) | following
    return tuple(c.key for c in table.__mapper__.column_attrs if c.key not in skip)


_FIELDS = {table: merged_fields(table) for table in STAMPED}
_installations: weakref.WeakKeyDictionary[Engine | Connection, str] = weakref.WeakKeyDictionary()


def installation_of(session: Session) -> str:
    """This installation's id (app_meta), read once per database."""
    bind = session.get_bind()
    known = _installations.get(bind)
    if known is None:
        with session.no_autoflush:
            row = session.get(AppMetaRow, "installation_id")
        known = row.value if row is not None else "unknown"
        _installations[bind] = known
    return known


def stamps_of(row: Any) -> Stamps | None:
    return Stamps.from_json(row.edit_stamps)


@event.listens_for(Session, "before_flush")
def _stamp(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(MERGING):
        return
    rows = [(row, True) for row in session.new if isinstance(row, STAMPED)]
    rows += [(row, False) for row in session.dirty if isinstance(row, STAMPED)]
    if not rows:
        return
    installation = installation_of(session)
    row: Any
    for row, new in rows:
        names = _FIELDS[type(row)] if new else _changed(row)
        if names:
            revision = 1 if new or row.revision is None else row.revision + 1
            if new and row.revision is not None:
                revision = row.revision
            base = stamps_of(row) or Stamps({}, {})
            row.edit_stamps = base.edited(installation, revision, names).to_json()


def _changed(row: Any) -> list[str]:
    state = inspect(row)
    names = []
    parts = PARTS.get(type(row), {})
    for name in _FIELDS[type(row)]:
        for part in (name, *parts.get(name, ())):
            history = state.attrs[part].history
            if history.added or history.deleted:
                names.append(name)
                break
    return names


def tombstone(session: Session, row: ResponseRow | GroupInstanceRow) -> None:
    """Record the removal of ``row`` (about to be deleted by a bulk delete) so that it travels in bundles."""
    installation = installation_of(session)
    revision = (row.revision or 0) + 1
    stamps = (stamps_of(row) or Stamps({installation: row.revision or 0}, {})).edited(installation, revision, [])
    instance = row.instance_id if isinstance(row, ResponseRow) else None
    item = row.item_id if isinstance(row, ResponseRow) else None
    found = session.get(DeletedRecordRow, row.id)
    if found is None:
        found = DeletedRecordRow(id=row.id, assessment_id=row.assessment_id, table_name=row.__tablename__)
        session.add(found)
    found.item_id, found.instance_id = item, instance
    found.installation, found.revision, found.seen = installation, revision, dict(stamps.seen)
