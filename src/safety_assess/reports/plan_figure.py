"""A site plan in a report: its image greyed down and turned as printed, with findings pinned in their band's colour
and numbered as the findings chapter numbers them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.reports.content import PlanPicture
from safety_assess.reports.fonts import BOLD
from safety_assess.reports.images import placeholder
from safety_assess.reports.plan_view import printed_image, turn, turned_size

DPI = 150
PIN_TEXT = 7.0


@dataclass(frozen=True)
class Pin:
    x: float
    y: float
    """Where, in pixels of the plan's stored image."""
    number: int | None
    """The finding's number in the findings chapter; None when the report does not list the findings."""
    color: str


class PlanFigure(Flowable):  # type: ignore[misc]  # ReportLab has no type information
    """The plan as large as fits ``width`` x ``height`` in its proportions; pins over it. An image that cannot be
    read leaves a placeholder saying why."""

    def __init__(self, picture: PlanPicture, pins: list[Pin], width: float, height: float) -> None:
        super().__init__()
        self.picture, self.pins = picture, pins
        across, down = turned_size(picture.plan)
        self.scale = min(width / across, height / down)
        self.width, self.height = across * self.scale, down * self.scale
        self.hAlign = "LEFT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        plan = self.picture.plan
        longest = min(max(plan.width, plan.height), math.ceil(max(self.width, self.height) / 72 * DPI))
        try:
            picture = printed_image(plan, self.picture.image, longest)
        except SafetyAssessError as error:
            placeholder(canvas, self.width, self.height, f"Plan not available: {error}")
        else:
            canvas.drawImage(ImageReader(picture), 0, 0, self.width, self.height)
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        for pin in self.pins:
            u, v = turn(plan, (pin.x, pin.y))
            draw_pin(canvas, u * self.scale, self.height - v * self.scale, pin)


def draw_pin(canvas: Any, x: float, y: float, pin: Pin) -> None:
    """A disc in the band's colour, black-rimmed, with the finding's number in white."""
    text = "" if pin.number is None else str(pin.number)
    radius = max(5.5, stringWidth(text, BOLD, PIN_TEXT) / 2 + 2.5)
    canvas.saveState()
    canvas.setFillColor(colors.HexColor(pin.color))
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.8)
    canvas.circle(x, y, radius, stroke=1, fill=1)
    if text:
        canvas.setFillColor(colors.white)
        canvas.setFont(BOLD, PIN_TEXT)
        canvas.drawCentredString(x, y - PIN_TEXT * 0.36, text)
    canvas.restoreState()
