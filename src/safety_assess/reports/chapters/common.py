"""Small building blocks shared by the chapters: paragraphs from plain text, tables, money and percentages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from safety_assess.domain import display as wording
from safety_assess.domain.display import cost_range, money, words
from safety_assess.reports.fonts import BOLD, SANS, markup, missing_from_main
from safety_assess.reports.styles import RULE, SHADE, styles

__all__ = ["cost_range", "money", "words"]  # shared wording, re-exported for the chapters

Story = list[Flowable]
CELL_MAX = 500
CELL_SIZE = 8
"""Characters a table cell shows: a cell cannot break across pages, so longer text is shortened there (notes and
descriptions are printed in full in the findings, as paragraphs)."""


def cell_text(value: object) -> str:
    text = str(value)
    if len(text) <= CELL_MAX:
        return text
    return f"{text[:CELL_MAX].rstrip()}… [shortened from {len(text):,} characters]"


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped; any script)."""
    return Paragraph(markup(text), styles()[style])


def rich(html: str, style: str = "body") -> Paragraph:
    """A paragraph of our own markup (callers escape what they interpolate with ``markup``)."""
    return Paragraph(html, styles()[style])


def percent(value: float | None) -> str:
    return wording.percent(value, missing="n/a")


def delta(value: float | None) -> str:
    return wording.delta(value, unit=" points", same="no change")


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    right: Sequence[int] = (),
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A data table: a bold header repeated on each page, cells as paragraphs (they wrap), light rules."""
    bold = styles()["cell_bold"]
    body = [[_cell(c, width) for c, width in zip(row, widths, strict=True)] for row in rows]
    data = [[Paragraph(markup(h), bold) for h in header], *body]
    result = Table(data, colWidths=list(widths), repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, CELL_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in right]
    result.setStyle(TableStyle([*commands, *extra]))
    return result


def chip(text: str, color: str) -> Table:
    """A small coloured label: a finding's band."""
    label = Table(
        [[text]],
        style=[
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(color)),
            ("TEXTCOLOR", (0, 0), (-1, -1), colors.white),
            ("FONT", (0, 0), (-1, -1), BOLD, 8),
        ],
    )
    label.hAlign = "LEFT"
    return label


def _cell(value: object, width: float) -> object:
    """A cell: plain text when it fits on one line in the main face (much quicker to lay out), else a paragraph."""
    if isinstance(value, Flowable):
        return value
    text = cell_text(value)
    if text.isprintable() and stringWidth(text, SANS, CELL_SIZE) <= width - 8 and not missing_from_main(text):
        return text
    return Paragraph(markup(text), styles()["cell"])


def facts(rows: Sequence[tuple[str, str]], widths: Sequence[float]) -> Table:
    """Label and value pairs, labels in bold."""
    data = [[_cell(label, widths[0]), _cell(value, widths[1])] for label, value in rows]
    result = Table(data, colWidths=list(widths))
    result.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), BOLD, CELL_SIZE),
                ("FONT", (1, 0), (1, -1), SANS, CELL_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ]
        )
    )
    return result


def percent_axes(chart: Any, categories: Sequence[str], values: Any) -> None:
    """A chart's axes in percent from zero, with its categories named and its value labels, all in small type."""
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = "%d%%"
    for labels in (chart.valueAxis.labels, chart.categoryAxis.labels, values):
        labels.fontName, labels.fontSize = SANS, 7
    chart.categoryAxis.categoryNames = list(categories)
