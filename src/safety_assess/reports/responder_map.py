"""The responder map of a site plan, for police and fire: one page, the plan greyed down under a lettered and
numbered grid, exterior doors as large boxed numbers, key features as black-and-white symbols with a legend, north
arrow, scale bar, campus name, address, date and the confidentiality marking, and the doors listed by grid cell.

Findings and photos never go on it (only ``KEY_FEATURES``). The PDF carries no metadata of the plan's file (only
its pixels go in) and is dated by the sheet's date, so the same plan and sheet give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import LETTER, TABLOID, landscape, portrait
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from safety_assess.domain.sitemap.model import KEY_FEATURES, MapError, Marker, MarkerKind, SiteMap
from safety_assess.reports import fonts
from safety_assess.reports.fonts import BOLD, register_fonts
from safety_assess.reports.page import date_document
from safety_assess.reports.plan_view import printed_image, turn, turned_angle, turned_size
from safety_assess.reports.responder_grid import DEFAULT_GRID_M, Grid, cell_name, cell_of, column_name, grid_for
from safety_assess.reports.responder_panel import Panel
from safety_assess.reports.responder_symbols import camera, draw_marker

__all__ = ["ResponderSheet", "cell_of", "write_responder_pdf"]

rl_config.useA85 = 0  # the plan's pixels as they are (binary), not a quarter larger in ASCII85

SIZES = {"letter": LETTER, "tabloid": TABLOID}
PANEL_WIDTH: dict[str, float] = {"letter": 2.35 * inch, "tabloid": 3.0 * inch}
MARGIN: float = 0.4 * inch
BAND = 16.0
"""Room for the marking above and below."""
GUTTER = 14.0
"""Room for the grid's letters and numbers around the plan."""
GAP = 12.0
DPI = 200
"""Resolution the plan's image is printed at, at most."""
MANY = frozenset({MarkerKind.EXTERIOR_DOOR, MarkerKind.DOOR, MarkerKind.CAMERA})
"""Kinds whose grid cells the legend does not list (doors have their list; cameras are many)."""
LABELLED = frozenset(
    {MarkerKind.ASSEMBLY_AREA, MarkerKind.REUNIFICATION, MarkerKind.HAZARD, MarkerKind.OTHER, MarkerKind.STAIRS}
)
"""Key features whose label is printed beside them on the plan (the others are told by their symbol)."""


@dataclass(frozen=True)
class ResponderSheet:
    """What a responder map says besides the plan."""

    campus: str
    address: str
    district: str
    date: dt.date
    marking: str = "Confidential - security-sensitive"


@dataclass(frozen=True)
class Layout:
    page: tuple[float, float]
    x: float
    top: float
    scale: float
    """Points per pixel of the plan's image."""
    panel_width: float

    @property
    def panel_x(self) -> float:
        return self.page[0] - MARGIN - self.panel_width


def layout(plan: SiteMap, size: str) -> Layout:
    """The page turned (landscape or portrait) to print the plan largest; ``size`` in any case ("Tabloid")."""
    size = size.strip().lower()
    if size not in SIZES:
        raise MapError(f"unknown paper size '{size}': use letter or tabloid")
    width, height = turned_size(plan)
    best: Layout | None = None
    for page in (landscape(SIZES[size]), portrait(SIZES[size])):
        panel = PANEL_WIDTH[size]
        across = page[0] - 2 * MARGIN - panel - GAP - 2 * GUTTER
        down = page[1] - 2 * (MARGIN + BAND + GUTTER)
        scale = min(across / width, down / height)
        if best is None or scale > best.scale * 1.001:
            best = Layout(page, MARGIN + GUTTER, page[1] - MARGIN - BAND - GUTTER, scale, panel)
    assert best is not None
    return best


def write_responder_pdf(
    plan: SiteMap,
    image: Path,
    sheet: ResponderSheet,
    out: Path,
    *,
    grid_m: float = DEFAULT_GRID_M,
    size: str = "letter",
) -> None:
    """Write the plan's responder map (one page) to ``out``; ``image`` is the plan's stored image. MapError for a
    paper size other than letter or tabloid or a grid that cannot be drawn (see responder_grid.grid_for); the
    image's own errors (PhotoError) when it cannot be read."""
    grid = grid_for(plan, grid_m)
    where = layout(plan, size)
    register_fonts()
    canvas = Canvas(str(out), pagesize=where.page, invariant=1)
    date_document(canvas, dt.datetime.combine(sheet.date, dt.time(), dt.UTC))
    canvas.setTitle(f"Responder map: {sheet.campus}, {plan.title}")
    canvas.setAuthor(sheet.district)
    canvas.setSubject(sheet.marking)
    canvas.setCreator("Safety Assess")
    canvas.setProducer("Safety Assess (ReportLab)")
    _plan(canvas, plan, image, where)
    _grid(canvas, plan, grid, where)
    _markers(canvas, plan, where)
    _bands(canvas, sheet, where)
    Panel(canvas, where.panel_x, where.page[1] - MARGIN - BAND, where.panel_width, MARGIN + BAND).fill(
        plan, sheet, grid, where.scale, _doors(plan, grid), _places(plan, grid)
    )
    canvas.showPage()
    canvas.save()


