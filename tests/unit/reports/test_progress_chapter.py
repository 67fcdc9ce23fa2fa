"""The district report's "Progress against targets": per metric the district's value and target, the campuses that
missed, and a bar chart starting at zero, read from the written PDF."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart

from safety_assess.domain.district.overview import DistrictTotals
from safety_assess.domain.readiness.metrics import BY_KEY, METRICS, NO_DATA, Reading
from safety_assess.domain.readiness.progress import MetricProgress, TermProgress
from safety_assess.domain.readiness.terms import Term
from safety_assess.domain.records import Campus
from safety_assess.reports.chapters.progress import _chart
from safety_assess.reports.district import DistrictReportOptions, write_district_pdf
from tests.unit.reports.test_pdf import text_of

DISTRICT = uuid.uuid4()
ADAMS, LINCOLN = (
    Campus(uuid.uuid4(), DISTRICT, name, code, "") for name, code in (("Adams", "AES"), ("Lincoln", "LHS"))
)
TERM = Term("fall", dt.date(2026, 8, 1), dt.date(2026, 12, 31))
TARGETS = {"compliance": 80.0, "open_high_critical": 2.0, "actions_on_time": 75.0, "cost_spent": 50.0}


def _progress() -> TermProgress:
    readings = {
        "compliance": (Reading(90.0, 90, 1), Reading(60.0, 60, 1)),
        "open_high_critical": (Reading(0, 0, 1), Reading(3, 3, 1)),
        "actions_on_time": (NO_DATA, Reading(50.0, 1, 2)),
    }
    lines = []
    for metric in METRICS:
        adams, lincoln = readings.get(metric.key, (NO_DATA, NO_DATA))
        district = metric.district([adams, lincoln])
        lines.append(MetricProgress(metric, TARGETS.get(metric.key), district, {ADAMS.id: adams, LINCOLN.id: lincoln}))
    return TermProgress(TERM, [ADAMS, LINCOLN], lines)


def test_the_chapter_names_each_metric_its_target_and_the_campuses_that_missed(tmp_path: Path) -> None:
    out = tmp_path / "district.pdf"
    totals = DistrictTotals(2, 0, {}, 0, 0, {}, {}, {}, {})
    options = DistrictReportOptions("Springfield USD", "Confidential", dt.datetime(2026, 12, 7, tzinfo=dt.UTC))
    write_district_pdf([], totals, [], options, out, progress=_progress())
    text = " ".join(text_of(out).split())
    assert "Progress against targets" in text and "Term fall-2026, 2026-08-01 to 2026-12-31" in text
    assert "Compliance 75% at least 80% missed 1" in text  # the mean of 90 and 60, one campus missed
    assert "Open high/critical 3 findings at most 2 findings missed 1" in text
    assert "Actions done by their due date 50% at least 75% missed 1" in text  # Adams had nothing due
    assert "Spot checks passed no data no target" in text
    assert "Compliance, at least 80%: missed by Lincoln (60%)." in text
    assert "Open high/critical, at most 2 findings: missed by Lincoln (3 findings)." in text
    assert "Cost spent against planned: nothing to measure this term." in text  # a target, no data: nobody met it


def test_the_chart_shows_the_percentages_with_a_target_from_zero() -> None:
    [chart] = [item for item in _chart(_progress()).contents if isinstance(item, VerticalBarChart)]
    assert chart.categoryAxis.categoryNames == [BY_KEY["compliance"].label, BY_KEY["actions_on_time"].label]
    assert chart.data == [[75.0, 50.0], [80.0, 75.0]] and chart.valueAxis.valueMin == 0
