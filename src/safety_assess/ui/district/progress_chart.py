"""The district's actual against its target per term for one metric: a bar per term (the actual; missed ones in the
warning colour) and the target as a dashed mark across it, oldest term on the left. Drawn like trend.py, with its
colours for a light or a dark theme."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from safety_assess.domain.readiness.metrics import Metric
from safety_assess.domain.readiness.shown import value_text
from safety_assess.ui.district.trend import chart_colors, plot_area

MISSED = QColor("#c62828")
MISSED_ON_DARK = QColor("#ef9a9a")
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 56, 16, 26, 34


@dataclass(frozen=True)
class TermPoint:
    term: str
    actual: float | None
    target: float | None
    met: bool | None


class ProgressChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressChart")
        self.setAccessibleName("The district's actual against its target per term")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.shown_metric: Metric | None = None
        self.points: list[TermPoint] = []

    def sizeHint(self) -> QSize:
        return QSize(520, 240)

    def set_points(self, metric: Metric, points: list[TermPoint]) -> None:
        self.shown_metric, self.points = metric, list(points)
        self.setToolTip(
            "\n".join(
                f"{p.term}: {value_text(metric, p.actual)}"
                + (f" against {value_text(metric, p.target)}" if p.target is not None else ", no target")
                for p in self.points
            )
        )
        self.update()

    def top(self) -> float:
        """The axis's top: 100 for a percentage (more when a value is above it), else the largest value."""
        values = [v for p in self.points for v in (p.actual, p.target) if v is not None]
        highest = max(values, default=0.0)
        if self.shown_metric is not None and self.shown_metric.unit == "%":
            return max(100.0, highest)
        return max(highest, 1.0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = plot_area(self, (MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM))
        colors = chart_colors(self.palette())
        dark = self.palette().window().color().lightness() < 128
        top = self.top()
        self._axes(painter, plot, colors, top)
        if self.shown_metric is None or not self.points:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No term yet")
            return
        step = plot.width() / len(self.points)
        text = self.palette().text().color()
        for number, point in enumerate(self.points):
            middle = plot.left() + step * (number + 0.5)
            painter.setPen(text)
            painter.drawText(
                QRectF(middle - step / 2, plot.bottom() + 4, step, 18), Qt.AlignmentFlag.AlignHCenter, point.term
            )
            if point.actual is None:
                painter.drawText(QRectF(middle - step / 2, plot.bottom() - 20, step, 16),
                                 Qt.AlignmentFlag.AlignHCenter, "no data")  # fmt: skip
            else:
                height = plot.height() * point.actual / top
                fill = (MISSED_ON_DARK if dark else MISSED) if point.met is False else colors["line"]
                painter.fillRect(QRectF(middle - step * 0.25, plot.bottom() - height, step * 0.5, height), fill)
                painter.setPen(fill)
                label = QRectF(middle - step / 2, plot.bottom() - height - 18, step, 16)
                painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, value_text(self.shown_metric, point.actual))
            if point.target is not None:
                y = plot.bottom() - plot.height() * point.target / top
                painter.setPen(QPen(text, 2, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(middle - step * 0.4, y), QPointF(middle + step * 0.4, y))

    def _axes(self, painter: QPainter, plot: QRectF, colors: dict[str, QColor], top: float) -> None:
        for share in (0, 0.25, 0.5, 0.75, 1):
            y = plot.bottom() - plot.height() * share
            painter.setPen(colors["grid"])
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.palette().text().color())
            label = f"{top * share:g}{'%' if self.shown_metric is not None and self.shown_metric.unit == '%' else ''}"
            painter.drawText(QRectF(0, y - 7, MARGIN_LEFT - 6, 14), Qt.AlignmentFlag.AlignRight, label)
        name = self.shown_metric.label if self.shown_metric is not None else "Metric"
        painter.drawText(
            QRectF(4, 4, self.width() - 8, 16),
            Qt.AlignmentFlag.AlignLeft,
            f"{name}: the district per term (bars), its target (dashed)",
        )
