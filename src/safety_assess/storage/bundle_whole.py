"""Where a merge is not defined (the bundle's assessment made from another checklist snapshot than ours): the whole
assessments compared by every record's revision counter, as before merging existed. The bundle supersedes our copy
(kept in the history) when all of its records are at least as new; an older one changes nothing; when each has
something the other lacks, the bundle's version is kept as a separate copy marked as conflicting with ours, once."""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from safety_assess.storage.bundle_reviews import copied_id
from safety_assess.storage.bundle_rows import SPARSE, assessment_document_in, dump_row, plain_value
from safety_assess.storage.orm import (
    ActionRow,
    AssessmentHistoryRow,
    AssessmentRow,
    Base,
    ConflictSourceRow,
    FindingRow,
    GroupInstanceRow,
    PhotoRow,
    ResponseRow,
    plain_columns,
)
from safety_assess.storage.repositories.copying import clone

CHILDREN: tuple[tuple[str, type[Base]], ...] = (
    ("instances", GroupInstanceRow),
    ("findings", FindingRow),
    ("actions", ActionRow),
    ("responses", ResponseRow),
    ("photos", PhotoRow),
)


def compared_whole(
    session: Session, incoming: dict[str, list[Base]], local: AssessmentRow
) -> tuple[str, uuid.UUID | None]:
    """'updated' (ours replaced), 'older', 'unchanged' or 'conflict' with the copy kept (or found again)."""
    result = _compare(_versions(session, local.id), _versions_of(incoming))
    if result == "updated":
        remember(session, local.id, "replaced by a newer bundle")
        _replace(session, local, incoming)
    elif result == "conflict":
        return _conflict(session, incoming, local.id)
    return result, None


def _conflict(session: Session, incoming: dict[str, list[Base]], local_id: uuid.UUID) -> tuple[str, uuid.UUID | None]:
    """The bundle's version kept as a copy beside ours, once: the same version again finds its copy (unchanged)."""
    digest = _version_digest(_versions_of(incoming))
    kept = session.scalar(
        select(ConflictSourceRow.copy_id).where(
            ConflictSourceRow.conflict_of_id == local_id, ConflictSourceRow.digest == digest
        )
    )
    if kept is not None:
        return "unchanged", kept
    copy_id = _insert_copy(session, incoming, local_id)
    session.add(ConflictSourceRow(copy_id=copy_id, conflict_of_id=local_id, digest=digest))
    return "conflict", copy_id


def _version_digest(versions: Versions) -> str:
    """One digest of every record's id, revision and content."""
    listed = sorted((str(key), revision, content) for key, (revision, content) in versions.items())
    return hashlib.sha256(json.dumps(listed).encode()).hexdigest()


Versions = dict[uuid.UUID, tuple[int, str]]
"""Record id -> (revision counter, hash of its content)."""


def _versions_of(rows: dict[str, list[Base]]) -> Versions:
    return {row.id: (row.revision, _content(row)) for group in rows.values() for row in group}  # type: ignore[attr-defined]


def _versions(session: Session, assessment_id: uuid.UUID) -> Versions:
    """Our copy's records, read as plain rows (not ORM objects: they are about to be replaced in this session)."""
    finding_ids = list(session.scalars(select(FindingRow.id).where(FindingRow.assessment_id == assessment_id)))
    versions: Versions = {}
    tables: list[type[Base]] = [AssessmentRow, *(t for _, t in CHILDREN)]
    for table in tables:
        if table is AssessmentRow:
            owner = AssessmentRow.id == assessment_id
        elif table is ActionRow:
            owner = ActionRow.finding_id.in_(finding_ids)
        else:
            owner = table.assessment_id == assessment_id  # type: ignore[attr-defined]
        for row in session.execute(select(*plain_columns(table)).where(owner)):
            data = {key: plain_value(value) for key, value in row._mapping.items()}
            versions[data_id(data)] = (data["revision"], _digest(data))
    return versions


def data_id(data: dict[str, Any]) -> uuid.UUID:
    return uuid.UUID(str(data["id"]))


VOLATILE = frozenset(
    {
        "created_at",
        "updated_at",
        "revision",
        "sha256",
        "extension",
        "campus_id",
        "snapshot_id",
        "source_installation",
        "imported_at",
        "conflict_of_id",
        "edit_stamps",
        "camera_model",  # bundles now leave it out (it names the device, not the school): not an edit
    }
)


def _content(row: Base) -> str:
    return _digest(dump_row(row))


