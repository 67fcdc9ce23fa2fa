"""Opening a generated 1,000-item assessment in the walkthrough, and the longest UI-thread stall while walking.

open: from loading the session to the window shown (median of rounds). Baseline in the same run: a bare
QTreeView over a QStandardItemModel with the same 1,000 prompts, shown.
max_stall_ms: the longest single key press (answer, commit, advance, repaint) over 300 answers by keyboard,
some of which reveal follow-up items (the tree is rebuilt then).

    python bench/walk_open.py [--rounds N]
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

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTreeView

from safety_assess.base.datadir import DataDir
from safety_assess.domain.checklist import Checklist, parse_checklist
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace
from safety_assess.storage.repositories import snapshots
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.walkthrough.window import WalkthroughWindow

SECTIONS, PER_SECTION = 10, 100


def generated_checklist() -> Checklist:
    """1,000 items over 10 sections: mostly yes/no, with scales, counts and follow-up questions."""
    sections = []
    for s in range(SECTIONS):
        items: list[dict[str, Any]] = []
        for n in range(PER_SECTION):
            item: dict[str, Any] = {
                "id": f"s{s}.i{n}",
                "prompt": f"Generated question {s}.{n}: is the control in place?",
                "guidance": "Look at it and judge.",
                "likelihood": 3,
                "severity": 3,
                "action": "Fix it.",
                "answer": {"type": "yes_no", "deficient_if": "no"},
            }
            if n % 10 == 5:
                item["answer"] = {"type": "scale", "scale": "pass-flag-fail"}
            if n % 10 == 7:
                item["answer"] = {"type": "count", "acceptable": {"max": 0}}
            if n % 10 == 9:
                item["show_if"] = {"item": f"s{s}.i{n - 1}", "equals": "no"}
            items.append(item)
        sections.append({"id": f"s{s}", "title": f"Section {s}", "items": items})
    scale = {
        "options": [{"value": "pass", "label": "Pass"}, {"value": "fail", "label": "Fail", "outcome": "deficient"}]
    }
    return parse_checklist(
        {
            "id": "bench-1000",
            "title": "Bench 1000",
            "version": "1.0.0",
            "scales": {"pass-flag-fail": scale},
            "sections": sections,
        }
    )


def open_app(app: QApplication, workspace: Workspace, assessment_id: uuid.UUID) -> tuple[float, WalkthroughWindow]:
    snapshots._PARSED.clear()  # every round parses the snapshot, as a first open does
    began = time.perf_counter()
    window = WalkthroughWindow(WalkSession(workspace, assessment_id), ChangeChannel())
    window.show()
    app.processEvents()
    return time.perf_counter() - began, window


def open_bare(app: QApplication, checklist: Checklist) -> float:
    began = time.perf_counter()
    model = QStandardItemModel()
    for section in checklist.sections:
        parent = QStandardItem(section.title)
        for entry in section.items:
            parent.appendRow(QStandardItem(getattr(entry, "prompt", "")))
        model.appendRow(parent)
    view = QTreeView()
    view.setModel(model)
    view.expandAll()
    view.show()
    app.processEvents()
    elapsed = time.perf_counter() - began
    view.close()
    return elapsed


def walk(app: QApplication, window: WalkthroughWindow, answers: int) -> list[float]:
    stalls = []
    for n in range(answers):
        assert window.current is not None
        answered = len(window.session.state.responses)
        kind = window.session.state.slot(window.current).item.answer.type
        typing = window.panel.editor.typing_widget() if window.panel.editor else None
        if typing is not None:
            QTest.keyClicks(typing, "0")
        began = time.perf_counter()
        if typing is not None:
            QTest.keyClick(typing, Qt.Key.Key_Return)
        else:
            yes_no = Qt.Key.Key_N if n % 3 == 0 else Qt.Key.Key_Y  # some "no" answers reveal follow-up items
            QTest.keyClick(window.panel, yes_no if kind == "yes_no" else Qt.Key.Key_1)
        app.processEvents()
        stalls.append((time.perf_counter() - began) * 1000)
        assert len(window.session.state.responses) == answered + 1, "the key press did not answer"
    return stalls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    checklist = generated_checklist()
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(DataDir(Path(tmp) / "data"))
        campus = workspace.campuses.add("Bench High", "BH")
        snapshot = workspace.snapshots.snapshot(checklist)
        ids = [
            workspace.assessments.create(campus.id, snapshot.id, ["Bench"], dt.date(2026, 11, 23)).id
            for _ in range(args.rounds)
        ]
        app_times, bare_times, window = [], [], None
        for assessment_id in ids:
            elapsed, window = open_app(app, workspace, assessment_id)
            app_times.append(elapsed)
            bare_times.append(open_bare(app, checklist))
            if assessment_id != ids[-1]:
                window.close()
        assert window is not None
        stalls = walk(app, window, 300)
        window.close()
        workspace.close()
    opened, bare = statistics.median(app_times), statistics.median(bare_times)
    print(f"items: {checklist.item_count()}, rounds: {args.rounds}")
    print(f"open: app median {opened:.3f} s (max {max(app_times):.3f}); bare tree {bare:.3f} s")
    print(f"walking 300 answers: median {statistics.median(stalls):.1f} ms, max {max(stalls):.1f} ms per key")
    print(f"RESULT walk_open open={opened:.3f} max_stall_ms={max(stalls):.1f} bare_open={bare:.3f}")


if __name__ == "__main__":
    main()
