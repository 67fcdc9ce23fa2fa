"""Applying verified bundle documents to the database, in one transaction: the device's trust, campuses and
snapshots matched, and each assessment added, updated, left alone or kept beside as a conflict.

Which of these is decided record by record, on the revision counters every record carries: a bundle whose records
are all at least as new as ours (and equal where the counters are equal) supersedes our copy, which is kept in the
history; one that is older changes nothing; when each side has something newer the other lacks, two laptops edited
the same assessment, and the bundle's version is kept as a separate copy marked as a conflict. Nothing is dropped.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.storage.bundle_plans import PlansOutcome, PlansRefused, PreparedPlans, apply_plans, prepared_plans
from safety_assess.storage.bundle_reviews import (
    PreparedReviews,
    ReviewsOutcome,
    ReviewsRefused,
    apply_reviews,
    prepared_reviews,
)
from safety_assess.storage.bundle_rows import RowError, assessment_document_in, dump_row, load_row, plain_value
from safety_assess.storage.database import Database
from safety_assess.storage.orm import (
    ActionRow,
    AppMetaRow,
    AssessmentHistoryRow,
    AssessmentRow,
    Base,
    CampusRow,
    ChecklistSnapshotRow,
    ConflictSourceRow,
    DeviceRow,
    FindingRow,
    GroupInstanceRow,
    PhotoRow,
    ResponseRow,
    plain_columns,
)
from safety_assess.storage.repositories.campuses import district_row
from safety_assess.storage.repositories.copying import clone
from safety_assess.storage.types import utcnow

CHILDREN: tuple[tuple[str, type[Base]], ...] = (
    ("instances", GroupInstanceRow),
    ("findings", FindingRow),
    ("actions", ActionRow),
    ("responses", ResponseRow),
    ("photos", PhotoRow),
)
RECORDS: tuple[tuple[str, type[Base]], ...] = (
    ("campus", CampusRow),
    ("snapshot", ChecklistSnapshotRow),
    ("assessment", AssessmentRow),
)


class ImportRefused(SafetyAssessError):
    """The bundle cannot be applied: an untrusted or impostor device, or a record that does not fit."""


class UntrustedDevice(ImportRefused):
    """The bundle comes from a device not trusted yet; a person may trust it after comparing the fingerprint."""

    def __init__(self, claim: DeviceClaim) -> None:
        super().__init__(
            f"the bundle comes from a device not trusted yet ({claim.fingerprint}, exported by "
            f"{claim.exporter or 'an unnamed assessor'}); confirm the fingerprint with the assessor, then trust it"
        )
        self.claim = claim


class Result(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    OLDER = "older"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class DeviceClaim:
    installation_id: str
    public_key: str
    fingerprint: str
    exporter: str


@dataclass(frozen=True)
class Outcome:
    assessment_id: uuid.UUID
    campus: str
    assessed_on: str
    result: Result
    copy_id: uuid.UUID | None = None
    """The conflicting copy kept beside ours."""


StoredPhoto = Callable[[str], tuple[str, str]]
"""An entry name of the bundle -> (sha256, extension) of that file, now in the photo store."""


@dataclass
class Prepared:
    """One document's records, built and checked once, before anything is written."""

    document: dict[str, Any]
    rows: dict[str, list[Base]]
    """'campus', 'snapshot', 'assessment' (one row each) and the children, by CHILDREN's keys."""
    files: dict[uuid.UUID, str]
    """Photo id -> the bundle entry holding its file (photos without a file in the bundle are left out)."""


def prepare(documents: list[dict[str, Any]]) -> list[Prepared]:
    """Every record of every document as a row of its table; ImportRefused naming the first that does not fit.
    Nothing is written: this runs before any photo is stored."""
    return [_prepared(document) for document in documents]


def prepare_plans(documents: list[dict[str, Any]]) -> list[PreparedPlans]:
    """Every campus's plan records typed for their tables; ImportRefused naming the first that does not fit."""
    try:
        return [prepared_plans(document) for document in documents]
    except PlansRefused as error:
        raise ImportRefused(str(error)) from None


def prepare_reviews(documents: list[dict[str, Any]]) -> list[PreparedReviews]:
    """Every assessment's review records typed for their tables; ImportRefused naming the first that does not fit."""
    try:
        return [prepared_reviews(document) for document in documents]
    except ReviewsRefused as error:
        raise ImportRefused(str(error)) from None


def _prepared(document: dict[str, Any]) -> Prepared:
    try:
        rows = {key: [load_row(table, document[key])] for key, table in RECORDS}
        rows.update({key: [load_row(table, data) for data in document[key]] for key, table in CHILDREN})
    except RowError as error:
        raise ImportRefused(f"assessment {document['assessment'].get('id')}: {error}") from None
    files = {uuid.UUID(data["id"]): data["file"] for data in document["photos"] if data.get("file")}
    rows["photos"] = [row for row in rows["photos"] if row.id in files]  # type: ignore[attr-defined]
    return Prepared(document, rows, files)