def _plan(canvas: Canvas, plan: SiteMap, image: Path, where: Layout) -> None:
    width, height = turned_size(plan)
    longest = min(max(plan.width, plan.height), math.ceil(max(width, height) * where.scale / 72 * DPI))
    picture = printed_image(plan, image, longest)
    canvas.drawImage(
        ImageReader(picture), where.x, where.top - height * where.scale, width * where.scale, height * where.scale
    )


def _grid(canvas: Canvas, plan: SiteMap, grid: Grid, where: Layout) -> None:
    width, height = turned_size(plan)
    s, left, top = where.scale, where.x, where.top
    right, bottom = left + width * s, top - height * s
    canvas.saveState()
    canvas.setStrokeGray(0.2)
    canvas.setLineWidth(0.5)
    for column in range(1, grid.columns):
        canvas.line(left + column * grid.cell * s, top, left + column * grid.cell * s, bottom)
    for row in range(1, grid.rows):
        canvas.line(left, top - row * grid.cell * s, right, top - row * grid.cell * s)
    canvas.setStrokeGray(0)
    canvas.setLineWidth(1.2)
    canvas.rect(left, bottom, width * s, height * s, stroke=1, fill=0)
    size = max(4.5, min(8.5, grid.cell * s * 0.6))
    canvas.setFont(BOLD, size)
    canvas.setFillGray(0)
    for column in range(grid.columns):
        x = left + (column * grid.cell + min((column + 1) * grid.cell, width)) / 2 * s
        canvas.drawCentredString(x, top + 4, column_name(column))
        canvas.drawCentredString(x, bottom - 4 - size, column_name(column))
    for row in range(grid.rows):
        y = top - (row * grid.cell + min((row + 1) * grid.cell, height)) / 2 * s - size * 0.36
        canvas.drawCentredString(left - GUTTER / 2, y, str(row + 1))
        canvas.drawCentredString(right + GUTTER / 2, y, str(row + 1))
    canvas.restoreState()


def _order(marker: Marker) -> int:
    """Doors over everything else, exterior doors on top."""
    return {MarkerKind.EXTERIOR_DOOR: 2, MarkerKind.DOOR: 1}.get(marker.kind, 0)


def _markers(canvas: Canvas, plan: SiteMap, where: Layout) -> None:
    features = sorted((m for m in plan.markers if m.kind in KEY_FEATURES), key=_order)
    canvas.saveState()
    for marker in features:
        u, v = turn(plan, marker.position)
        x, y = where.x + u * where.scale, where.top - v * where.scale
        if marker.kind is MarkerKind.CAMERA:
            heading = turned_angle(plan, marker.camera.heading) if marker.camera else None
            camera(canvas, x, y, heading)
        else:
            draw_marker(canvas, marker.kind, x, y, number=marker.number)
        if marker.kind in LABELLED and marker.label.strip():
            _label(canvas, x, y - 2.5, marker.label.strip(), (where.x, where.x + turned_size(plan)[0] * where.scale))
    canvas.restoreState()


def _label(canvas: Canvas, x: float, y: float, text: str, plan_edges: tuple[float, float]) -> None:
    """A feature's label, on white so it reads over the plan: to the right of the symbol at ``x``, or to its left
    when there is more room there; cut short to stay on the plan (never over the panel or off the page)."""
    size, left, right = 6.5, plan_edges[0] + 1, plan_edges[1] - 1
    if fonts.width(text, size) > right - (x + 10) and x - 10 - left > right - (x + 10):
        text = fonts.fit(text, size, x - 10 - left)
        x -= 10 + fonts.width(text, size)
    else:
        text = fonts.fit(text, size, right - (x + 10))
        x += 10
    canvas.setFillGray(1)
    canvas.rect(x - 1, y - 1.8, fonts.width(text, size) + 2, size + 1.6, stroke=0, fill=1)
    canvas.setFillGray(0)
    fonts.draw(canvas, x, y, text, size)


def _bands(canvas: Canvas, sheet: ResponderSheet, where: Layout) -> None:
    """The marking, above and below."""
    width, height = where.page
    canvas.setFillGray(0)
    for y in (height - MARGIN - 10, MARGIN + 2):
        fonts.draw(canvas, width / 2, y, sheet.marking, 10, main=BOLD, align="center")


def _doors(plan: SiteMap, grid: Grid) -> list[tuple[str, str, str]]:
    """Number, grid cell and label of each exterior door, by number (unnumbered ones last)."""
    doors = sorted(plan.of_kind(MarkerKind.EXTERIOR_DOOR), key=lambda m: (m.number is None, m.number or 0, m.label))
    return [
        ("?" if d.number is None else str(d.number), cell_name(grid, plan, d.position), d.label.strip()) for d in doors
    ]


def _places(plan: SiteMap, grid: Grid) -> dict[MarkerKind, list[str]]:
    """The grid cells of each kind of key feature but doors and cameras, each once, in the order placed."""
    places: dict[MarkerKind, list[str]] = {}
    for marker in plan.markers:
        if marker.kind in KEY_FEATURES and marker.kind not in MANY:
            cells = places.setdefault(marker.kind, [])
            cell = cell_name(grid, plan, marker.position)
            if cell not in cells:
                cells.append(cell)
    return places
