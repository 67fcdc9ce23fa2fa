"""The drill log's table (migration 0019; campuses gained ``kind`` and ``opened_on`` in it too)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from safety_assess.storage.orm import Record
from safety_assess.storage.types import UTCDateTime


class DrillRow(Record):
    """One drill held at a campus. Removed by ``deleted_at`` (kept, so a removal can travel like a finding's)."""

    __tablename__ = "drills"

    campus_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campuses.id", ondelete="RESTRICT"), index=True)
    type: Mapped[str] = mapped_column(String(40))
    held_on: Mapped[dt.date] = mapped_column(Date)
    held_at: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    duration: Mapped[int | None] = mapped_column(Integer, nullable=True)
    participants: Mapped[int | None] = mapped_column(Integer, nullable=True)
    announced: Mapped[bool] = mapped_column(Boolean, default=True)
    observers: Mapped[list[str]] = mapped_column(JSON, default=list)
    issues: Mapped[str] = mapped_column(Text, default="")
    finding_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    """The finding made from the drill's issues (in whichever assessment was current then); not a foreign key: the
    finding may be in an assessment another computer holds."""
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    edit_stamps: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)


class SpotCheckRow(Record):
    """A recurring spot check at a campus (migration 0022): a checklist or some of its sections, run every week,
    month or term. Stopped by ``deleted_at`` (kept: its runs still name it, and the stop travels)."""

    __tablename__ = "spot_checks"

    campus_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campuses.id", ondelete="RESTRICT"), index=True)
    checklist_id: Mapped[str] = mapped_column(String(80))
    sections: Mapped[list[str]] = mapped_column(JSON, default=list)
    """The section ids checked; empty: the whole checklist."""
    every: Mapped[str] = mapped_column(String(10))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    set_up_by: Mapped[str] = mapped_column(String(200), default="")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    edit_stamps: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)
