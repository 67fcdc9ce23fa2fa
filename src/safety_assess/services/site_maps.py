"""Site and floor plans of a campus: importing a plan, and every change to it and what is drawn on it.

Every change is one transaction and returns the plan as it now stands; a window publishes
``Changes(maps=frozenset({campus_id}))`` after it. Removing is soft (``deleted_at``), so undo brings the same
record back (``restore_*``).

THIS FILE IS THE CONTRACT between the helpers of issue 19: the signatures stay; the bodies are filled in.
"""

from __future__ import annotations

import math
import shutil
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.records import Campus
from safety_assess.domain.sitemap.checks import (
    MAX_DOOR_NUMBER,
    MAX_LABEL,
    check_camera,
    check_point,
    check_rotation,
    check_scale,
    check_title,
    check_wall,
    check_zone,
    plain,
)
from safety_assess.domain.sitemap.model import CameraSpec, MapError, Marker, MarkerKind, Point, SiteMap, Wall, Zone
from safety_assess.domain.sitemap.numbering import next_number, number_doors
from safety_assess.photos.plans import CleanPlan, clean_plan, store_plan
from safety_assess.services.workspace import Workspace

PageRenderer = Callable[[Path, int, int], bytes]
"""Renders page N (1-based) of a PDF file as PNG bytes of at most the given number of pixels; raises MapError
(page missing, not a PDF, damaged). The window and the command line pass ``ui.pdf_pages.render_page``."""

PDF_MAX_PIXELS = 40_000_000
"""A PDF page is rendered at most this large (an E-size sheet at about 150 dpi), well within a plan's decode limit."""
PDF_SIGNATURE = b"%PDF-"
IMAGE_SIGNATURES = (b"\x89PNG", b"\xff\xd8", b"GIF8", b"II*\x00", b"MM\x00*", b"RIFF", b"BM")


@dataclass(frozen=True)
class MarkerFields:
    """What a marker is given when placed or edited (None in an edit: leave as it is)."""

    label: str | None = None
    camera: CameraSpec | None = None
    finding_id: uuid.UUID | None = None
    photo_id: uuid.UUID | None = None
    camera_instance: str | None = None
    number: int | None = None


def list_maps(workspace: Workspace, campus_id: uuid.UUID) -> list[SiteMap]:
    """The campus's plans in their order, with markers, walls and zones (removed ones left out)."""
    return workspace.site_maps.list(campus_id)


def get_map(workspace: Workspace, map_id: uuid.UUID) -> SiteMap:
    """One plan; NotFoundError when there is none (or it was removed)."""
    return workspace.site_maps.get(map_id)


def plan_image(workspace: Workspace, plan: SiteMap) -> Path:
    """The plan's stored image file (clean: no metadata)."""
    return workspace.photo_store.original(plan.sha256, plan.extension)


def add_map(
    workspace: Workspace,
    campus_id: uuid.UUID,
    file: Path,
    *,
    title: str = "",
    page: int | None = None,
    render_page: PageRenderer | None = None,
) -> SiteMap:
    """Import a plan from a PNG, JPEG (or other image Pillow reads) or a PDF page (``page``, 1 when None), stored
    by content in the photo store, without metadata. Title defaults to the file's name. MapError for a file that is
    not an image or PDF, over the photo pixel limit, or a PDF page that does not exist; nothing stored then."""
    workspace.campuses.get(campus_id)
    title = check_title(title or _title_of(file, page))
    clean = _read_plan(workspace, file, page, render_page)
    sha256 = store_plan(workspace.photo_store, clean)
    return workspace.site_maps.add(campus_id, title, sha256, clean.extension, (clean.width, clean.height))


