"""The fillable parts of a review packet, as flowables that place AcroForm fields where they are laid out.

Fields use a plain PDF font (Helvetica) so any reader can draw what is typed; the packet sets NeedAppearances so
readers redraw them. No JavaScript, no actions: only fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.acroform import PDFFromString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from safety_assess.reports import fonts
from safety_assess.reports.styles import INK, RULE

FIELD_FONT = "Helvetica"
BOX = 11.0
"""The size of a radio button or checkbox."""
LABEL = 8.5
_COLORS: dict[str, Any] = {"borderColor": RULE, "fillColor": colors.white, "textColor": INK, "borderWidth": 0.75}


def need_appearances(canvas: Canvas) -> None:
    """Ask readers to draw the fields' appearances themselves (what they show after filling)."""
    canvas.acroForm.extras["NeedAppearances"] = PDFFromString("true")  # a PDF boolean, written as it is


class Choices(Flowable):  # type: ignore[misc]  # ReportLab has no type information
    """A radio group on one line: a button and its label for each (value, label)."""

    def __init__(self, name: str, choices: Sequence[tuple[str, str]], tooltip: str, lead: str = "") -> None:
        super().__init__()
        self.name, self.choices, self.tooltip, self.lead = name, list(choices), tooltip, lead
        self.height = BOX + 6

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        x = 0.0
        if self.lead:
            fonts.draw(canvas, x, 4, self.lead, LABEL, main=fonts.BOLD)
            x += fonts.width(self.lead, LABEL, fonts.BOLD) + 8
        for value, label in self.choices:
            canvas.acroForm.radio(
                name=self.name,
                value=value,
                x=x,
                y=2,
                size=BOX,
                tooltip=self.tooltip,
                fieldFlags="noToggleToOff radio",
                buttonStyle="circle",
                relative=True,
                **_COLORS,
            )
            fonts.draw(canvas, x + BOX + 3, 4, label, LABEL)
            x += BOX + 3 + fonts.width(label, LABEL) + 14


class TextBox(Flowable):  # type: ignore[misc]
    """A text field as wide as the frame (or ``width``), ``lines`` lines high (multi-line when more than one)."""

    def __init__(self, name: str, tooltip: str, lines: int, maxlen: int, width: float | None = None) -> None:
        super().__init__()
        self.name, self.tooltip, self.lines, self.maxlen, self.fixed = name, tooltip, lines, maxlen, width
        self.height = 12.0 * lines + 6

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = self.fixed or available_width
        return self.width, self.height

    def draw(self) -> None:
        self.canv.acroForm.textfield(
            name=self.name,
            tooltip=self.tooltip,
            x=0,
            y=0,
            width=self.width,
            height=self.height,
            maxlen=self.maxlen,
            fieldFlags="multiline" if self.lines > 1 else "",
            fontName=FIELD_FONT,
            fontSize=9,
            relative=True,
            **_COLORS,
        )


class CheckBox(Flowable):  # type: ignore[misc]
    """A checkbox with its label."""

    def __init__(self, name: str, label: str) -> None:
        super().__init__()
        self.name, self.label = name, label
        self.height = BOX + 4

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        return self.width, self.height

    def draw(self) -> None:
        self.canv.acroForm.checkbox(
            name=self.name, tooltip=self.label, x=0, y=2, size=BOX, fieldFlags="", relative=True, **_COLORS
        )
        fonts.draw(self.canv, BOX + 5, 4, self.label, LABEL)


class Hidden(Flowable):  # type: ignore[misc]
    """Read-only fields that are neither shown nor printed, holding values the reader brings back."""

    def __init__(self, values: dict[str, str]) -> None:
        super().__init__()
        self.values = values
        self.width = self.height = 0

    def draw(self) -> None:
        for name, value in self.values.items():
            self.canv.acroForm.textfield(
                name=name,
                value=value,
                x=0,
                y=0,
                width=1,
                height=1,
                maxlen=0,
                fieldFlags="readOnly",
                annotationFlags="hidden",
                fontName=FIELD_FONT,
                fontSize=6,
                relative=True,
            )
