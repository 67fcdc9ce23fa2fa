"""Paragraph styles and colours of reports, all in the bundled fonts."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle

from safety_assess.reports.fonts import BOLD, ITALIC, SANS, register_fonts

INK = colors.HexColor("#1b1b1b")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#c7c7c7")
SHADE = colors.HexColor("#f1f3f4")
ACCENT = colors.HexColor("#1a4d8f")
MARK = colors.HexColor("#b71c1c")


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=12.5, textColor=INK, spaceAfter=4)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        "muted": ParagraphStyle("muted", parent=body, fontSize=8, leading=10, textColor=MUTED),
        "italic": ParagraphStyle("italic", parent=body, fontName=ITALIC),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=BOLD, fontSize=8, leading=10, spaceAfter=0),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=BOLD, fontSize=17, leading=21, spaceBefore=4, spaceAfter=10, textColor=ACCENT
        ),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=12, leading=15, spaceBefore=10, spaceAfter=5),
        "h3": ParagraphStyle("h3", parent=body, fontName=BOLD, fontSize=10.5, leading=13, spaceBefore=8, spaceAfter=3),
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=26, leading=32, textColor=ACCENT),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=14, leading=19, textColor=INK),
        "marking": ParagraphStyle(
            "marking", parent=body, fontName=BOLD, fontSize=11, leading=14, textColor=MARK, alignment=TA_CENTER
        ),
    }
