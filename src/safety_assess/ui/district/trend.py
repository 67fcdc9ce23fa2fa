"""A campus's trend over its assessments: compliance as a line (left axis, 0-100 %) and open high and critical
findings as bars (right axis), one point per assessment, oldest on the left."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from safety_assess.domain.district.overview import Assessed

LINE = QColor("#1565c0")
BARS = QColor("#c62828")
BAR_FILL = QColor(198, 40, 40, 70)
"""Bars light enough for the compliance line to read over them."""
GRID = QColor("#dddddd")
ON_DARK = {
    "line": QColor("#90caf9"),
    "bars": QColor("#ef9a9a"),
    "fill": QColor(239, 154, 154, 70),
    "grid": QColor("#5a5a5a"),
}
"""The same meanings on a dark desktop theme, light enough to read there."""


def chart_colors(palette: QPalette) -> dict[str, QColor]:
    """The line, bar, bar fill and grid colours that read on the window's background (light or dark theme)."""
    if palette.window().color().lightness() < 128:
        return ON_DARK
    return {"line": LINE, "bars": BARS, "fill": BAR_FILL, "grid": GRID}


MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44, 36, 24, 34


def plot_area(widget: QWidget, margins: tuple[int, int, int, int]) -> QRectF:
    """The chart's plot inside the widget, leaving ``margins`` (left, right, top, bottom) for the axes' labels."""
    left, right, top, bottom = margins
    return QRectF(left, top, max(widget.width() - left - right, 10), max(widget.height() - top - bottom, 10))


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.setAccessibleName("Trend: compliance and open high and critical findings per assessment")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.history: list[Assessed] = []

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def set_history(self, history: list[Assessed]) -> None:
        self.history = list(history)
        self.setToolTip(
            "\n".join(
                f"{a.summary.assessed_on.isoformat()}: compliance "
                f"{'–' if a.figures.compliance is None else f'{a.figures.compliance:.0f}%'}, "
                f"{a.figures.severe} high or critical"
                for a in self.history
            )
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = plot_area(self, (MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM))
        colors = chart_colors(self.palette())
        self._axes(painter, plot, colors)
        if not self.history:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No assessment yet")
            return
        step = plot.width() / len(self.history)
        top_severe = max(max(a.figures.severe for a in self.history), 1)
        points = []
        for number, assessed in enumerate(self.history):
            middle = plot.left() + step * (number + 0.5)
            height = plot.height() * assessed.figures.severe / top_severe
            painter.fillRect(QRectF(middle - step * 0.2, plot.bottom() - height, step * 0.4, height), colors["fill"])
            label = assessed.summary.assessed_on.strftime("%Y-%m-%d")
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(middle - step / 2, plot.bottom() + 4, step, 18), Qt.AlignmentFlag.AlignHCenter, label
            )
            if assessed.figures.compliance is not None:
                points.append(QPointF(middle, plot.bottom() - plot.height() * assessed.figures.compliance / 100))
        painter.setPen(QPen(colors["line"], 2.5))
        painter.drawPolyline(points)
        for point in points:
            painter.drawEllipse(point, 3.5, 3.5)
        painter.setPen(colors["bars"])
        painter.drawText(
            QRectF(plot.right() + 4, plot.top() - 6, MARGIN_RIGHT - 4, 14), Qt.AlignmentFlag.AlignLeft, str(top_severe)
        )

    def _axes(self, painter: QPainter, plot: QRectF, colors: dict[str, QColor]) -> None:
        for percent in (0, 25, 50, 75, 100):
            y = plot.bottom() - plot.height() * percent / 100
            painter.setPen(colors["grid"])
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(colors["line"])
            painter.drawText(QRectF(0, y - 7, MARGIN_LEFT - 6, 14), Qt.AlignmentFlag.AlignRight, f"{percent}%")
        painter.setPen(self.palette().text().color())
        painter.drawText(
            QRectF(4, 2, self.width() - 8, 16),  # the whole width: the plot's would cut the caption
            Qt.AlignmentFlag.AlignLeft,
            "Compliance (line), open high and critical findings (bars)",
        )
