"""Site and floor plans of campuses, with their markers, walls and zones.

Values come in checked (services.site_maps checks them against the plan) and go out as plain domain values. Every
change is one transaction; a change to a marker, wall or zone also touches its plan, so the plan's revision moves
with anything drawn on it (an edit from a stale window then fails instead of overwriting). Removing is soft.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.sitemap.model import CameraSpec, Marker, MarkerKind, Point, Scale, SiteMap, Wall, Zone
from safety_assess.storage.database import Database
from safety_assess.storage.orm_maps import MapMarkerRow, MapShapeRow, SiteMapRow
from safety_assess.storage.repositories.ids import resolve
from safety_assess.storage.types import utcnow

WALL, ZONE = "wall", "zone"
ChildRow = TypeVar("ChildRow", MapMarkerRow, MapShapeRow)


class SiteMapRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    # plans

    def add(self, campus_id: uuid.UUID, title: str, sha256: str, extension: str, size: tuple[int, int]) -> SiteMap:
        """A new plan after the campus's others."""
        with self._db.session() as session:
            last = session.scalar(select(func.max(SiteMapRow.position)).where(SiteMapRow.campus_id == campus_id))
            row = SiteMapRow(
                campus_id=campus_id,
                title=title,
                sha256=sha256,
                extension=extension,
                width=size[0],
                height=size[1],
                rotation=0,
                position=(last if last is not None else -1) + 1,
            )
            session.add(row)
            session.flush()
            return _load(session, row)

    def list(self, campus_id: uuid.UUID) -> list[SiteMap]:
        """The campus's plans (removed ones left out), in order, with what is drawn on them."""
        with self._db.session() as session:
            rows = session.scalars(
                select(SiteMapRow)
                .where(SiteMapRow.campus_id == campus_id, SiteMapRow.deleted_at.is_(None))
                .order_by(SiteMapRow.position, SiteMapRow.created_at)
            ).all()
            return _load_all(session, rows)

    def get(self, map_id: uuid.UUID) -> SiteMap:
        with self._db.session() as session:
            return _load(session, _map_row(session, map_id))

    def update(self, map_id: uuid.UUID, **columns: Any) -> SiteMap:
        """Set columns of the plan (title, rotation, north, scale as a Scale or None)."""
        if "scale" in columns:
            columns["scale"] = _scale_json(columns["scale"])
        with self._db.session() as session:
            row = _map_row(session, map_id)
            for name, value in columns.items():
                setattr(row, name, value)
            session.flush()
            return _load(session, row)

    def remove(self, map_id: uuid.UUID) -> None:
        with self._db.session() as session:
            _map_row(session, map_id).deleted_at = utcnow()

    def restore(self, map_id: uuid.UUID) -> SiteMap:
        with self._db.session() as session:
            row = _map_row(session, map_id, removed=True)
            row.deleted_at = None
            session.flush()
            return _load(session, row)

    def referenced_hashes(self) -> set[str]:
        """Every image hash a plan refers to, removed plans included (they can be restored)."""
        with self._db.session() as session:
            return set(session.scalars(select(SiteMapRow.sha256).distinct()))

    def resolve_id(self, prefix: str) -> uuid.UUID:
        """The plan whose id is or starts with ``prefix`` (removed ones left out)."""
        return resolve(self._db, select(SiteMapRow.id).where(SiteMapRow.deleted_at.is_(None)), prefix, "plan")

    # markers

    def add_marker(self, marker: Marker) -> SiteMap:
        """Record a checked marker under its id, on its plan."""
        with self._db.session() as session:
            plan = _map_row(session, marker.map_id)
            session.add(
                MapMarkerRow(
                    id=marker.id,
                    map_id=marker.map_id,
                    kind=marker.kind.value,
                    x=marker.x,
                    y=marker.y,
                    label=marker.label,
                    number=marker.number,
                    camera=_camera_json(marker.camera),
                    finding_id=marker.finding_id,
                    photo_id=marker.photo_id,
                    camera_instance=marker.camera_instance,
                )
            )
            _touch(plan)
            session.flush()
            return _load(session, plan)

    def marker_and_map(self, marker_id: uuid.UUID, *, removed: bool = False) -> tuple[Marker, SiteMap]:
        """A marker and the plan it is on (``removed``: a removed marker too, for restoring it)."""
        with self._db.session() as session:
            row = _child_row(session, MapMarkerRow, marker_id, "marker", removed)
            return marker_record(row), _load(session, _map_row(session, row.map_id))

    def update_marker(self, marker_id: uuid.UUID, **columns: Any) -> SiteMap:
        """Set columns of a marker (x, y, label, number, camera as a CameraSpec, finding_id, photo_id,
        camera_instance)."""
        if "camera" in columns:
            columns["camera"] = _camera_json(columns["camera"])
        with self._db.session() as session:
            row = _child_row(session, MapMarkerRow, marker_id, "marker")
            for name, value in columns.items():
                setattr(row, name, value)
            return _touched(session, row.map_id)

    def set_numbers(self, map_id: uuid.UUID, numbers: dict[uuid.UUID, int]) -> SiteMap:
        """Number markers of the plan at once (exterior doors renumbered)."""
        with self._db.session() as session:
            _map_row(session, map_id)
            for marker_id, number in numbers.items():
                row = _child_row(session, MapMarkerRow, marker_id, "marker")
                if row.number != number:
                    row.number = number
            return _touched(session, map_id)

    def remove_marker(self, marker_id: uuid.UUID) -> SiteMap:
        with self._db.session() as session:
            row = _child_row(session, MapMarkerRow, marker_id, "marker")
            row.deleted_at = utcnow()
            return _touched(session, row.map_id)

    def restore_marker(self, marker_id: uuid.UUID, number: int | None = None) -> SiteMap:
        """Bring a removed marker back (with ``number`` for an exterior door whose number was taken meanwhile)."""
        with self._db.session() as session:
            row = _child_row(session, MapMarkerRow, marker_id, "marker", removed=True)
            row.deleted_at = None
            if number is not None:
                row.number = number
            return _touched(session, row.map_id)

    def resolve_marker_id(self, prefix: str) -> uuid.UUID:
        live = select(MapMarkerRow.id).where(MapMarkerRow.deleted_at.is_(None))
        return resolve(self._db, live, prefix, "marker")

    # walls and zones

    def add_shape(self, shape: Wall | Zone) -> SiteMap:
        """Record a checked wall or zone under its id, on its plan."""
        with self._db.session() as session:
            plan = _map_row(session, shape.map_id)
            kind, name = (ZONE, shape.name) if isinstance(shape, Zone) else (WALL, "")
            session.add(
                MapShapeRow(id=shape.id, map_id=shape.map_id, kind=kind, name=name, points=_points_json(shape.points))
            )
            _touch(plan)
            session.flush()
            return _load(session, plan)

    def shape_and_map(self, shape_id: uuid.UUID) -> tuple[Wall | Zone, SiteMap]:
        """A wall or zone, and the plan it is on."""
        with self._db.session() as session:
            row = _child_row(session, MapShapeRow, shape_id, "wall or zone")
            return _shape(row), _load(session, _map_row(session, row.map_id))

    def set_points(self, shape_id: uuid.UUID, points: Sequence[Point]) -> SiteMap:
        with self._db.session() as session:
            row = _child_row(session, MapShapeRow, shape_id, "wall or zone")
            row.points = _points_json(points)
            return _touched(session, row.map_id)

    def set_name(self, zone_id: uuid.UUID, name: str) -> SiteMap:
        with self._db.session() as session:
            row = _child_row(session, MapShapeRow, zone_id, "wall or zone")
            row.name = name
            return _touched(session, row.map_id)

    def remove_shape(self, shape_id: uuid.UUID) -> SiteMap:
        with self._db.session() as session:
            row = _child_row(session, MapShapeRow, shape_id, "wall or zone")
            row.deleted_at = utcnow()
            return _touched(session, row.map_id)

    def restore_shape(self, shape_id: uuid.UUID) -> SiteMap:
        with self._db.session() as session:
            row = _child_row(session, MapShapeRow, shape_id, "wall or zone", removed=True)
            row.deleted_at = None
            return _touched(session, row.map_id)

    def resolve_shape_id(self, prefix: str) -> uuid.UUID:
        live = select(MapShapeRow.id).where(MapShapeRow.deleted_at.is_(None))
        return resolve(self._db, live, prefix, "wall or zone")


