"""The district report's compliance charts: a point without a value is left out, never drawn as 0%."""

from __future__ import annotations

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import String

from safety_assess.reports.district import _line_chart


def test_an_assessment_with_nothing_answered_is_left_out_of_the_line() -> None:
    drawing = _line_chart(["Mar 2025", "Nov 2026", "Dec 2026"], [80.0, None, 60.0], "Compliance over time")
    [chart] = [item for item in drawing.contents if isinstance(item, HorizontalLineChart)]
    assert chart.data == [[80.0, 60.0]] and chart.categoryAxis.categoryNames == ["Mar 2025", "Dec 2026"]


def test_a_chart_with_no_value_at_all_says_so() -> None:
    drawing = _line_chart(["Nov 2026"], [None], "Compliance over time")
    assert not [item for item in drawing.contents if isinstance(item, HorizontalLineChart)]
    assert [item.text for item in drawing.contents if isinstance(item, String)] == [
        "Compliance over time: nothing answered yet"
    ]
