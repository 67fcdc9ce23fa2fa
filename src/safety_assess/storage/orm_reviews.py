"""The tables of the advisory group's review and the board's decision (migration 0010)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from safety_assess.storage.orm import Record
from safety_assess.storage.types import UTCDateTime, utcnow


class PlanRevisionRow(Record):
    """A revision of an assessment's plan as review packets were issued from it (migration 0010): raised when a
    packet is made from actions whose content changed since the last packet."""

    __tablename__ = "plan_revisions"
    __table_args__ = (UniqueConstraint("assessment_id", "number", name="uq_plan_revisions_number"),)

    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE", name="fk_plan_revisions_assessment"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    """sha256 of the actions' content the revision was issued from."""


class ReviewPacketRow(Record):
    """A review packet issued for an assessment (migration 0010)."""

    __tablename__ = "review_packets"
    __table_args__ = (UniqueConstraint("assessment_id", "packet_no", name="uq_review_packets_number"),)

    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE", name="fk_review_packets_assessment"), index=True
    )
    packet_no: Mapped[int] = mapped_column(Integer)
    plan_revision: Mapped[int] = mapped_column(Integer)
    action_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    """The actions the packet listed, as UUID text."""
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReviewRow(Record):
    """A filled packet recorded (migration 0010): the latest from each reviewer of an assessment."""

    __tablename__ = "reviews"
    __table_args__ = (UniqueConstraint("assessment_id", "reviewer_key", name="uq_reviews_reviewer"),)

    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE", name="fk_reviews_assessment"), index=True
    )
    packet_no: Mapped[int] = mapped_column(Integer)
    plan_revision: Mapped[int] = mapped_column(Integer)
    reviewer: Mapped[str] = mapped_column(String(200))
    reviewer_key: Mapped[str] = mapped_column(String(200))
    """The reviewer's name normalised (case and spaces), so a second packet from them replaces the first."""
    role: Mapped[str] = mapped_column(String(20))
    overall_comment: Mapped[str] = mapped_column(Text, default="")
    public_ok: Mapped[bool] = mapped_column(Boolean, default=False)
    views: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    """``[{"action_id": text, "stance": value or null, "comment": text}, ...]``."""
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ActionResponseRow(Record):
    """The district's or assessor's response to what the group said of an action (migration 0010); one per action,
    a later response replaces it."""

    __tablename__ = "action_responses"

    action_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE", name="fk_action_responses_action"), unique=True
    )
    reply: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReviewDecisionRow(Record):
    """The advisory group's meeting or the board's action on an assessment's plan (migration 0010)."""

    __tablename__ = "review_decisions"

    assessment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE", name="fk_review_decisions_assessment"), index=True
    )
    body: Mapped[str] = mapped_column(String(10))
    date: Mapped[dt.date] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(30), nullable=True)
    session: Mapped[str | None] = mapped_column(String(10), nullable=True)
    members_present: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    minutes: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    adopted_plan: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
    """The plan's actions as adopted (the board adopted it, with changes or not): the frozen version."""