@dataclass(frozen=True)
class Applied:
    outcomes: list[Outcome]
    """Each assessment's."""
    plans: list[PlansOutcome]
    """Each campus's site plans'."""
    reviews: list[ReviewsOutcome] = field(default_factory=list)
    """Each assessment's review's."""


def apply_bundle(
    database: Database,
    device: DeviceClaim,
    trust: Callable[[DeviceClaim], bool],
    prepared: list[Prepared],
    stored_photo: StoredPhoto,
    durable: Callable[[], None] = lambda: None,
    plans: Sequence[PreparedPlans] = (),
    reviews: Sequence[PreparedReviews] = (),
) -> Applied:
    """Apply the prepared documents (oldest revision first), then the campuses' site plans (their images stored
    with ``stored_photo`` too), in one transaction; ImportRefused changes nothing. ``durable`` is called once every
    row is written and before they are committed: it makes the photo files they refer to durable."""
    with database.session() as session:
        _check_device(session, device, trust)
        outcomes = [_apply(session, one, device, stored_photo) for one in prepared]
        session.flush()
        campuses = [_campus(session, one.campus) for one in plans]
        try:
            plan_outcomes = [
                apply_plans(session, one, at, stored_photo) for one, at in zip(plans, campuses, strict=True)
            ]
            review_outcomes = [apply_reviews(session, one) for one in reviews]
        except (PlansRefused, ReviewsRefused) as error:
            raise ImportRefused(str(error)) from None
        session.flush()
        durable()
    return Applied(outcomes, plan_outcomes, review_outcomes)


def vouch_for(database: Database, device: DeviceClaim, trust: Callable[[DeviceClaim], bool]) -> None:
    """Before anything of a bundle is extracted: ImportRefused when it claims a known device that was revoked or is
    signed by another key, UntrustedDevice when its device is new and ``trust`` does not trust it. Writes nothing."""
    with database.session() as session:
        known = session.get(DeviceRow, device.installation_id)
        if known is not None:
            _same_key(known, device)
        elif not trust(device):
            raise UntrustedDevice(device)


def _same_key(known: DeviceRow, device: DeviceClaim) -> None:
    """ImportRefused when the known device was revoked, or the bundle claims it but another key signed it."""
    if known.revoked_at is not None:
        raise ImportRefused(
            f"the bundle comes from the device {known.fingerprint} ({known.name or 'unnamed'}), which was revoked "
            f"here on {known.revoked_at:%Y-%m-%d}; nothing of it was imported"
        )
    if known.public_key != device.public_key:
        raise ImportRefused(
            f"the bundle claims to come from the device {known.fingerprint} but is signed by another key "
            f"({device.fingerprint}); it was not made by that device"
        )


def _check_device(session: Session, device: DeviceClaim, trust: Callable[[DeviceClaim], bool]) -> None:
    known = session.get(DeviceRow, device.installation_id)
    if known is None:
        if not trust(device):
            raise UntrustedDevice(device)
        known = DeviceRow(
            installation_id=device.installation_id,
            public_key=device.public_key,
            fingerprint=device.fingerprint,
            name=device.exporter,
        )
        session.add(known)
    else:
        _same_key(known, device)
    known.name, known.last_import_at = device.exporter or known.name, utcnow()


def _apply(session: Session, prepared: Prepared, device: DeviceClaim, stored_photo: StoredPhoto) -> Outcome:
    incoming = _placed(session, prepared, stored_photo)
    assessment = incoming["assessment"][0]
    assert isinstance(assessment, AssessmentRow)
    made_here = assessment.source_installation == _our_installation(session)  # ours, sent back by the district
    assessment.source_installation = None if made_here else device.installation_id
    assessment.imported_at = utcnow()
    local = session.get(AssessmentRow, assessment.id)
    campus, day = prepared.document["campus"]["name"], str(assessment.assessed_on)
    if local is None:
        _insert(session, incoming)
        return Outcome(assessment.id, campus, day, Result.ADDED)
    result = _compare(_versions(session, local.id), _versions_of(incoming))
    if result == Result.UPDATED:
        _remember(session, local.id, "replaced by a newer bundle")
        _replace(session, local, incoming)
    elif result == Result.CONFLICT:
        return _conflict(session, incoming, local.id, Outcome(assessment.id, campus, day, result))
    return Outcome(assessment.id, campus, day, result)


def _conflict(session: Session, incoming: dict[str, list[Base]], local_id: uuid.UUID, outcome: Outcome) -> Outcome:
    """The bundle's version kept as a copy beside ours, once: the same version again finds its copy (unchanged)."""
    digest = _version_digest(_versions_of(incoming))
    kept = session.scalar(
        select(ConflictSourceRow.copy_id).where(
            ConflictSourceRow.conflict_of_id == local_id, ConflictSourceRow.digest == digest
        )
    )
    if kept is not None:
        return dataclasses.replace(outcome, result=Result.UNCHANGED, copy_id=kept)
    copy_id = _insert_copy(session, incoming, local_id)
    session.add(ConflictSourceRow(copy_id=copy_id, conflict_of_id=local_id, digest=digest))
    return dataclasses.replace(outcome, copy_id=copy_id)


