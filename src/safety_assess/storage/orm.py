"""Tables, as SQLAlchemy 2 typed ORM classes. Only repositories use them."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from safety_assess.storage.types import JSONText, UTCDateTime, utcnow


class Base(DeclarativeBase):
    pass


class Record(Base):
    """Every record: a UUID (made offline on many laptops, merged later), times and a revision counter."""

    __abstract__ = True

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    revision: Mapped[int] = mapped_column(Integer, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 (a declared_attr takes the class)
        """The revision counter doubles as an optimistic lock: a stale update fails instead of overwriting."""
        return {"version_id_col": cls.__table__.c.revision}


def plain_columns(table: type[Base]) -> list[Any]:
    """Every mapped column of a table, to select rows as plain tuples: much cheaper than ORM objects when only
    read (a row has the same attribute names)."""
    return [getattr(table, attribute.key) for attribute in table.__mapper__.column_attrs]


def same_instance(column: Any, instance_id: uuid.UUID | None) -> Any:
    """``column`` matches the group instance, or no instance when ``instance_id`` is None (SQL's IS NULL)."""
    return column.is_(None) if instance_id is None else column == instance_id


class DistrictRow(Record):
    __tablename__ = "districts"

    name: Mapped[str] = mapped_column(String(200))


class CampusRow(Record):
    __tablename__ = "campuses"
    __table_args__ = (UniqueConstraint("district_id", "code", name="uq_campuses_district_code"),)

    district_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("districts.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(40))
    address: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="elementary", server_default="elementary")
    """elementary, middle, high or office: which drills it must hold (migration 0019)."""
    opened_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    """When the campus opened, if known: no drill is dated before it."""

    district: Mapped[DistrictRow] = relationship()


class ChecklistSnapshotRow(Record):
    """The exact checklist an assessment was started from, frozen."""

    __tablename__ = "checklist_snapshots"
    __table_args__ = (UniqueConstraint("checklist_id", "version", "sha256", name="uq_snapshots_content"),)

    checklist_id: Mapped[str] = mapped_column(String(80), index=True)
    version: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    document: Mapped[dict[str, Any]] = mapped_column(JSON, deferred=True)


class AssessmentRow(Record):
    __tablename__ = "assessments"

    campus_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campuses.id", ondelete="RESTRICT"), index=True)
    snapshot_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("checklist_snapshots.id", ondelete="RESTRICT"))
    assessors: Mapped[list[str]] = mapped_column(JSON, default=list)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="in_progress")
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    completed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    resume_item_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    resume_instance_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    signed_off_by: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    revision_no: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    revision_of_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("assessments.id", ondelete="RESTRICT", name="fk_assessments_revision_of"), nullable=True
    )
    reopen_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    source_installation: Mapped[str | None] = mapped_column(String(80), nullable=True)
    """The installation that made it, when it came in a bundle (None: made here). Imported ones are read-only."""
    imported_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    conflict_of_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("assessments.id", ondelete="RESTRICT", name="fk_assessments_conflict_of"), nullable=True
    )
    """Set on a copy kept because two laptops edited the same revision differently: the one it conflicts with."""
    spot_check_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    """Set on a spot check's run (migration 0022): its schedule. Not a foreign key: a run may travel without it."""

    edit_stamps: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    """Who last changed each field, at which revision, and what the record has seen (migration 0011; domain.merge)."""

    campus: Mapped[CampusRow] = relationship()
    snapshot: Mapped[ChecklistSnapshotRow] = relationship()


class GroupInstanceRow(Record):
    """One instance of a repeatable group in an assessment: 'Entry 3 - gym doors'."""

    __tablename__ = "group_instances"
    __table_args__ = (UniqueConstraint("assessment_id", "group_id", "label", name="uq_instances_label"),)

    assessment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[str] = mapped_column(String(80))
    label: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    edit_stamps: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    """Who last changed each field, at which revision, and what the record has seen (migration 0011; domain.merge)."""


class ResponseRow(Record):
    __tablename__ = "responses"
    __table_args__ = (
        Index(
            "uq_responses_item",
            "assessment_id",
            "item_id",
            unique=True,
            sqlite_where=text("instance_id IS NULL"),
            postgresql_where=text("instance_id IS NULL"),
        ),
        Index("uq_responses_instance_item", "assessment_id", "instance_id", "item_id", unique=True),
    )

    assessment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(80))
    instance_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("group_instances.id", ondelete="CASCADE"), nullable=True
    )
    value: Mapped[Any] = mapped_column(JSONText(), nullable=True)
    """The canonical answer; NULL while only a note is written."""
    note: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="", server_default="")
    """The text the item's follow-up asked for ("if yes, specify"); migration 0020."""
    typed: Mapped[str | None] = mapped_column(Text, nullable=True)
    """The amount as typed when it was converted to the item's unit ("4 ft" of a value of 48 in); part of the
    answer: written, merged and put in conflict with ``value`` (migration 0023). NULL: shown as stored."""
    answered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    edit_stamps: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    """Who last changed each field, at which revision, and what the record has seen (migration 0011; domain.merge)."""


