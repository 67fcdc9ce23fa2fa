"""The CSV of actions for work-order systems."""

from __future__ import annotations

import csv
import io

from safety_assess.domain.records import AssessmentSummary
from safety_assess.reports.csv_export import COLUMNS, actions_csv, safe
from safety_assess.services.plan import load_plan
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


def test_cells_that_look_like_formulas_stay_text() -> None:
    assert safe('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe("+1 555") == "'+1 555" and safe("-12.5") == "-12.5" and safe("@cmd") == "'@cmd"
    assert safe("Fix it") == "Fix it" and safe(None) == ""