def _version_digest(versions: Versions) -> str:
    """One digest of every record's id, revision and content."""
    listed = sorted((str(key), revision, content) for key, (revision, content) in versions.items())
    return hashlib.sha256(json.dumps(listed).encode()).hexdigest()


def _our_installation(session: Session) -> str | None:
    row = session.get(AppMetaRow, "installation_id")
    return row.value if row is not None else None


def _placed(session: Session, prepared: Prepared, stored_photo: StoredPhoto) -> dict[str, list[Base]]:
    """The assessment's rows, pointing at our campus and snapshot, with their photos in our store."""
    rows = prepared.rows
    campus, snapshot = rows["campus"][0], rows["snapshot"][0]
    assert isinstance(campus, CampusRow) and isinstance(snapshot, ChecklistSnapshotRow)
    assessment = rows["assessment"][0]
    assert isinstance(assessment, AssessmentRow)
    assessment.campus_id, assessment.snapshot_id = _campus(session, campus), _snapshot(session, snapshot)
    for photo in rows["photos"]:
        assert isinstance(photo, PhotoRow)
        photo.sha256, photo.extension = stored_photo(prepared.files[photo.id])
    return {key: rows[key] for key in ("assessment", *(k for k, _ in CHILDREN))}


def _campus(session: Session, campus: CampusRow) -> uuid.UUID:
    """The campus by id, else by code (the district's name for a school), else a new one in our district."""
    if session.get(CampusRow, campus.id) is not None:
        return campus.id
    found = session.scalar(select(CampusRow.id).where(func.lower(CampusRow.code) == campus.code.strip().lower()))
    if found is not None:
        return found
    campus.district_id = district_row(session).id
    session.add(campus)
    session.flush()
    return campus.id


def _snapshot(session: Session, snapshot: ChecklistSnapshotRow) -> uuid.UUID:
    """The snapshot by id, else one with the same checklist, version and content, else this one."""
    if session.get(ChecklistSnapshotRow, snapshot.id) is not None:
        return snapshot.id
    same = session.scalar(
        select(ChecklistSnapshotRow.id).where(
            ChecklistSnapshotRow.checklist_id == snapshot.checklist_id,
            ChecklistSnapshotRow.version == snapshot.version,
            ChecklistSnapshotRow.sha256 == snapshot.sha256,
        )
    )
    if same is not None:
        return same
    session.add(snapshot)
    session.flush()
    return snapshot.id


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
        "camera_model",  # bundles now leave it out (it names the device, not the school): not an edit
    }
)


def _content(row: Base) -> str:
    return _digest(dump_row(row))


def _digest(data: dict[str, Any]) -> str:
    kept = {k: v for k, v in data.items() if k not in VOLATILE}
    return hashlib.sha256(json.dumps(kept, sort_keys=True, default=str).encode()).hexdigest()


def _compare(local: Versions, incoming: Versions) -> Result:
    if local == incoming:
        return Result.UNCHANGED
    if _dominates(incoming, local):
        return Result.UPDATED
    if _dominates(local, incoming):
        return Result.OLDER
    return Result.CONFLICT


def _dominates(newer: Versions, older: Versions) -> bool:
    """Every record of ``older`` is in ``newer``, at the same revision with the same content, or at a later one."""
    for key, (revision, content) in older.items():
        mine = newer.get(key)
        if mine is None or mine[0] < revision or (mine[0] == revision and mine[1] != content):
            return False
    return True


def _insert(session: Session, rows: dict[str, list[Base]]) -> None:
    for key in ("assessment", *(k for k, _ in CHILDREN)):
        _add_keeping_revisions(session, rows[key])


def _add_keeping_revisions(session: Session, rows: list[Base]) -> None:
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
        _add_keeping_revisions(session, rows[key])


def _insert_copy(session: Session, rows: dict[str, list[Base]], conflict_of: uuid.UUID) -> uuid.UUID:
    """The bundle's version as a new assessment (new ids throughout), marked as conflicting with ours."""
    ids: dict[uuid.UUID | None, uuid.UUID | None] = {None: None}
    for group in rows.values():
        for row in group:
            ids[row.id] = uuid.uuid4()  # type: ignore[attr-defined]
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


def _remember(session: Session, assessment_id: uuid.UUID, reason: str) -> None:
    document = assessment_document_in(session, assessment_id)
    text = json.dumps(document, sort_keys=True, ensure_ascii=False)
    session.add(
        AssessmentHistoryRow(
            assessment_id=assessment_id,
            revision=document["assessment"]["revision"],
            content_sha256=hashlib.sha256(text.encode()).hexdigest(),
            document=text,
            reason=reason,
        )
    )
