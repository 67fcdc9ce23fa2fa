"""Site and floor plans of a campus: importing a plan, and every change to it and what is drawn on it.

Every change is one transaction and returns the plan as it now stands; a window publishes
``Changes(maps=frozenset({campus_id}))`` after it. Removing is soft (``deleted_at``), so undo brings the same
record back (``restore_*``).

THIS FILE IS THE CONTRACT between the helpers of issue 19: the signatures stay; the bodies are filled in.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from safety_assess.domain.sitemap.model import CameraSpec, MarkerKind, Point, SiteMap
from safety_assess.services.workspace import Workspace

PageRenderer = Callable[[Path, int, int], bytes]
"""Renders page N (1-based) of a PDF file as PNG bytes of at most the given number of pixels; raises MapError
(page missing, not a PDF, damaged). The window and the command line pass ``ui.pdf_pages.render_page``."""


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
    raise NotImplementedError


def get_map(workspace: Workspace, map_id: uuid.UUID) -> SiteMap:
    """One plan; NotFoundError when there is none (or it was removed)."""
    raise NotImplementedError


def plan_image(workspace: Workspace, plan: SiteMap) -> Path:
    """The plan's stored image file (clean: no metadata)."""
    raise NotImplementedError


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
    raise NotImplementedError


def update_map(
    workspace: Workspace,
    map_id: uuid.UUID,
    *,
    title: str | None = None,
    rotation: int | None = None,
    north: float | None = None,
    clear_north: bool = False,
) -> SiteMap:
    raise NotImplementedError


def set_scale(workspace: Workspace, map_id: uuid.UUID, first: Point, second: Point, metres: float) -> SiteMap:
    raise NotImplementedError


def remove_map(workspace: Workspace, map_id: uuid.UUID) -> None:
    raise NotImplementedError


def restore_map(workspace: Workspace, map_id: uuid.UUID) -> SiteMap:
    raise NotImplementedError


def add_marker(
    workspace: Workspace, map_id: uuid.UUID, kind: MarkerKind, at: Point, fields: MarkerFields | None = None
) -> tuple[SiteMap, uuid.UUID]:
    """Place a marker; an exterior door gets the next free number. Returns the plan and the new marker's id."""
    raise NotImplementedError


def move_marker(workspace: Workspace, marker_id: uuid.UUID, to: Point) -> SiteMap:
    raise NotImplementedError


def edit_marker(workspace: Workspace, marker_id: uuid.UUID, fields: MarkerFields) -> SiteMap:
    raise NotImplementedError


def remove_marker(workspace: Workspace, marker_id: uuid.UUID) -> SiteMap:
    raise NotImplementedError


def restore_marker(workspace: Workspace, marker_id: uuid.UUID) -> SiteMap:
    raise NotImplementedError


def renumber_doors(workspace: Workspace, map_id: uuid.UUID, main_entrance: uuid.UUID | None = None) -> SiteMap:
    """Number the exterior doors 1, 2, 3… clockwise around the plan's centre of doors, starting at the main
    entrance (the door numbered 1 now when None)."""
    raise NotImplementedError


def add_wall(workspace: Workspace, map_id: uuid.UUID, points: Sequence[Point]) -> tuple[SiteMap, uuid.UUID]:
    raise NotImplementedError


def add_zone(workspace: Workspace, map_id: uuid.UUID, name: str, points: Sequence[Point]) -> tuple[SiteMap, uuid.UUID]:
    raise NotImplementedError


def move_shape(workspace: Workspace, shape_id: uuid.UUID, points: Sequence[Point]) -> SiteMap:
    """Replace the points of a wall or a zone."""
    raise NotImplementedError


def remove_shape(workspace: Workspace, shape_id: uuid.UUID) -> SiteMap:
    """Remove a wall or a zone."""
    raise NotImplementedError


def restore_shape(workspace: Workspace, shape_id: uuid.UUID) -> SiteMap:
    raise NotImplementedError
