"""Applying verified bundle documents to the database, in one transaction: the device's trust, campuses and
snapshots matched, and each assessment added, or merged into ours.

An assessment we have is merged record by record and field by field (storage.bundle_merge, the rule in
domain.merge): every record carries edit stamps (which installation changed each field, at which revision, and what
the record has seen), so a change made on one laptop and another on a second laptop, or the district's status change
and the laptop's newer answers, both stand; a field both changed differently keeps our value and is listed as a
conflict (merge_conflicts), once. The design is the lead's, kept after looking for a flaw: one addition, *held*
stamps, keeps a clash open wherever the record travels (without it the laptop a merged record comes back to would
take the other value silently, its own never seen), and responses and group instances also match by item and
label, as two laptops give them different ids. Only where a merge is not defined (the bundle's assessment made from
another checklist snapshot) are the whole assessments compared by their revision counters as before, and the
bundle's version kept as a separate conflict copy when each has something the other lacks. Nothing is dropped: our
copy as it was before a merge or a replacement is kept in the history.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safety_assess.base.jobs import Changes
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.late_work import LateWork, device_named
from safety_assess.storage import notify
from safety_assess.storage.bundle_drills import (
    DrillsOutcome,
    DrillsRefused,
    PreparedDrills,
    apply_drills,
    prepared_drills,
)
from safety_assess.storage.bundle_merge import Merger, Relabeled
from safety_assess.storage.bundle_plans import PlansOutcome, PlansRefused, PreparedPlans, apply_plans, prepared_plans
from safety_assess.storage.bundle_reviews import (
    PreparedReviews,
    ReviewsOutcome,
    ReviewsRefused,
    apply_reviews,
    moved_to_copy,
    prepared_reviews,
)
from safety_assess.storage.bundle_rows import RowError, load_row, typed_amounts
from safety_assess.storage.bundle_whole import CHILDREN, add_keeping_revisions, compared_whole, remember
from safety_assess.storage.database import Database
from safety_assess.storage.edit_stamps import MERGING
from safety_assess.storage.late_work import completed_at, reopen_late
from safety_assess.storage.orm import (
    AppMetaRow,
    AssessmentRow,
    Base,
    CampusRow,
    ChecklistSnapshotRow,
    DeletedRecordRow,
    DeviceRow,
    PhotoRow,
)
from safety_assess.storage.repositories.campuses import district_row
from safety_assess.storage.types import utcnow

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
    """The conflicting copy kept beside ours (only where a merge is not defined: another checklist)."""
    conflicts: int = 0
    """Fields the merge found changed differently on both sides, listed now (``merge_conflicts``)."""
    late: LateWork | None = None
    """Set when the assessment was completed here and the bundle's changes reopened it."""
    relabeled: tuple[Relabeled, ...] = ()
    """The bundle's group instances renamed here: one of ours had the label."""

    @property
    def named(self) -> str:
        return f"{self.campus}, {self.assessed_on}"


StoredPhoto = Callable[[str], tuple[str, str]]
"""An entry name of the bundle -> (sha256, extension) of that file, now in the photo store."""


@dataclass
class Prepared:
    """One document's records, built and checked once, before anything is written."""

    document: dict[str, Any]
    rows: dict[str, list[Base]]
    """'campus', 'snapshot', 'assessment' (one row each) and the children, by CHILDREN's keys."""
    files: dict[uuid.UUID, str]
    """Photo id -> the bundle entry holding its file (photos without a file in the bundle are left out, unless
    removed: a removal travels as a change of ``deleted_at``)."""
    deleted: list[DeletedRecordRow] = field(default_factory=list)
    """The assessment's removed answers and group instances (tombstones), to be merged as edits."""


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


