"""The side panel of a responder map, top to bottom: campus, address, district, plan, date; north arrow and scale
bar; the grid's cell size; the legend of the key features on the plan; the exterior doors by grid cell."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from safety_assess.domain.sitemap.model import KEY_FEATURES, MarkerKind, SiteMap
from safety_assess.reports import fonts
from safety_assess.reports.fonts import BOLD, SANS, markup
from safety_assess.reports.plan_view import turned_angle
from safety_assess.reports.responder_grid import Grid
from safety_assess.reports.responder_symbols import LEGEND_TEXT, camera, draw_marker

NICE_METRES = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)
FEET_PER_METRE = 3.28084
LINE = 9.0
DOOR_COLUMN = 40.0
"""Width of one "12 C4" entry when the doors are listed in columns."""
ARROW_X, N_RADIUS, SCALE_BAR_X = 23.0, 18.0, 48.0
"""The north arrow's centre from the panel's left, its N's centre from the arrow's, and where the scale bar starts:
the N, a letter 7 points wide, keeps clear of the bar whichever way it points."""

_body = ParagraphStyle("responder", fontName=SANS, fontSize=8.5, leading=10.5, spaceAfter=2)
STYLES = {
    "campus": ParagraphStyle("responder-campus", parent=_body, fontName=BOLD, fontSize=14, leading=17),
    "body": _body,
    "bold": ParagraphStyle("responder-bold", parent=_body, fontName=BOLD),
    "heading": ParagraphStyle("responder-heading", parent=_body, fontName=BOLD, fontSize=9.5, spaceBefore=6),
}

Doors = Sequence[tuple[str, str, str]]
Places = dict[MarkerKind, list[str]]


class Panel:
    """Lays the panel out from ``top`` down to ``bottom`` at ``x``, ``width`` wide, on a ReportLab canvas."""

    def __init__(self, canvas: Any, x: float, top: float, width: float, bottom: float) -> None:
        self.canvas, self.x, self.y, self.width, self.bottom = canvas, x, top, width, bottom

    def fill(self, plan: SiteMap, sheet: Any, grid: Grid, scale: float, doors: Doors, places: Places) -> None:
        """``places``: the grid cells of each kind of key feature, for those the legend lists them for."""
        for text, style, lines in (
            (sheet.campus, "campus", 3),
            (sheet.address, "body", 4),
            (sheet.district, "body", 2),
            (plan.title, "bold", 2),
            (f"Prepared {sheet.date.isoformat()}", "body", 1),
        ):
            if text.strip():
                self.text(text, style, lines)
        self.y -= 6
        self.north_and_scale(plan, scale)
        self.text(grid.describe(), "body")
        self.legend(plan, places)
        self.doors(doors)

    def text(self, text: str, style: str, lines: int | None = None) -> None:
        """A paragraph of plain ``text``; cut short with an ellipsis to ``lines`` lines when given (a long campus
        name or address must leave room for the key and the doors)."""
        paragraph = self._paragraph(text, STYLES[style], lines)
        _, height = paragraph.wrap(self.width, 1000)
        self.y -= paragraph.style.spaceBefore
        paragraph.drawOn(self.canvas, self.x, self.y - height)
        self.y -= height + paragraph.style.spaceAfter

    def _paragraph(self, text: str, style: ParagraphStyle, lines: int | None) -> Paragraph:
        def fits(shown: str) -> bool:
            return bool(Paragraph(markup(shown), style).wrap(self.width, 1000)[1] <= lines * style.leading + 0.5)

        if lines is None or fits(text):
            return Paragraph(markup(text), style)
        low, high = 0, len(text)  # the longest start of the text that fits with an ellipsis
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if fits(text[:middle].rstrip() + "…") else (low, middle - 1)
        return Paragraph(markup(text[:low].rstrip() + "…"), style)

    def north_and_scale(self, plan: SiteMap, scale: float) -> None:
        """North arrow at the left, scale bar beside it; each only when set."""
        if plan.north is None and plan.pixels_per_metre is None:
            self.text("No north or scale set on this plan.", "body")
            return
        middle = self.y - 20
        if plan.north is not None:
            north_arrow(self.canvas, self.x + ARROW_X, middle, turned_angle(plan, plan.north))
        if plan.pixels_per_metre is not None:
            room = self.width - SCALE_BAR_X - 8
            scale_bar(self.canvas, self.x + SCALE_BAR_X, middle - 2, room, plan.pixels_per_metre * scale)
        self.y -= 46

    def legend(self, plan: SiteMap, places: Places) -> None:
        present = {m.kind for m in plan.markers}
        kinds = [kind for kind in KEY_FEATURES if kind in present]
        if not kinds:
            return
        self.text("Legend", "heading")
        canvas = self.canvas
        for kind in kinds:
            middle = self.y - 7
            if kind is MarkerKind.CAMERA:
                camera(canvas, self.x + 10, middle, 90.0)
            else:
                draw_marker(canvas, kind, self.x + 10, middle, number=1)
            canvas.setFillGray(0)
            text = LEGEND_TEXT.get(kind, kind.label)
            fonts.draw(canvas, self.x + 26, middle - 3, text, 8.5)
            if places.get(kind):
                after = self.x + 26 + fonts.width(text, 8.5) + 5
                cells = fonts.fit(", ".join(places[kind]), 8.5, self.x + self.width - after, BOLD)
                fonts.draw(canvas, after, middle - 3, cells, 8.5, main=BOLD)
            self.y -= 14

    def doors(self, doors: Doors) -> None:
        """One line each ("Door 3  C4  Main entrance") when they fit, else in columns ("3 C4") as many as fit;
        doors without a number ("?") are counted, not listed."""
        unnumbered = sum(1 for number, _, _ in doors if number == "?")
        doors = [door for door in doors if door[0] != "?"]
        if doors or unnumbered:
            self.text("Exterior doors", "heading")
        if unnumbered:
            self.text(f"{unnumbered} not numbered yet (boxed ?): number them in the map window.", "body")
        if not doors:
            return
        rows = max(1, math.floor((self.y - self.bottom) / LINE))
        canvas = self.canvas
        canvas.setFillGray(0)
        if len(doors) <= rows:
            for number, cell, label in doors:
                self.y -= LINE
                line = f"Door {number}  {cell}" + (f"  {label}" if label else "")
                fonts.draw(canvas, self.x, self.y, fonts.fit(line, 8, self.width), 8)
            return
        columns = max(1, math.floor(self.width / DOOR_COLUMN))
        shown = list(doors[: rows * columns])
        if len(shown) < len(doors):
            shown[-1] = (f"+{len(doors) - len(shown) + 1}", "more", "")
        for n, (number, cell, _) in enumerate(shown):
            column, row = divmod(n, rows)
            fonts.draw(canvas, self.x + column * DOOR_COLUMN, self.y - (row + 1) * LINE, f"{number} {cell}", 7.5)


def north_arrow(canvas: Any, x: float, y: float, degrees: float) -> None:
    """An arrow pointing north (``degrees`` clockwise from the page's up), half black, half white, with an N beyond
    its tip, upright whichever way the arrow points (turned on its side, an N reads as a Z)."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.saveState()
    canvas.rotate(-degrees)
    canvas.setStrokeGray(0)
    canvas.setLineWidth(0.9)
    for side, fill in ((-1, 0), (1, 1)):
        path = canvas.beginPath()
        path.moveTo(0, 13)
        path.lineTo(side * 6, -9)
        path.lineTo(0, -4)
        path.close()
        canvas.setFillGray(fill)
        canvas.drawPath(path, stroke=1, fill=1)
    canvas.restoreState()
    canvas.setFillGray(0)
    canvas.setFont(BOLD, 9)
    turned = math.radians(degrees)
    canvas.drawCentredString(N_RADIUS * math.sin(turned), N_RADIUS * math.cos(turned) - 3.2, "N")
    canvas.restoreState()


def scale_bar(canvas: Any, x: float, y: float, room: float, points_per_metre: float) -> None:
    """A bar of a round number of metres (at most ``room`` points long) in four black and white parts."""
    fitting = [m for m in NICE_METRES if m * points_per_metre <= room]
    metres = fitting[-1] if fitting else NICE_METRES[0]
    length = metres * points_per_metre
    canvas.saveState()
    canvas.setStrokeGray(0)
    canvas.setLineWidth(0.7)
    for part in range(4):
        canvas.setFillGray(0 if part % 2 == 0 else 1)
        canvas.rect(x + part * length / 4, y, length / 4, 5, stroke=1, fill=1)
    canvas.setFillGray(0)
    canvas.setFont(SANS, 7)
    canvas.drawString(x, y - 9, "0")
    canvas.drawRightString(x + length, y - 9, f"{metres:g} m")
    canvas.drawString(x, y + 9, f"{metres:g} m = {metres * FEET_PER_METRE:,.0f} ft")
    canvas.restoreState()
