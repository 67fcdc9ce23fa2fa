"""The district report's "Progress against targets": for the term, each metric's district value against its target,
the campuses that missed it, and a bar chart of the district's percentages against their targets."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import inch

from safety_assess.domain.readiness.progress import MetricProgress, TermProgress
from safety_assess.domain.readiness.shown import NO_DATA_TEXT, met_text, target_text, value_text
from safety_assess.reports.chapters.common import Story, para, percent_axes, rich, table
from safety_assess.reports.fonts import SANS, markup
from safety_assess.reports.styles import ACCENT

WIDTH = 7.0 * inch
NAMED = 12
"""Campuses named per metric that missed; the rest are counted."""
TARGET_COLOR = colors.HexColor("#9e9e9e")


def progress_chapter(progress: TermProgress) -> Story:
    term = progress.term
    story: Story = [
        para("Progress against targets", "h1"),
        para(
            f"Term {term.key}, {term.start.isoformat()} to {term.end.isoformat()}: the district's value of each "
            "metric against the target it set, and the campuses that missed it. A campus with nothing to measure "
            "is left out of the district's value and of the campuses that missed.",
        ),
    ]
    rows = [
        [
            line.metric.label,
            value_text(line.metric, line.district.value),
            target_text(line.metric, line.target) or "no target",
            met_text(line.met(line.district)) or "-",
            str(len(line.missed_by(progress.campuses))) if line.target is not None else "-",
        ]
        for line in progress.metrics
    ]
    widths = [2.3 * inch, 1.2 * inch, 1.5 * inch, 0.8 * inch, 1.2 * inch]
    story.append(table(["Metric", "District", "Target", "Result", "Campuses missed"], rows, widths, right=[1, 4]))
    story.append(_chart(progress))
    for line in progress.metrics:
        story += _missed(line, progress)
    return story


def _missed(line: MetricProgress, progress: TermProgress) -> Story:
    if line.target is None:
        return []
    missed = line.missed_by(progress.campuses)
    if line.district.value is None:
        return [rich(f"<b>{markup(line.metric.label)}</b>: nothing to measure this term.", "small")]
    if not missed:
        return [rich(f"<b>{markup(line.metric.label)}</b>: no campus missed the target.", "small")]
    named = ", ".join(f"{c.name} ({value_text(line.metric, line.campuses[c.id].value)})" for c in missed[:NAMED])
    more = f", and {len(missed) - NAMED} more" if len(missed) > NAMED else ""
    told = f"<b>{markup(line.metric.label)}</b>, {markup(target_text(line.metric, line.target))}: missed by "
    return [rich(told + markup(named + more) + ".", "small")]


def _chart(progress: TermProgress) -> Drawing:
    """The metrics in percent that have a target: the district's value (accent) beside the target (grey)."""
    shown = [
        line
        for line in progress.metrics
        if line.metric.unit == "%" and line.target is not None and line.district.value is not None
    ]
    height = 170
    drawing = Drawing(WIDTH, height)
    caption = "The district against its targets (metrics in percent with a target and data)"
    if not shown:
        drawing.add(String(40, height - 10, f"{caption}: {NO_DATA_TEXT}", fontName=SANS, fontSize=8))
        return drawing
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, WIDTH - 60, height - 50
    chart.data = [[line.district.value or 0.0 for line in shown], [line.target or 0.0 for line in shown]]
    chart.bars[0].fillColor = ACCENT
    chart.bars[1].fillColor = TARGET_COLOR
    percent_axes(chart, [line.metric.label for line in shown], chart.barLabels)
    chart.valueAxis.valueMax = max(100.0, *(v for series in chart.data for v in series))
    chart.barLabelFormat = "%.0f%%"
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(String(chart.x, height - 10, f"{caption}: district (dark), target (grey)", fontName=SANS, fontSize=8))
    return drawing
