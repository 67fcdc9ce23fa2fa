"""Plain records the storage layer hands to the CLI and the UI (never ORM objects)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum

AnswerValue = str | int | float | list[str]
"""A canonical answer: see safety_assess.domain.checklist.values for each answer type's form."""


class AssessmentStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


@dataclass(frozen=True)
class Campus:
    id: uuid.UUID
    district_id: uuid.UUID
    name: str
    code: str
    address: str
    kind: str = "elementary"
    """elementary, middle, high or office (domain/readiness/drills.py's CampusKind): which drills it must hold."""
    opened_on: dt.date | None = None
    """When it opened, if known: no drill is dated before it."""


@dataclass(frozen=True)
class SnapshotInfo:
    id: uuid.UUID
    checklist_id: str
    version: str
    title: str
    sha256: str


@dataclass(frozen=True)
class AssessmentSummary:
    id: uuid.UUID
    campus: Campus
    checklist: SnapshotInfo
    assessors: tuple[str, ...]
    assessed_on: dt.date
    status: AssessmentStatus
    started_at: dt.datetime
    completed_at: dt.datetime | None
    answered: int
    revision_no: int = 1
    signed_off_by: tuple[str, ...] = ()
    revision_of: uuid.UUID | None = None
    reopen_reason: str = ""
    source_device: str | None = None
    """The fingerprint of the device it was imported from (None: made here). Imported assessments are read-only."""
    conflict_of: uuid.UUID | None = None
    """Set on a copy kept because two laptops edited the same assessment differently."""
    spot_check_id: uuid.UUID | None = None
    """Set on a spot check's run (a small dated assessment of some sections): it is not the campus's assessment,
    so it never stands for the campus in the plan, the district's figures or a comparison with an earlier one."""

    @property
    def read_only(self) -> bool:
        return self.status != AssessmentStatus.IN_PROGRESS or self.source_device is not None


@dataclass(frozen=True)
class GroupInstance:
    id: uuid.UUID
    group_id: str
    label: str
    position: int


@dataclass(frozen=True)
class Response:
    item_id: str
    instance_id: uuid.UUID | None
    value: AnswerValue | None
    """None when only a note was written."""
    note: str
    answered_at: dt.datetime
    follow_up: str = ""
    """The text the item's follow-up asked for, kept when the answer changes."""
    typed: str | None = None
    """The amount as typed when it was given in another unit than the item's ("4 ft" of 48 in); None otherwise.
    Shown where the answer is shown; rules and scores use ``value``."""


@dataclass(frozen=True)
class AssessmentDetail:
    summary: AssessmentSummary
    instances: tuple[GroupInstance, ...]
    responses: tuple[Response, ...]
    resume_item: str | None = None
    resume_instance: uuid.UUID | None = None


@dataclass(frozen=True)
class PhotoRecord:
    id: uuid.UUID
    assessment_id: uuid.UUID
    item_id: str | None
    """None for a photo of a finding the assessor added."""
    instance_id: uuid.UUID | None
    sha256: str
    extension: str
    filename: str
    width: int
    height: int
    captured_at: dt.datetime | None
    camera_model: str
    gps: tuple[float, float] | None
    caption: str
    position: int
    annotations: tuple[dict[str, object], ...] = ()
    """Vector shapes and redactions (see safety_assess.photos.annotations), burned into every export."""
    finding_id: uuid.UUID | None = None


@dataclass(frozen=True)
class PhotoMeta:
    format: str
    extension: str
    width: int
    """Displayed width: after applying the orientation."""
    height: int
    orientation: int
    captured_at: dt.datetime | None
    camera_model: str
    gps: tuple[float, float] | None


@dataclass(frozen=True)
class FindingRecord:
    """What the assessor stored about a finding: a manual finding whole, or their adjustments of a raised one."""

    id: uuid.UUID
    assessment_id: uuid.UUID
    item_id: str | None
    """The item whose deficient answer raises the finding; None for a finding the assessor added."""
    instance_id: uuid.UUID | None = None
    title: str = ""
    """A manual finding's title; for a raised one, a replacement of the item's prompt ("" keeps it)."""
    section_id: str | None = None
    location: str = ""
    """Free text added to the location: 'north stairwell, second floor'."""
    description: str = ""
    likelihood: int | None = None
    """None keeps the item's default."""
    severity: int | None = None
    rationale: str = ""
    """Why likelihood or severity differ from the item's defaults."""
    residual_likelihood: int | None = None
    residual_severity: int | None = None
    layer: str | None = None
    components: tuple[str, ...] = ()
    revision: int = 1


@dataclass(frozen=True)
class TrustedDevice:
    """An installation whose bundles are imported here: an assessor's laptop (at the district), the district (on a
    laptop)."""

    fingerprint: str
    name: str
    """Who exported from it last."""
    trusted_at: dt.datetime
    last_import_at: dt.datetime | None
    revoked_at: dt.datetime | None
    """When it stopped being trusted; None while it is."""