def _map_row(session: Session, map_id: uuid.UUID, removed: bool = False) -> SiteMapRow:
    """The plan; NotFoundError when there is none, or it is removed (unless ``removed``: then either)."""
    row = session.get(SiteMapRow, map_id)
    if row is None or (row.deleted_at is not None and not removed):
        raise NotFoundError(f"no plan {map_id}")
    return row


def _child_row(
    session: Session,
    table: type[ChildRow],
    child_id: uuid.UUID,
    what: str,
    removed: bool = False,
) -> ChildRow:
    row = session.get(table, child_id)
    if row is None or (row.deleted_at is not None and not removed):
        raise NotFoundError(f"no {what} {child_id}")
    _map_row(session, row.map_id)  # on a removed plan, its markers and shapes are out of reach too
    return row


def _touch(plan: SiteMapRow) -> None:
    plan.updated_at = utcnow()  # bumps the plan's revision


def _touched(session: Session, map_id: uuid.UUID) -> SiteMap:
    plan = _map_row(session, map_id)
    _touch(plan)
    session.flush()
    return _load(session, plan)


def _load(session: Session, row: SiteMapRow) -> SiteMap:
    return _load_all(session, [row])[0]


def _load_all(session: Session, rows: Sequence[SiteMapRow]) -> list[SiteMap]:
    ids = [row.id for row in rows]
    if not ids:
        return []
    markers: dict[uuid.UUID, list[Marker]] = {i: [] for i in ids}
    walls: dict[uuid.UUID, list[Wall]] = {i: [] for i in ids}
    zones: dict[uuid.UUID, list[Zone]] = {i: [] for i in ids}
    for marker_row in session.scalars(
        select(MapMarkerRow)
        .where(MapMarkerRow.map_id.in_(ids), MapMarkerRow.deleted_at.is_(None))
        .order_by(MapMarkerRow.created_at, MapMarkerRow.id)
    ):
        markers[marker_row.map_id].append(marker_record(marker_row))
    for shape in session.scalars(
        select(MapShapeRow)
        .where(MapShapeRow.map_id.in_(ids), MapShapeRow.deleted_at.is_(None))
        .order_by(MapShapeRow.created_at, MapShapeRow.id)
    ):
        value = _shape(shape)
        if isinstance(value, Zone):
            zones[shape.map_id].append(value)
        else:
            walls[shape.map_id].append(value)
    return [site_map_record(row, tuple(markers[row.id]), tuple(walls[row.id]), tuple(zones[row.id])) for row in rows]


