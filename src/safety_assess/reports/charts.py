"""The 5 x 5 heat map (counts in band colours) and the compliance chart per section."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Table, TableStyle

from safety_assess.domain.scoring.risk import Band, band_for
from safety_assess.reports.fonts import BOLD, SANS
from safety_assess.reports.styles import ACCENT, INK, RULE

CELL = 0.55 * inch


def heat_map_table(grid: Sequence[Sequence[int]], bands: Sequence[Band]) -> Table:
    """Likelihood 5 (top) to 1 down the side, severity 1 to 5 along the bottom; each cell's count."""
    rows: list[list[str]] = []
    for likelihood in range(5, 0, -1):
        counts = [str(grid[likelihood - 1][s - 1] or "") for s in range(1, 6)]
        rows.append(["Likelihood" if likelihood == 3 else "", str(likelihood), *counts])
    rows.append(["", "", "1", "2", "3", "4", "5"])
    rows.append(["", "", "Severity", "", "", "", ""])
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, 8),
        ("FONT", (2, 0), (6, 4), BOLD, 11),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TEXTCOLOR", (2, 0), (6, 4), colors.white),
        ("SPAN", (2, 6), (6, 6)),
        ("GRID", (2, 0), (6, 4), 0.75, colors.white),
    ]
    for likelihood in range(5, 0, -1):
        for severity in range(1, 6):
            band = band_for(likelihood * severity, bands)
            cell = (severity + 1, 5 - likelihood)
            commands.append(("BACKGROUND", cell, cell, colors.HexColor(band.color)))
    table = Table(rows, colWidths=[0.8 * inch, 0.25 * inch, *[CELL] * 5], rowHeights=[CELL] * 5 + [14, 14])
    table.setStyle(TableStyle(commands))
    return table


def band_legend(bands: Sequence[Band], counts: dict[str, int]) -> Table:
    rows = [[b.name, f"{b.low}-{b.high}", str(counts.get(b.name, 0))] for b in reversed(bands)]
    table = Table([["Band", "Risk", "Findings"], *rows], colWidths=[1.0 * inch, 0.6 * inch, 0.7 * inch])
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), SANS, 8),
        ("FONT", (0, 0), (-1, 0), BOLD, 8),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
    ]
    for row, band in enumerate(reversed(bands), start=1):
        commands += [
            ("BACKGROUND", (0, row), (0, row), colors.HexColor(band.color)),
            ("TEXTCOLOR", (0, row), (0, row), colors.white),
        ]
    table.setStyle(TableStyle(commands))
    return table


def compliance_chart(labels: Sequence[str], percents: Sequence[float], width: float) -> Drawing:
    """One bar per section, 0-100 %."""
    bar = 16
    height = max(60.0, len(labels) * bar * 1.5 + 40)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 170, 24
    chart.width, chart.height = width - 200, height - 34
    chart.data = [list(percents)]
    chart.bars[0].fillColor = ACCENT
    chart.bars.strokeColor = None
    chart.valueAxis.valueMin = 0  # ReportLab would otherwise start the axis at the smallest value
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.categoryAxis.categoryNames = [_short(label) for label in labels]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.reverseDirection = True
    chart.barLabelFormat = "%.0f%%"
    chart.barLabels.fontName = SANS
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabels.fillColor = INK
    drawing.add(chart)
    drawing.add(String(chart.x, 4, "Compliance, % of the weight of the items assessed", fontName=SANS, fontSize=7))
    return drawing


def _short(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
