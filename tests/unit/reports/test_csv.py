"""The CSV of actions for work-order systems."""

from __future__ import annotations

import csv
import io

from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.scoring.adjust import FindingEdit
from safety_assess.reports.csv_export import COLUMNS, actions_csv, safe
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace


def test_one_row_per_action_with_work_order_columns(workspace: Workspace, reported: AssessmentSummary) -> None:
    plan = load_plan(workspace, reported.id)
    rows = list(csv.DictReader(io.StringIO(actions_csv(plan))))
    assert list(rows[0]) == list(COLUMNS) and len(rows) == len(plan.actions) == 4
    roof = next(r for r in rows if r["finding"] == "Roof hatch unlocked")
    assert (roof["campus_code"], roof["band"], roof["risk"], roof["phase"], roof["cost_low"], roof["cost_high"]) == (
        "LHS",
        "Critical",
        "20",
        "immediate",
        "500.00",
        "1500.00",
    )
    assert roof["due"] == "2026-12-02" and roof["responsible"] == "Facilities" and roof["status"] == "open"


def test_risk_reduced_per_dollar_where_the_residual_risk_is_known(
    workspace: Workspace, reported: AssessmentSummary
) -> None:
    plan = load_plan(workspace, reported.id)
    editor = PlanEditor(workspace, reported.id, by="Ana")
    roof = next(f for f in plan.findings if f.title == "Roof hatch unlocked")
    editor.adjust(roof, FindingEdit(residual_likelihood=1, residual_severity=5))
    rows = list(csv.DictReader(io.StringIO(actions_csv(load_plan(workspace, reported.id)))))
    values = {r["finding"]: r["risk_reduced_per_dollar"] for r in rows}
    assert values.pop("Roof hatch unlocked") == "0.015"  # (20 - 5) / 1,000, the middle of $500-$1,500
    assert set(values.values()) == {""}


def test_cells_that_look_like_formulas_stay_text() -> None:
    assert safe('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe("+1 555") == "'+1 555" and safe("-12.5") == "-12.5" and safe("@cmd") == "'@cmd"
    assert safe("Fix it") == "Fix it" and safe(None) == ""