class AppMetaRow(Base):
    """Facts about this installation, such as its id (added in migration 0002)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PhotoRow(Record):
    """A photo attached to an item (or a group instance's item); the file is in the photo store, by hash."""

    __tablename__ = "photos"

    assessment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    """None for a photo of a finding the assessor added (``finding_id`` is set instead)."""
    instance_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("group_instances.id", ondelete="CASCADE"), nullable=True
    )
    finding_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE", name="fk_photos_finding"), nullable=True, index=True
    )
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    extension: Mapped[str] = mapped_column(String(8))
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    captured_at: Mapped[dt.datetime | None] = mapped_column(DateTime(), nullable=True)
    """As the camera wrote it: local time of the place, no zone."""
    camera_model: Mapped[str] = mapped_column(String(120), default="")
    gps_lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    gps_lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    caption: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    annotations: Mapped[Any] = mapped_column(JSONText(), default=list)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    edit_stamps: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    """Who last changed each field, at which revision, and what the record has seen (migration 0011; domain.merge)."""


class PhotoBlobRow(Base):
    """A photo file on a shared server (migration 0013): an original under its SHA-256 (``kind`` "original") or one
    of its renditions ("thumb", "report"); its bytes are the chunks, and it is seen only once ``complete``."""

    __tablename__ = "photo_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    extension: Mapped[str] = mapped_column(String(8))
    size: Mapped[int] = mapped_column(BigInteger)
    digest: Mapped[str] = mapped_column(String(64))
    """The SHA-256 of the bytes (the original's is its name; a rendition's is checked on reading too)."""
    chunks: Mapped[int] = mapped_column(Integer)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PhotoChunkRow(Base):
    """One piece (at most 1 MiB) of a photo file on the server, ``position`` counted from 0."""

    __tablename__ = "photo_chunks"
    __table_args__ = (
        ForeignKeyConstraint(
            ["sha256", "kind"],
            ["photo_blobs.sha256", "photo_blobs.kind"],
            ondelete="CASCADE",
            name="fk_photo_chunks_blob",
        ),
    )

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    """The bytes it is part of (the blob's ``digest`` once complete; other bytes' chunks are never read)."""
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class FindingRow(Record):
    """A finding the assessor added, or their adjustments of one a deficient answer raised (``item_id`` set)."""

    __tablename__ = "findings"
    __table_args__ = (
        Index(
            "uq_findings_item",
            "assessment_id",
            "item_id",
            unique=True,
            sqlite_where=text("instance_id IS NULL AND item_id IS NOT NULL"),
            postgresql_where=text("instance_id IS NULL AND item_id IS NOT NULL"),
        ),
        Index("uq_findings_instance_item", "assessment_id", "instance_id", "item_id", unique=True),
    )

    assessment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    instance_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("group_instances.id", ondelete="CASCADE"), nullable=True
    )
    title: Mapped[str] = mapped_column(String(300), default="")
    section_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    location: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    likelihood: Mapped[int | None] = mapped_column(Integer, nullable=True)
    severity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rationale: Mapped[str] = mapped_column(Text, default="")
    residual_likelihood: Mapped[int | None] = mapped_column(Integer, nullable=True)
    residual_severity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    layer: Mapped[str | None] = mapped_column(String(40), nullable=True)
    components: Mapped[list[str]] = mapped_column(JSON, default=list)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    edit_stamps: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    """Who last changed each field, at which revision, and what the record has seen (migration 0011; domain.merge)."""


class ActionRow(Record):
    """A corrective action of a finding: the campus's action plan and budget, one line at a time."""

    __tablename__ = "actions"

    finding_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    phase: Mapped[str] = mapped_column(String(80))
    cost_low: Mapped[float] = mapped_column(Float, default=0.0)
    cost_high: Mapped[float] = mapped_column(Float, default=0.0)
    funding: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="open")
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    status_changed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    status_changed_by: Mapped[str] = mapped_column(String(200), default="")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    edit_stamps: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    """Who last changed each field, at which revision, and what the record has seen (migration 0011; domain.merge)."""


class DeviceRow(Base):
    """An installation whose bundles this one imports, with the key that signs them."""

    __tablename__ = "devices"

    installation_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200), default="")
    """Who exported from it last."""
    trusted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_import_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    """When a person stopped trusting it: its bundles are refused from then on (migration 0014)."""