def update_map(
    workspace: Workspace,
    map_id: uuid.UUID,
    *,
    title: str | None = None,
    rotation: int | None = None,
    north: float | None = None,
    clear_north: bool = False,
) -> SiteMap:
    plan = workspace.site_maps.get(map_id)
    columns: dict[str, object] = {}
    if title is not None:
        columns["title"] = check_title(title)
    if rotation is not None:
        columns["rotation"] = check_rotation(rotation)
    if north is not None:
        if not math.isfinite(north):
            raise MapError("north must be a number of degrees clockwise from the plan's up")
        columns["north"] = north % 360
    if clear_north:
        columns["north"] = None
    return workspace.site_maps.update(map_id, **columns) if columns else plan


def set_scale(workspace: Workspace, map_id: uuid.UUID, first: Point, second: Point, metres: float) -> SiteMap:
    plan = workspace.site_maps.get(map_id)
    return workspace.site_maps.update(map_id, scale=check_scale(plan, first, second, metres))


def clear_scale(workspace: Workspace, map_id: uuid.UUID) -> SiteMap:
    """Take the plan's scale away (undoing the first scale). MapError while a camera has a range in metres: without
    a scale it could not be drawn."""
    plan = workspace.site_maps.get(map_id)
    ranged = [m for m in plan.of_kind(MarkerKind.CAMERA) if m.camera is not None and m.camera.range_m is not None]
    if ranged:
        names = ", ".join(m.label or "unlabelled" for m in ranged[:3]) + (" …" if len(ranged) > 3 else "")
        raise MapError(
            f"the plan '{plan.title}' keeps its scale: {len(ranged)} camera{'s' if len(ranged) != 1 else ''} "
            f"({names}) {'have ranges' if len(ranged) != 1 else 'has a range'} in metres: empty the range first"
        )
    return workspace.site_maps.update(map_id, scale=None) if plan.scale is not None else plan


def remove_map(workspace: Workspace, map_id: uuid.UUID) -> None:
    workspace.site_maps.remove(map_id)


def restore_map(workspace: Workspace, map_id: uuid.UUID) -> SiteMap:
    return workspace.site_maps.restore(map_id)


def add_marker(
    workspace: Workspace, map_id: uuid.UUID, kind: MarkerKind, at: Point, fields: MarkerFields | None = None
) -> tuple[SiteMap, uuid.UUID]:
    """Place a marker; an exterior door gets the next number (one after the highest). Returns the plan and the new
    marker's id."""
    fields = fields or MarkerFields()
    plan = workspace.site_maps.get(map_id)
    check_point(plan, at, f"the {kind.label.lower()}")
    _check_pins(workspace, plan, kind, fields)
    number = fields.number
    if kind is MarkerKind.EXTERIOR_DOOR and number is None:
        number = next_number(plan.of_kind(MarkerKind.EXTERIOR_DOOR))
    marker = Marker(
        id=uuid.uuid4(),
        map_id=map_id,
        kind=kind,
        x=at[0],
        y=at[1],
        label=_label(fields.label or ""),
        number=_number(kind, number),
        camera=_camera(plan, kind, fields.camera) if kind is MarkerKind.CAMERA or fields.camera else None,
        finding_id=fields.finding_id,
        photo_id=fields.photo_id,
        camera_instance=_label(fields.camera_instance or ""),
    )
    return workspace.site_maps.add_marker(marker), marker.id


def move_marker(workspace: Workspace, marker_id: uuid.UUID, to: Point) -> SiteMap:
    marker, plan = workspace.site_maps.marker_and_map(marker_id)
    check_point(plan, to, f"the {marker.kind.label.lower()}")
    return workspace.site_maps.update_marker(marker_id, x=to[0], y=to[1])


def edit_marker(workspace: Workspace, marker_id: uuid.UUID, fields: MarkerFields) -> SiteMap:
    marker, plan = workspace.site_maps.marker_and_map(marker_id)
    _check_pins(workspace, plan, marker.kind, fields, editing=True)
    columns: dict[str, object] = {}
    if fields.label is not None:
        columns["label"] = _label(fields.label)
    if fields.camera is not None:
        columns["camera"] = _camera(plan, marker.kind, fields.camera)
    if fields.number is not None:
        columns["number"] = _number(marker.kind, fields.number)
    if fields.camera_instance is not None:
        columns["camera_instance"] = _label(fields.camera_instance)
    if fields.finding_id is not None:
        columns["finding_id"] = fields.finding_id
    if fields.photo_id is not None:
        columns["photo_id"] = fields.photo_id
    return workspace.site_maps.update_marker(marker_id, **columns) if columns else plan


