"""Two site plans of the reported assessment's campus, written through the storage layer: a site plan (PNG) with an
exterior door, a camera with a resolution, a finding pin, a removed marker, a wall and a zone; a first floor (JPEG)
with an interior door and a wall. And ways to read them back and to edit them as another laptop would."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageDraw
from sqlalchemy import select

from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_plans import plans_document
from safety_assess.storage.orm import FindingRow
from safety_assess.storage.orm_maps import MapMarkerRow, MapShapeRow, SiteMapRow

EDITED = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def plan_image(size: tuple[int, int], kind: str) -> bytes:
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, size[0] - 20, size[1] - 20), outline="black", width=4)
    out = io.BytesIO()
    image.save(out, kind)
    return out.getvalue()


@dataclass
class Planned:
    campus_id: uuid.UUID
    site: uuid.UUID
    floor: uuid.UUID
    door: uuid.UUID
    camera: uuid.UUID
    removed: uuid.UUID
    wall: uuid.UUID
    images: dict[uuid.UUID, bytes]


def add_plans(workspace: Workspace, summary: AssessmentSummary) -> Planned:
    images = {"png": plan_image((800, 600), "PNG"), "jpg": plan_image((640, 480), "JPEG")}
    stored = {}
    for extension, data in images.items():
        source = workspace.data_dir.root / f"plan.{extension}"
        source.write_bytes(data)
        stored[extension] = workspace.photo_store.put(source, extension)[0]
    with workspace.database.session() as session:
        finding = session.scalars(select(FindingRow).where(FindingRow.assessment_id == summary.id)).first()
        assert finding is not None
        site = _plan(summary, "Site", stored["png"], "png", (800, 600), 0)
        site.scale, site.north = {"first": [100.0, 500.0], "second": [700.0, 500.0], "metres": 120.0}, 15.0
        floor = _plan(summary, "First floor", stored["jpg"], "jpg", (640, 480), 1)
        session.add_all([site, floor])
        session.flush()
        door = MapMarkerRow(map_id=site.id, kind="exterior-door", x=400.0, y=580.0, label="Main entrance", number=1)
        camera = MapMarkerRow(
            map_id=site.id,
            kind="camera",
            x=380.0,
            y=500.0,
            label="Front",
            camera={"heading": 180.0, "fov": 90.0, "range_m": None, "resolution": [1920, 1080]},
            camera_instance="Camera 1 - front door",
        )
        pin = MapMarkerRow(map_id=site.id, kind="finding", x=600.0, y=100.0, finding_id=finding.id)
        removed = MapMarkerRow(map_id=site.id, kind="aed", x=50.0, y=50.0, deleted_at=EDITED)
        wall = MapShapeRow(map_id=site.id, kind="wall", points=[[20.0, 20.0], [780.0, 20.0], [780.0, 580.0]])
        zone = MapShapeRow(
            map_id=site.id, kind="zone", name="Playground", points=[[500.0, 50.0], [700.0, 50.0], [700.0, 200.0]]
        )
        inside = MapMarkerRow(map_id=floor.id, kind="door", x=100.0, y=100.0, label="Office")
        corridor = MapShapeRow(map_id=floor.id, kind="wall", points=[[0.0, 240.0], [640.0, 240.0]])
        session.add_all([door, camera, pin, removed, wall, zone, inside, corridor])
        session.flush()
        return Planned(
            summary.campus.id,
            site.id,
            floor.id,
            door.id,
            camera.id,
            removed.id,
            wall.id,
            {site.id: images["png"], floor.id: images["jpg"]},
        )


def _plan(summary: AssessmentSummary, title: str, sha256: str, extension: str, size: tuple[int, int], at: int) -> Any:
    width, height = size
    return SiteMapRow(
        campus_id=summary.campus.id,
        title=title,
        sha256=sha256,
        extension=extension,
        width=width,
        height=height,
        position=at,
    )


def plans_of(workspace: Workspace, campus_id: uuid.UUID) -> dict[str, Any]:
    """The campus's plans document, without what differs between data folders (campus ids, a file name)."""
    document = plans_document(workspace.database, campus_id)
    assert document is not None
    for row in document["maps"]:
        del row["campus_id"]
    return {key: document[key] for key in ("maps", "markers", "shapes")}


def edit(workspace: Workspace, table: Any, record: uuid.UUID, when: dt.datetime | None = None, **values: Any) -> int:
    """Change a record as the app would (its revision counted up); ``when`` dates the change. Its new revision."""
    with workspace.database.session() as session:
        row = session.get(table, record)
        assert row is not None
        for key, value in values.items():
            setattr(row, key, value)
        if when is not None:
            row.updated_at = when
        session.flush()
        return int(row.revision)