def site_map_record(
    row: SiteMapRow, markers: tuple[Marker, ...], walls: tuple[Wall, ...], zones: tuple[Zone, ...]
) -> SiteMap:
    return SiteMap(
        id=row.id,
        campus_id=row.campus_id,
        title=row.title,
        sha256=row.sha256,
        extension=row.extension,
        width=row.width,
        height=row.height,
        rotation=row.rotation,
        north=row.north,
        scale=_scale(row.scale),
        position=row.position,
        markers=markers,
        walls=walls,
        zones=zones,
    )


def marker_record(row: MapMarkerRow) -> Marker:
    return Marker(
        id=row.id,
        map_id=row.map_id,
        kind=_kind(row.kind),
        x=row.x,
        y=row.y,
        label=row.label,
        number=row.number,
        camera=_camera(row.camera),
        finding_id=row.finding_id,
        photo_id=row.photo_id,
        camera_instance=row.camera_instance,
    )


def _shape(row: MapShapeRow) -> Wall | Zone:
    points = _points(row.points)
    return Zone(row.id, row.map_id, row.name, points) if row.kind == ZONE else Wall(row.id, row.map_id, points)


def _kind(text: str) -> MarkerKind:
    try:
        return MarkerKind(text)
    except ValueError:  # a kind a later version added, met in a shared database: shown as 'other'
        return MarkerKind.OTHER


def _scale_json(scale: Scale | None) -> dict[str, Any] | None:
    if scale is None:
        return None
    return {"first": list(scale.first), "second": list(scale.second), "metres": scale.metres}


def _scale(data: Any) -> Scale | None:
    if not data:
        return None
    return Scale(_point(data["first"]), _point(data["second"]), float(data["metres"]))


def _camera_json(camera: CameraSpec | None) -> dict[str, Any] | None:
    if camera is None:
        return None
    resolution = list(camera.resolution) if camera.resolution else None
    return {"heading": camera.heading, "fov": camera.fov, "range_m": camera.range_m, "resolution": resolution}


def _camera(data: Any) -> CameraSpec | None:
    if not data:
        return None
    resolution = data.get("resolution")
    range_m = data.get("range_m")
    return CameraSpec(
        heading=float(data.get("heading", 0.0)),
        fov=float(data.get("fov", 90.0)),
        range_m=float(range_m) if range_m is not None else None,
        resolution=(int(resolution[0]), int(resolution[1])) if resolution else None,
    )


def _points_json(points: Iterable[Point]) -> list[list[float]]:
    return [[float(x), float(y)] for x, y in points]


def _points(data: Any) -> tuple[Point, ...]:
    return tuple(_point(p) for p in data or ())


def _point(pair: Any) -> Point:
    return (float(pair[0]), float(pair[1]))