def remove_marker(workspace: Workspace, marker_id: uuid.UUID) -> SiteMap:
    return workspace.site_maps.remove_marker(marker_id)


def restore_marker(workspace: Workspace, marker_id: uuid.UUID) -> SiteMap:
    marker, plan = workspace.site_maps.marker_and_map(marker_id, removed=True)
    taken = {m.number for m in plan.of_kind(MarkerKind.EXTERIOR_DOOR) if m.id != marker_id}
    if marker.kind is MarkerKind.EXTERIOR_DOOR and (marker.number is None or marker.number in taken):
        return workspace.site_maps.restore_marker(marker_id, number=next_number(plan.of_kind(MarkerKind.EXTERIOR_DOOR)))
    return workspace.site_maps.restore_marker(marker_id)


def renumber_doors(workspace: Workspace, map_id: uuid.UUID, main_entrance: uuid.UUID | None = None) -> SiteMap:
    """Number the exterior doors 1, 2, 3… clockwise around the plan's centre of doors, starting at the main
    entrance (the door numbered 1 now when None)."""
    plan = workspace.site_maps.get(map_id)
    doors = plan.of_kind(MarkerKind.EXTERIOR_DOOR)
    if main_entrance is not None and main_entrance not in {door.id for door in doors}:
        raise MapError(f"the main entrance must be an exterior door of the plan '{plan.title}'")
    return workspace.site_maps.set_numbers(map_id, number_doors(doors, main_entrance))


def add_wall(workspace: Workspace, map_id: uuid.UUID, points: Sequence[Point]) -> tuple[SiteMap, uuid.UUID]:
    plan = workspace.site_maps.get(map_id)
    wall = Wall(uuid.uuid4(), map_id, check_wall(plan, list(points)))
    return workspace.site_maps.add_shape(wall), wall.id


def add_zone(workspace: Workspace, map_id: uuid.UUID, name: str, points: Sequence[Point]) -> tuple[SiteMap, uuid.UUID]:
    plan = workspace.site_maps.get(map_id)
    name = plain(name)[:MAX_LABEL]
    zone = Zone(uuid.uuid4(), map_id, name, check_zone(plan, name, list(points)))
    return workspace.site_maps.add_shape(zone), zone.id


def move_shape(workspace: Workspace, shape_id: uuid.UUID, points: Sequence[Point]) -> SiteMap:
    """Replace the points of a wall or a zone."""
    shape, plan = workspace.site_maps.shape_and_map(shape_id)
    checked = check_zone(plan, shape.name, list(points)) if isinstance(shape, Zone) else check_wall(plan, list(points))
    return workspace.site_maps.set_points(shape_id, checked)


def rename_zone(workspace: Workspace, zone_id: uuid.UUID, name: str) -> SiteMap:
    """Give a zone a new name (MapError for a wall, or an empty name)."""
    shape, plan = workspace.site_maps.shape_and_map(zone_id)
    if not isinstance(shape, Zone):
        raise MapError("only a zone has a name; a wall has none")
    name = " ".join(name.split())[:MAX_LABEL]
    check_zone(plan, name, list(shape.points))
    return workspace.site_maps.set_name(zone_id, name)


def remove_shape(workspace: Workspace, shape_id: uuid.UUID) -> SiteMap:
    """Remove a wall or a zone."""
    return workspace.site_maps.remove_shape(shape_id)


def restore_shape(workspace: Workspace, shape_id: uuid.UUID) -> SiteMap:
    return workspace.site_maps.restore_shape(shape_id)


