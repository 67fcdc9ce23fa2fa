"""The district view ranks by a rule it states (critical first), and quotes each compliance with its coverage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safety_assess.domain.district.overview import RANKING_RULE
from safety_assess.domain.scoring.adjust import FindingEdit
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.district import export_district_report
from safety_assess.services.plan import PlanEditor, assessment_state
from safety_assess.services.workspace import Workspace
from tests.gui.district.test_district_window import open_district, shown_codes
from tests.unit.reports.test_pdf import text_of

DAY = dt.date(2026, 4, 1)


def campus_with(workspace: Workspace, name: str, code: str, risks: list[tuple[int, int]]) -> None:
    workspace.campuses.add(name, code)
    summary = start_assessment(workspace, code, "every-type", ["Ana"], DAY)
    record_answer(workspace, summary.id, "door-hard", "yes")
    editor = PlanEditor(workspace, summary.id)
    for number, (likelihood, severity) in enumerate(risks, start=1):
        editor.add_finding(f"Problem {number}", FindingEdit(likelihood=likelihood, severity=severity))


def test_one_critical_outranks_three_high_and_the_rule_is_stated(qtbot, workspace: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    campus_with(workspace, "Adams Elementary", "HIGH3", [(3, 4), (3, 4), (3, 4)])  # 3 High, risk load 36
    campus_with(workspace, "Zephyr Academy", "CRIT1", [(4, 5)])  # 1 Critical (risk 20)
    window = open_district(qtbot, workspace)
    assert shown_codes(window) == ["CRIT1", "HIGH3"]
    assert window.ranking_rule.isVisible() and window.ranking_rule.text() == RANKING_RULE
    assert "critical findings, then most open high findings" in RANKING_RULE

    window.table.selectRow(0)
    answered = assessment_state(workspace, window.campuses.rows[0].latest.summary.id).overall()  # type: ignore[union-attr]
    expected = f"0% of 1 answered item; {answered.applicable - 1} not answered yet"
    assert expected in window.campus_title.text()
    titles = window.campuses.titles()
    assert window.campus_filter.index(0, titles.index("Answered")).data() == f"1 of {answered.applicable}"

    report = export_district_report(workspace, tmp_path / "district.pdf").path
    text = " ".join(text_of(report).split())
    assert "most open critical findings, then most open high findings, then the largest risk load" in text
    assert text.index("Zephyr Academy") < text.index("Adams Elementary")
    assert expected in text