def prepare_drills(documents: list[dict[str, Any]]) -> list[PreparedDrills]:
    """Every campus's drills typed for their table; ImportRefused naming the first that does not fit."""
    try:
        return [prepared_drills(document) for document in documents]
    except DrillsRefused as error:
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
        typed_amounts(document, rows["responses"])
    except RowError as error:
        raise ImportRefused(f"assessment {document['assessment'].get('id')}: {error}") from None
    files = {uuid.UUID(data["id"]): data["file"] for data in document["photos"] if data.get("file")}
    rows["photos"] = [row for row in rows["photos"] if row.id in files or row.deleted_at is not None]  # type: ignore[attr-defined]
    return Prepared(document, rows, files, _tombstones(document))


def _tombstones(document: dict[str, Any]) -> list[DeletedRecordRow]:
    assessment_id = rows_id = document["assessment"]["id"]
    deleted = document.get("deleted", [])
    try:
        rows = [load_row(DeletedRecordRow, data) for data in deleted]
    except RowError as error:
        raise ImportRefused(f"assessment {assessment_id}: {error}") from None
    for row in rows:
        assert isinstance(row, DeletedRecordRow)
        if str(row.assessment_id) != rows_id or row.table_name not in ("responses", "group_instances"):
            raise ImportRefused(
                f"assessment {assessment_id}: removed record {row.id} is not one of its answers or instances"
            )
    return rows  # type: ignore[return-value]


@dataclass(frozen=True)
class Applied:
    outcomes: list[Outcome]
    """Each assessment's."""
    plans: list[PlansOutcome]
    """Each campus's site plans'."""
    reviews: list[ReviewsOutcome] = field(default_factory=list)
    """Each assessment's review's."""
    drills: list[DrillsOutcome] = field(default_factory=list)
    """Each campus's drill log's."""


def apply_bundle(
    database: Database,
    device: DeviceClaim,
    trust: Callable[[DeviceClaim], bool],
    prepared: list[Prepared],
    stored_photo: StoredPhoto,
    durable: Callable[[], None] = lambda: None,
    plans: Sequence[PreparedPlans] = (),
    reviews: Sequence[PreparedReviews] = (),
    finish: Callable[[Session], None] | None = None,
    drills: Sequence[PreparedDrills] = (),
) -> Applied:
    """Apply the prepared documents (oldest revision first), then the campuses' site plans (their images stored
    with ``stored_photo`` too), in one transaction; ImportRefused changes nothing. ``finish`` then writes what else
    the bundle leaves (a team pack's assignment) in the same transaction. ``durable`` is called once every row is
    written and before they are committed: it makes the photo files they refer to durable."""
    with database.session() as session:
        session.info[MERGING] = True  # the records are written as the bundle brought them, never stamped as ours
        _check_device(session, device, trust)
        outcomes = [_apply(session, one, device, stored_photo) for one in prepared]
        session.flush()
        campuses = [_campus(session, one.campus) for one in plans]
        try:
            plan_outcomes = [
                apply_plans(session, one, at, stored_photo) for one, at in zip(plans, campuses, strict=True)
            ]
            copies = {one.assessment_id: one.copy_id for one in outcomes if one.copy_id is not None}
            review_outcomes = [apply_reviews(session, _with_its_assessment(one, copies)) for one in reviews]
            drill_outcomes = [apply_drills(session, one, _campus(session, one.campus)) for one in drills]
        except (PlansRefused, ReviewsRefused, DrillsRefused) as error:
            raise ImportRefused(str(error)) from None
        if finish is not None:
            finish(session)
        session.flush()
        notify.name(session, announced(outcomes, plan_outcomes, review_outcomes, drill_outcomes))
        durable()
    return Applied(outcomes, plan_outcomes, review_outcomes, drill_outcomes)


def announced(
    outcomes: Sequence[Outcome],
    plans: Sequence[PlansOutcome],
    reviews: Sequence[ReviewsOutcome],
    drills: Sequence[DrillsOutcome] = (),
) -> Changes:
    """What a bundle's statements wrote, as the other computers are told: its assessments (a conflicting copy
    too), their reviews, its campuses' site plans; a drill log changed is told as the campuses (whose readiness the
    overview shows). A campus it added is told by its record."""
    assessments = {one.assessment_id for one in outcomes} | {one.copy_id for one in outcomes if one.copy_id}
    return Changes(
        assessments=frozenset(assessments),
        plans=frozenset(one.assessment_id for one in reviews),
        maps=frozenset(one.campus_id for one in plans),
        campuses=any(one.changed for one in drills),
    )


