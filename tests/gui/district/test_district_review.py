"""How far each campus's plan review has come, in the district overview (read at once for every campus), its
window's Review column and the district report."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import Qt

from safety_assess.cli.district_cmds import overview_json
from safety_assess.domain.plan.actions import Action
from safety_assess.domain.review.model import ActionView, FilledPacket, Role, Stance
from safety_assess.services import reviews as rv
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.district import district_overview, export_district_report
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.storage.repositories import reviews as reviews_repository
from tests.gui.district.test_district_window import open_district
from tests.unit.reports.test_pdf import text_of

DAY = dt.date(2026, 11, 2)


def planned(workspace: Workspace, name: str, code: str) -> uuid.UUID:
    workspace.campuses.add(name, code)
    summary = start_assessment(workspace, code, "every-type", ["Ana"], DAY)
    record_answer(workspace, summary.id, "door-locked", "no")
    PlanEditor(workspace, summary.id, by="Ana").plan_suggested(load_plan(workspace, summary.id))
    return summary.id


def four_campuses(workspace: Workspace) -> dict[str, str]:
    """Adopted, responses in, packet out and not reviewed: the stage each should show, by code."""
    adopted, answered, issued = (planned(workspace, f"{c} School", c) for c in ("ADO", "ANS", "OUT"))
    planned(workspace, "None School", "NON")
    for assessment in (adopted, answered):
        identity, listed = rv.issue_packet(workspace, assessment, public=False)
        views = (ActionView(listed[0], Stance.SUPPORT),)
        rv.record_packet(workspace, FilledPacket(identity, "Ana Diaz", Role.PARENT, "", False, views))
    rv.respond(workspace, rv.reviews(workspace, adopted)[0].packet.views[0].action_id, "accepted")
    rv.record_decision(workspace, adopted, "board", dt.date(2026, 12, 1), "adopted", "open")
    rv.issue_packet(workspace, issued, public=True)
    return {"ADO": "adopted on 2026-12-01", "ANS": "responses in", "OUT": "packet out", "NON": "not reviewed"}


def test_the_overview_window_and_report_show_each_campus_review_stage(
    qtbot, workspace: Workspace, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    expected = four_campuses(workspace)
    overview = district_overview(workspace)
    shown = {line.campus.code: overview.review_stage(line) for line in overview.lines}
    assert shown == expected
    listed = overview_json(overview)["campuses"]
    assert {entry["campus"]["code"]: entry["review"] for entry in listed} == expected  # district summary --json
    for line in overview.lines:
        assert line.latest is not None
        state = overview.reviews[line.latest.summary.id]
        assert state == rv.review_state(workspace, line.latest.summary.id)

    window = open_district(qtbot, workspace)
    titles = window.campuses.titles()
    column = titles.index("Review")
    in_window = {
        line.campus.code: window.campuses.index(row, column).data() for row, line in enumerate(window.campuses.rows)
    }
    assert in_window == expected

    text = " ".join(text_of(export_district_report(workspace, tmp_path / "district.pdf").path).split())
    for stage in expected.values():
        assert f"Plan's review {stage}" in text, stage


def test_no_review_column_before_any_review(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    planned(workspace, "Lincoln High", "LHS")
    assert "Review" not in open_district(qtbot, workspace).campuses.titles()  # a column of blanks would crowd costs


def test_the_review_column_is_in_sight_at_the_default_size(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    expected = four_campuses(workspace)
    workspace.campuses.add("Washington Middle School of the Performing Arts", "WMS")
    for summary in workspace.assessments.list():
        plan = load_plan(workspace, summary.id)
        finding = plan.findings[0]
        for phase in ("immediate", "short_term", "long_term"):
            action = Action(finding.key, f"Fix {phase}", phase, 10_000, 1_250_000)
            PlanEditor(workspace, summary.id).add_action(finding, action, plan.phases)
    window = open_district(qtbot, workspace)
    assert (window.width(), window.height()) == (1280, 800)
    table, header = window.table, window.table.horizontalHeader()
    review = window.campuses.titles().index("Review")
    for sorted_by in ("#", "Moderate", "Review"):
        table.sortByColumn(window.campuses.titles().index(sorted_by), Qt.SortOrder.AscendingOrder)
        assert header.sectionPosition(review) + header.sectionSize(review) <= table.viewport().width(), sorted_by
        assert sum(header.sectionSize(n) for n in range(header.count())) <= table.viewport().width(), sorted_by
    metrics = table.fontMetrics()
    for row in range(window.campus_filter.rowCount()):
        cell = window.campus_filter.index(row, review)
        assert cell.data(Qt.ItemDataRole.ToolTipRole) == cell.data()  # in full as a tooltip, were it cut short
        if cell.data() in ("responses in", "packet out", "not reviewed"):
            assert metrics.horizontalAdvance(cell.data()) + 8 <= header.sectionSize(review), cell.data()
    assert set(expected.values()) <= {window.campus_filter.index(r, review).data() for r in range(5)}


def test_review_stages_read_for_many_assessments_as_for_a_few(workspace: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    four_campuses(workspace)
    ids = [summary.id for summary in workspace.assessments.list()]
    few = workspace.reviews.stages(ids)
    monkeypatch.setattr(reviews_repository, "MANY", 0)  # grouped over every assessment, as for a whole district
    assert workspace.reviews.stages(ids) == few
    assert sorted(stage[2] for stage in few.values()) == [0, 0, 1]  # the adopted plan's one action response