class AssessmentHistoryRow(Base):
    """An assessment's content as it was before a newer revision from a bundle replaced it, or as a bundle brought
    an older revision: nothing an import replaces is lost."""

    __tablename__ = "assessment_history"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    assessment_id: Mapped[uuid.UUID] = mapped_column(index=True)
    revision: Mapped[int] = mapped_column(Integer)
    content_sha256: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)
    """The assessment document (see storage/bundle_rows.py), JSON."""
    reason: Mapped[str] = mapped_column(String(40))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ConflictSourceRow(Base):
    """A conflict copy made from a bundle, and the digest of the bundle's version it was made from (migration 0008):
    the same version imported again finds this copy instead of adding another."""

    __tablename__ = "conflict_sources"
    __table_args__ = (Index("ix_conflict_sources_of_digest", "conflict_of_id", "digest"),)

    copy_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE", name="fk_conflict_sources_copy"), primary_key=True
    )
    conflict_of_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE", name="fk_conflict_sources_conflict_of")
    )
    digest: Mapped[str] = mapped_column(String(64))


class DeletedRecordRow(Base):
    """A record removed (an answer cleared, a group instance removed), so that its removal travels in bundles and
    is merged as an edit (migration 0011): ``seen`` is the record's edit stamps' at its removal."""

    __tablename__ = "deleted_records"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    """The removed record's id."""
    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE", name="fk_deleted_records_assessment"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(40))
    item_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    """A response's item: responses are matched by item and instance, as two laptops give them different ids."""
    instance_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    installation: Mapped[str] = mapped_column(String(80))
    revision: Mapped[int] = mapped_column(Integer)
    seen: Mapped[dict[str, int]] = mapped_column(JSON)
    deleted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class MergeConflictRow(Base):
    """A field two installations changed differently, found by a merge (migration 0011). Our value stays in the
    record meanwhile; theirs is here until someone resolves it: one row per field and device (migration 0016)."""

    __tablename__ = "merge_conflicts"
    __table_args__ = (UniqueConstraint("record_id", "field", "their_installation", name="uq_merge_conflicts_device"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE", name="fk_merge_conflicts_assessment"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column()
    field: Mapped[str] = mapped_column(String(80))
    theirs: Mapped[Any] = mapped_column(JSONText(), nullable=True)
    their_typed: Mapped[str | None] = mapped_column(Text, nullable=True)
    """Their answer as typed ("4 ft"), for a clash of a response's value (migration 0023)."""
    their_installation: Mapped[str] = mapped_column(String(80))
    their_revision: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AssessmentFiguresRow(Base):
    """An assessment's headline figures as last computed, and the stamp of the state they were computed from
    (see storage.figures); recomputed when the stamp no longer matches."""

    __tablename__ = "assessment_figures"
    __table_args__ = (Index("ix_assessment_figures_stamp", "assessment_id", "stamp"),)
    """The stamps alone, read from this index: the district view checks five thousand of them at every refresh."""

    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE", name="fk_assessment_figures_assessment"), primary_key=True
    )
    stamp: Mapped[str] = mapped_column(String(200))
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)
    actions: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    """The assessment's actions as the district's action plan lists them (read only for latest assessments)."""
    computed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AssessmentChangesRow(Base):
    """An assessment's change count and answered responses, kept by database triggers on responses, findings and
    actions (migration 0017): never written by the app itself."""

    __tablename__ = "assessment_changes"

    assessment_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    """Moves with every insert, update or delete of the assessment's responses, findings and actions."""
    answered: Mapped[int] = mapped_column(Integer)
    """How many of its responses have a value."""


class TeamAssignmentRow(Base):
    """A team assessment on a second laptop (migration 0012): the sections it was asked to do, and the lead's laptop
    whose assessment it is (its bundles go back there, where the lead merges them)."""

    __tablename__ = "team_assignments"

    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE", name="fk_team_assignments_assessment"), primary_key=True
    )
    sections: Mapped[list[str]] = mapped_column(JSON, default=list)
    lead_installation: Mapped[str] = mapped_column(String(80))
    lead_fingerprint: Mapped[str] = mapped_column(String(60))
    lead_name: Mapped[str] = mapped_column(String(200), default="")
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    pack_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    """The team pack it came in (migration 0018; None for a pack from before, or one that named none)."""


class TeamPackGivenRow(Base):
    """A team pack the lead's laptop made (migration 0015), and the device its work came back from."""

    __tablename__ = "team_packs_given"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE", name="fk_team_packs_given_assessment"), index=True
    )
    sections: Mapped[list[str]] = mapped_column(JSON, default=list)
    made_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    file_name: Mapped[str] = mapped_column(String(255))
    received_from: Mapped[str | None] = mapped_column(String(60), nullable=True)
    received_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
