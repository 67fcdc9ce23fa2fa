"""The tables of campus site and floor plans (migration 0009): the plan, its markers and its walls and zones."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    Float,
    ForeignKey,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from safety_assess.storage.orm import Record
from safety_assess.storage.types import JSONText, UTCDateTime


class SiteMapRow(Record):
    """A site or floor plan of a campus (migration 0009); its image is in the photo store under ``sha256``."""

    __tablename__ = "site_maps"

    campus_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campuses.id", ondelete="RESTRICT", name="fk_site_maps_campus"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    extension: Mapped[str] = mapped_column(String(8))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    rotation: Mapped[int] = mapped_column(Integer, default=0)
    north: Mapped[float | None] = mapped_column(Float, nullable=True)
    scale: Mapped[Any] = mapped_column(JSONText(), nullable=True)
    """``{"first": [x, y], "second": [x, y], "metres": m}`` or NULL."""
    position: Mapped[int] = mapped_column(Integer, default=0)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class MapMarkerRow(Record):
    """A door, camera, key feature, or a finding or photo pinned on a plan (migration 0009)."""

    __tablename__ = "map_markers"

    map_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("site_maps.id", ondelete="CASCADE", name="fk_map_markers_map"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40))
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    label: Mapped[str] = mapped_column(String(200), default="")
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    camera: Mapped[Any] = mapped_column(JSONText(), nullable=True)
    """``{"heading": deg, "fov": deg, "range_m": m or null, "resolution": [w, h] or null}`` for cameras."""
    finding_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    """No foreign key: the finding may be in an assessment this data folder does not hold (yet)."""
    photo_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    camera_instance: Mapped[str] = mapped_column(String(200), default="")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class MapShapeRow(Record):
    """A wall (a polyline that blocks sight) or a zone (a named polygon to be watched) on a plan (migration 0009)."""

    __tablename__ = "map_shapes"

    map_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("site_maps.id", ondelete="CASCADE", name="fk_map_shapes_map"), index=True
    )
    kind: Mapped[str] = mapped_column(String(10))
    """``wall`` or ``zone``."""
    name: Mapped[str] = mapped_column(String(200), default="")
    points: Mapped[Any] = mapped_column(JSONText())
    """``[[x, y], ...]``."""
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)
