"""Writing a plan's responder map for police and fire: a PDF (reports.responder_map), or that PDF's page as a PNG.

The PDF is laid out in the data folder (never the system's temporary folder: it is confidential), then written to
``out`` whole or not at all. A PNG is the PDF's page drawn by the page renderer, encoded again with nothing but its
pixels.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from safety_assess.base.files import writing
from safety_assess.domain.sitemap.model import MapError
from safety_assess.photos.plans import plain_png
from safety_assess.services.site_maps import PageRenderer, get_map, plan_image
from safety_assess.services.workspace import Workspace

if TYPE_CHECKING:
    from safety_assess.reports.responder_map import ResponderSheet

DEFAULT_MARKING = "Confidential - security-sensitive"
PNG_MAX_PIXELS = 12_000_000
"""A Tabloid page at 150 dpi is about 4.2 MP; this leaves room, and keeps a PNG to a size one can send."""


def write_responder_map(
    workspace: Workspace,
    map_id: uuid.UUID,
    out: Path,
    *,
    grid_m: float = 20.0,
    size: str = "letter",
    render_page: PageRenderer | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write the plan's responder map to ``out``: a PDF, or a PNG when ``out`` ends in .png (drawn by
    ``render_page``). MapError for another ending, a paper size or grid that cannot be used; nothing written then."""
    kind = out.suffix.lower()
    if kind not in (".pdf", ".png"):
        raise MapError(f"{out.name}: a responder map is written as a .pdf or a .png file")
    if kind == ".png" and render_page is None:
        raise MapError(f"{out.name}: a PNG responder map cannot be drawn here; write a .pdf")
    # ReportLab loads when a map is written, not when a window offering it opens
    from safety_assess.reports.responder_map import write_responder_pdf

    plan = get_map(workspace, map_id)
    image = plan_image(workspace, plan)
    if not image.is_file():
        raise MapError(
            f"the image of plan '{plan.title}' is missing from the data folder's photo store ({image.name}): "
            "restore it from a backup"
        )
    sheet = _sheet(workspace, plan.campus_id, today or dt.date.today())
    folder = workspace.photo_store.scratch()
    try:
        laid_out = folder / "responder.pdf"
        write_responder_pdf(plan, image, sheet, laid_out, grid_m=grid_m, size=size)
        with writing(workspace.data_dir, out) as partial:
            if render_page is not None and kind == ".png":
                partial.write_bytes(plain_png(render_page(laid_out, 1, PNG_MAX_PIXELS)))
            else:
                shutil.copyfile(laid_out, partial)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return out


def _sheet(workspace: Workspace, campus_id: uuid.UUID, today: dt.date) -> ResponderSheet:
    from safety_assess.reports.responder_map import ResponderSheet

    campus, settings = workspace.campuses.get(campus_id), workspace.settings
    marking = settings.confidentiality_marking.strip() or DEFAULT_MARKING
    return ResponderSheet(campus.name, campus.address, settings.district_name, today, marking)