def _with_its_assessment(reviews: PreparedReviews, copies: dict[uuid.UUID, uuid.UUID]) -> PreparedReviews:
    """The review as it applies: to the conflicting copy when its assessment was kept as one, else to ours."""
    copy_id = copies.get(reviews.assessment_id)
    return reviews if copy_id is None else moved_to_copy(reviews, copy_id)


def vouch_for(database: Database, device: DeviceClaim, trust: Callable[[DeviceClaim], bool]) -> None:
    """Before anything of a bundle is extracted: ImportRefused when it claims a known device that was revoked or is
    signed by another key, UntrustedDevice when its device is new and ``trust`` does not trust it. Writes nothing."""
    with database.session() as session:
        known = session.get(DeviceRow, device.installation_id)
        if known is not None:
            _same_key(known, device)
            return
        revoked = select(DeviceRow).where(DeviceRow.public_key == device.public_key, DeviceRow.revoked_at.is_not(None))
        for known in session.scalars(revoked.limit(1)):
            _same_key(known, device)  # a revoked key under a new installation id: still that device
        if not trust(device):
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
    outcome = Outcome(assessment.id, campus, day, Result.ADDED)
    whole = {**incoming, "photos": [p for p in incoming["photos"] if p.id in prepared.files]}  # type: ignore[attr-defined]
    if local is None:
        _insert(session, whole)
        session.add_all(prepared.deleted)
        return outcome
    if local.snapshot_id != assessment.snapshot_id:  # another checklist: a merge is not defined
        return _by_whole_assessment(session, whole, local, outcome)
    return _merged(session, local, incoming, prepared.deleted, device, outcome)


def _merged(
    session: Session,
    local: AssessmentRow,
    incoming: dict[str, list[Base]],
    deleted: list[DeletedRecordRow],
    device: DeviceClaim,
    outcome: Outcome,
) -> Outcome:
    """The bundle's records merged into ours field by field (storage.bundle_merge); ours as it was is kept in the
    history when anything changes."""
    completed = completed_at(session, local.id)
    history = remember(session, local.id, "merged a bundle")
    named = device_named(device.exporter, device.fingerprint)
    merger = Merger(session, local.id, device.installation_id, device.exporter or device.fingerprint)
    merged = merger.run(incoming, deleted)
    session.expire(local)
    late = late_work(session, local.id, completed, merged.taken + merged.conflicts, named)
    if not merged.changed and not merged.conflicts:
        session.expunge(history)
        result = Result.OLDER if merged.older else Result.UNCHANGED
    else:
        result = Result.CONFLICT if merged.conflicts else Result.UPDATED
    relabeled = tuple(merged.relabeled)
    return dataclasses.replace(outcome, result=result, conflicts=merged.conflicts, late=late, relabeled=relabeled)


def late_work(
    session: Session, assessment_id: uuid.UUID, completed: dt.datetime | None, changes: int, device: str
) -> LateWork | None:
    """The late work that reopened the assessment: it was completed before the merge, and the bundle changed
    something (None otherwise, or when the bundle's own record reopened it)."""
    if completed is None or not changes:
        return None
    late = LateWork(changes, device, completed.date())
    return late if reopen_late(session, assessment_id, late) else None


def _by_whole_assessment(
    session: Session, incoming: dict[str, list[Base]], local: AssessmentRow, outcome: Outcome
) -> Outcome:
    """Our copy and the bundle's compared whole (storage.bundle_whole), where a merge is not defined."""
    result, copy_id = compared_whole(session, incoming, local)
    return dataclasses.replace(outcome, result=Result(result), copy_id=copy_id)


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
        if photo.id in prepared.files:
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


def _insert(session: Session, rows: dict[str, list[Base]]) -> None:
    for key in ("assessment", *(k for k, _ in CHILDREN)):
        add_keeping_revisions(session, rows[key])
