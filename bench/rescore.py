"""Re-scoring after one answer, and opening the action-plan view: a generated 1,000-item assessment with 300
deficient answers (300 findings).

rescore_ms: after changing one answer, recompute every compliance score, every finding (merged with 50 stored
adjustments) and the cost totals (median of rounds). Baseline in the same run: one plain pass over the 1,000 stored
answers (counting deficient ones), the least any re-scoring must do.
plan_open_ms: the findings and action-plan window of that assessment, stored with 300 actions, from nothing to
shown with its findings and actions (median of rounds). The comparison with an earlier completed assessment of the
campus is read in the background and shown after (compared_ms). Baseline in the same run: a bare QTableView over a
QStandardItemModel with the same 300 findings' titles, shown.

    python bench/rescore.py [--rounds N] [--open-rounds N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from safety_assess.base.datadir import DataDir
from safety_assess.domain.checklist import Checklist, parse_checklist
from safety_assess.domain.plan.actions import Action, totals
from safety_assess.domain.records import FindingRecord, Response
from safety_assess.domain.scoring.adjust import merged
from safety_assess.domain.scoring.compliance import scores
from safety_assess.domain.scoring.findings import raised_findings
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.domain.walk.state import AssessmentState
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.storage.repositories import snapshots
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.plan.window import PlanWindow
from safety_assess.ui.windows import Windows

NOW = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
DAY = dt.date(2026, 11, 23)


def checklist_1000() -> Checklist:
    sections = []
    for s in range(10):
        items: list[dict[str, Any]] = [
            {
                "id": f"s{s}.i{n}",
                "prompt": f"Question {s}.{n}?",
                "likelihood": 1 + n % 5,
                "severity": 1 + s % 5,
                "action": "Fix it.",
                "cost": "medium",
                "tags": {"layer": "interior" if n % 2 else "building_perimeter", "tier": 1 + n % 4},
                "answer": {"type": "yes_no", "deficient_if": "no"},
            }
            for n in range(100)
        ]
        sections.append({"id": f"s{s}", "title": f"Section {s}", "items": items})
    return parse_checklist({"id": "bench", "title": "Bench", "version": "1.0.0", "sections": sections})


def answers(ids: list[str], shift: int) -> list[tuple[str, str]]:
    return [(i, "no" if (n + shift) % 10 < 3 else "yes") for n, i in enumerate(ids)]


def measure_rescore(checklist: Checklist, rounds: int) -> tuple[float, float, float]:
    ids = [item.id for _, _, item in checklist.iter_items()]
    state = AssessmentState(checklist, [], [Response(i, None, v, "", NOW) for i, v in answers(ids, 0)], DAY)
    raised = raised_findings(state)
    assert len(raised) == 300
    stored = [
        FindingRecord(uuid.uuid4(), uuid.UUID(int=1), f.item_id, likelihood=5, rationale="seen") for f in raised[:50]
    ]
    sections = {s.id: s.title for s in checklist.sections}
    actions = [Action(f.key, "Fix it.", "short_term", 1000, 10000, layer=f.layer) for f in raised]
    app_times, bare_times = [], []
    for round_no in range(rounds):
        key = SlotKey(ids[(round_no * 37) % len(ids)])
        flipped = "yes" if state.value(key) == "no" else "no"
        began = time.perf_counter()
        state.set_response(key, Response(key.item_id, None, flipped, "", NOW))
        scores(state)
        merged(raised_findings(state), stored, sections)
        totals(actions, "phase"), totals(actions, "layer")
        app_times.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        sum(1 for r in state.responses.values() if r.value == "no")
        bare_times.append((time.perf_counter() - began) * 1000)
    return statistics.median(app_times), max(app_times), statistics.median(bare_times)


def build_workspace(root: Path, checklist: Checklist) -> tuple[Workspace, uuid.UUID]:
    """A campus with a completed assessment a year ago and the current one: 1,000 answers, 300 findings and
    300 actions each."""
    workspace = Workspace.open(DataDir(root))
    campus = workspace.campuses.add("Bench High", "BH")
    snapshot = workspace.snapshots.snapshot(checklist)
    ids = [item.id for _, _, item in checklist.iter_items()]
    made = []
    for shift, day in ((2, DAY - dt.timedelta(days=365)), (0, DAY)):
        assessment_id = workspace.assessments.create(campus.id, snapshot.id, ["Bench"], day).id
        for item_id, value in answers(ids, shift):
            workspace.answers.save_answer(assessment_id, item_id, None, value)
        editor = PlanEditor(workspace, assessment_id, by="Bench")
        plan = load_plan(workspace, assessment_id, compare_earlier=False)
        for finding in plan.findings:
            editor.add_action(finding, editor.suggested_action(finding, plan.phases), plan.phases)
        made.append(assessment_id)
    workspace.assessments.complete(made[0], ["Bench"])
    return workspace, made[1]


def open_app(app: QApplication, workspace: Workspace, assessment_id: uuid.UUID) -> tuple[float, float]:
    """Milliseconds to the window shown with its findings and actions, and to the comparison with the earlier
    assessment shown too (read in the background)."""
    snapshots._PARSED.clear()  # every round parses the snapshots, as a first open does
    channel = ChangeChannel()
    began = time.perf_counter()
    window = PlanWindow(workspace, assessment_id, channel, Windows(workspace, channel))
    window.show()
    app.processEvents()
    shown = time.perf_counter() - began
    assert len(window.findings_model.rows) == 300 and len(window.actions_model.rows) == 300
    while window.plan.comparison is None:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    compared = time.perf_counter() - began
    window.close()
    window.deleteLater()
    app.processEvents()
    return shown * 1000, compared * 1000


def open_bare(app: QApplication, titles: list[str]) -> float:
    began = time.perf_counter()
    model = QStandardItemModel()
    for title in titles:
        model.appendRow([QStandardItem(title), QStandardItem("12")])
    view = QTableView()
    view.setModel(model)
    view.show()
    app.processEvents()
    elapsed = time.perf_counter() - began
    view.close()
    return elapsed * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--open-rounds", type=int, default=7)
    args = parser.parse_args()
    checklist = checklist_1000()
    rescore, worst, bare = measure_rescore(checklist, args.rounds)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        workspace, assessment_id = build_workspace(Path(tmp) / "data", checklist)
        titles = [f.title for f in load_plan(workspace, assessment_id).findings]
        opens, compares, bares = [], [], []
        for _ in range(args.open_rounds):
            shown, compared = open_app(app, workspace, assessment_id)
            opens.append(shown)
            compares.append(compared)
            bares.append(open_bare(app, titles))
        workspace.close()
    plan_open, plan_bare = statistics.median(opens), statistics.median(bares)
    print(f"items: 1000, findings: 300, rescore rounds: {args.rounds}, open rounds: {args.open_rounds}")
    print(f"rescore median {rescore:.2f} ms (max {worst:.2f}); bare pass {bare:.3f} ms")
    compared = statistics.median(compares)
    print(f"plan window open median {plan_open:.0f} ms (max {max(opens):.0f}); bare table {plan_bare:.0f} ms")
    print(f"comparison with the earlier assessment shown after {compared:.0f} ms (read in the background)")
    print(
        f"RESULT rescore rescore_ms={rescore:.2f} plan_open_ms={plan_open:.0f} "
        f"bare_ms={bare:.3f} plan_bare_ms={plan_bare:.0f} compared_ms={compared:.0f}"
    )


if __name__ == "__main__":
    main()