def find_campus(workspace: Workspace, text: str) -> Campus:
    """A campus as the command line names it: its code, or its id."""
    try:
        return workspace.campuses.by_code(text)
    except NotFoundError:
        try:
            return workspace.campuses.get(uuid.UUID(text.strip()))
        except ValueError:
            raise NotFoundError(f"no campus with code or id '{text}'") from None


def _title_of(file: Path, page: int | None) -> str:
    return f"{file.stem}, page {page}" if page and page > 1 else file.stem


def _read_plan(workspace: Workspace, file: Path, page: int | None, render_page: PageRenderer | None) -> CleanPlan:
    if not _is_pdf(file):
        if page is not None:
            raise MapError(f"{file}: a page number is for PDF plans; this file is not a PDF")
        return clean_plan(file)
    number = 1 if page is None else page
    if number < 1:
        raise MapError(f"page {number} of {file.name} does not exist: pages are numbered from 1")
    if render_page is None:
        raise MapError(f"{file}: PDF plans cannot be read here; save the page as a PNG image")
    png = render_page(file, number, PDF_MAX_PIXELS)
    folder = workspace.photo_store.scratch()
    try:
        rendered = folder / "page.png"
        rendered.write_bytes(png)
        return clean_plan(rendered, shown=f"page {number} of {file.name}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _is_pdf(file: Path) -> bool:
    """A PDF's signature may follow some bytes (readers look in the first kilobyte); an image's is at its start,
    so an image whose text happens to hold the signature stays an image."""
    try:
        with file.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return False  # clean_plan says what is wrong with it
    return PDF_SIGNATURE in head and not head.startswith(IMAGE_SIGNATURES)


def _label(text: str) -> str:
    cleaned = plain(text)
    if len(cleaned) > MAX_LABEL:
        raise MapError(f"a label is at most {MAX_LABEL} characters; this one has {len(cleaned)}")
    return cleaned


def _number(kind: MarkerKind, number: int | None) -> int | None:
    if number is None:
        return None
    if kind is not MarkerKind.EXTERIOR_DOOR:
        raise MapError(f"only exterior doors are numbered, not a {kind.label.lower()}")
    if not 1 <= number <= MAX_DOOR_NUMBER:
        raise MapError(f"a door number is from 1 to {MAX_DOOR_NUMBER}, not {number}")
    return number


def _camera(plan: SiteMap, kind: MarkerKind, camera: CameraSpec | None) -> CameraSpec:
    if kind is not MarkerKind.CAMERA:
        raise MapError(
            "a heading, field of view, range or resolution is for cameras, "
            f"not for markers of kind '{kind.label.lower()}'"
        )
    return check_camera(plan, camera or CameraSpec())


def _check_pins(
    workspace: Workspace, plan: SiteMap, kind: MarkerKind, fields: MarkerFields, editing: bool = False
) -> None:
    """A finding or photo pin names its finding or photo, and it exists (NotFoundError when not) in an assessment
    of the plan's campus (MapError when of another)."""
    if kind is MarkerKind.FINDING and fields.finding_id is None and not editing:
        raise MapError("a finding pin needs the finding it stands for (its id)")
    if kind is MarkerKind.PHOTO and fields.photo_id is None and not editing:
        raise MapError("a photo pin needs the photo it stands for (its id)")
    if fields.finding_id is not None:
        finding = workspace.findings.get(fields.finding_id)
        _check_campus(workspace, plan, finding.assessment_id, f"finding {finding.id}")
    if fields.photo_id is not None:
        photo = workspace.photos.get(fields.photo_id)
        _check_campus(workspace, plan, photo.assessment_id, f"photo {photo.id}")


def _check_campus(workspace: Workspace, plan: SiteMap, assessment_id: uuid.UUID, what: str) -> None:
    campus = workspace.assessments.summary(assessment_id).campus
    if campus.id != plan.campus_id:
        ours = workspace.campuses.get(plan.campus_id)
        raise MapError(f"{what} is of another campus ({campus.code}), not of {ours.name}, whose plan this is")