def _digest(data: dict[str, Any]) -> str:
    kept = {k: v for k, v in data.items() if k not in VOLATILE and not (k in SPARSE and v is None)}
    return hashlib.sha256(json.dumps(kept, sort_keys=True, default=str).encode()).hexdigest()


def _compare(local: Versions, incoming: Versions) -> str:
    if local == incoming:
        return "unchanged"
    if _dominates(incoming, local):
        return "updated"
    if _dominates(local, incoming):
        return "older"
    return "conflict"


def _dominates(newer: Versions, older: Versions) -> bool:
    """Every record of ``older`` is in ``newer``, at the same revision with the same content, or at a later one."""
    for key, (revision, content) in older.items():
        mine = newer.get(key)
        if mine is None or mine[0] < revision or (mine[0] == revision and mine[1] != content):
            return False
    return True


def add_keeping_revisions(session: Session, rows: list[Base]) -> None:
    """Insert the rows with the revision counters they had where they were made (the ORM would start them at 1),
    so the next import can compare them."""
    kept = [(row, row.revision, row.updated_at) for row in rows]  # type: ignore[attr-defined]
    session.add_all(rows)
    session.flush()
    for row, revision, updated_at in kept:
        if row.revision != revision:  # type: ignore[attr-defined]
            table = type(row)
            values = {"revision": revision, "updated_at": updated_at}  # given, or the update would stamp it now
            session.execute(update(table).where(table.id == row.id).values(**values))  # type: ignore[attr-defined]
            session.expire(row)


def _replace(session: Session, local: AssessmentRow, rows: dict[str, list[Base]]) -> None:
    finding_ids = list(session.scalars(select(FindingRow.id).where(FindingRow.assessment_id == local.id)))
    session.execute(delete(ActionRow).where(ActionRow.finding_id.in_(finding_ids)))
    for table in (PhotoRow, ResponseRow, FindingRow, GroupInstanceRow):
        session.execute(delete(table).where(table.assessment_id == local.id))
    incoming = rows["assessment"][0]
    for column in local.__mapper__.column_attrs:
        if column.key not in ("id", "revision"):
            setattr(local, column.key, getattr(incoming, column.key))
    session.flush()
    values = {"revision": incoming.revision, "updated_at": incoming.updated_at}  # type: ignore[attr-defined]
    session.execute(update(AssessmentRow).where(AssessmentRow.id == local.id).values(**values))
    session.expire(local)
    for key, _ in CHILDREN:
        add_keeping_revisions(session, rows[key])


def _insert_copy(session: Session, rows: dict[str, list[Base]], conflict_of: uuid.UUID) -> uuid.UUID:
    """The bundle's version as a new assessment (new ids throughout, each its copied_id, so the review that comes
    with it finds them), marked as conflicting with ours."""
    copy_id = uuid.uuid4()
    ids: dict[uuid.UUID | None, uuid.UUID | None] = {None: None}
    for group in rows.values():
        for row in group:
            ids[row.id] = copied_id(copy_id, row.id)  # type: ignore[attr-defined]
    ids[rows["assessment"][0].id] = copy_id  # type: ignore[attr-defined]
    for key in ("assessment", *(k for k, _ in CHILDREN)):
        for row in rows[key]:
            copy = clone(row, **_remapped(row, ids))  # type: ignore[type-var]
            copy.id = ids[row.id]  # type: ignore[attr-defined]
            if isinstance(copy, AssessmentRow):
                copy.conflict_of_id = conflict_of
            session.add(copy)
        session.flush()
    return ids[rows["assessment"][0].id]  # type: ignore[attr-defined,return-value]


def _remapped(row: Base, ids: dict[uuid.UUID | None, uuid.UUID | None]) -> dict[str, Any]:
    links = ("assessment_id", "instance_id", "finding_id", "revision_of_id")
    return {key: ids.get(getattr(row, key), getattr(row, key)) for key in links if hasattr(row, key)}


def remember(session: Session, assessment_id: uuid.UUID, reason: str) -> AssessmentHistoryRow:
    document = assessment_document_in(session, assessment_id)
    text = json.dumps(document, sort_keys=True, ensure_ascii=False)
    row = AssessmentHistoryRow(
        assessment_id=assessment_id,
        revision=document["assessment"]["revision"],
        content_sha256=hashlib.sha256(text.encode()).hexdigest(),
        document=text,
        reason=reason,
    )
    session.add(row)
    return row
