"""The grid of a responder map: letters across (A, B, … Z, AA, AB …), numbers down, square cells of a size in metres
on a plan with a scale, or a tenth of the plan's width on one without, laid over the plan as printed (turned)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from safety_assess.domain.sitemap.model import MapError, Point, SiteMap
from safety_assess.reports.plan_view import turn, turned_size

DEFAULT_GRID_M = 20.0
UNSCALED_COLUMNS = 10
MAX_CELLS = 60
"""Cells a side at most: beyond, the labels could no longer be read."""


@dataclass(frozen=True)
class Grid:
    cell: float
    """A cell's side, in pixels of the plan's image."""
    columns: int
    rows: int
    metres: float | None
    """A cell's side on the ground; None when the plan has no scale (a grid of the image)."""

    def describe(self) -> str:
        if self.metres is not None:
            return f"Grid cells {self.metres:g} m square"
        return f"No scale set: a grid of {self.columns} columns across the plan, not to scale"


def grid_for(plan: SiteMap, grid_m: float = DEFAULT_GRID_M) -> Grid:
    """The plan's grid; MapError for a cell size that is not a positive number of metres, or so small that the
    grid would have more than MAX_CELLS cells a side."""
    if not (math.isfinite(grid_m) and grid_m > 0):
        raise MapError(f"the grid's cell size must be more than 0 metres, not {grid_m:g}")
    width, height = turned_size(plan)
    ppm = plan.pixels_per_metre
    cell, metres = (grid_m * ppm, grid_m) if ppm else (width / UNSCALED_COLUMNS, None)
    if cell <= 0 or max(width, height) / cell - 1e-9 > MAX_CELLS:  # counted before rounding: a count may be huge
        raise MapError(
            f"a grid of {grid_m:g} m cells would have more than {MAX_CELLS} cells a side on plan '{plan.title}'"
            f"{_counts(width, height, cell)}: choose larger cells"
        )
    return Grid(cell, _count(width, cell), _count(height, cell), metres)


def _counts(width: int, height: int, cell: float) -> str:
    """The counts in brackets, " (120 × 80)", when they are few enough to read; else nothing."""
    if cell <= 0 or max(width, height) / cell > 1_000_000:
        return ""
    return f" ({_count(width, cell)} × {_count(height, cell)})"


def _count(length: float, cell: float) -> int:
    return max(1, math.ceil(length / cell - 1e-9))


def column_name(column: int) -> str:
    """0 → A, 25 → Z, 26 → AA, 27 → AB …"""
    name = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def cell_at(grid: Grid, plan: SiteMap, point: Point) -> tuple[int, int]:
    """Column and row (from 0) of the cell holding ``point`` (a pixel of the stored image); a point on the plan's
    far edge belongs to the last cell."""
    u, v = turn(plan, point)
    column = min(max(int(u // grid.cell), 0), grid.columns - 1)
    row = min(max(int(v // grid.cell), 0), grid.rows - 1)
    return column, row


def cell_name(grid: Grid, plan: SiteMap, point: Point) -> str:
    column, row = cell_at(grid, plan, point)
    return f"{column_name(column)}{row + 1}"


def cell_of(plan: SiteMap, point: Point, grid_m: float = DEFAULT_GRID_M) -> str:
    """The grid cell of ``point`` (a pixel of the plan's stored image) on the plan's responder map: "C4"."""
    return cell_name(grid_for(plan, grid_m), plan, point)
