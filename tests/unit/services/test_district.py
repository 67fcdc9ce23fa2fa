"""The district overview from a real data folder: figures kept, recomputed only when an assessment changed."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import delete

from safety_assess.base.datadir import DataDir
from safety_assess.domain.errors import ConflictError
from safety_assess.domain.plan.actions import Action, CostRange, Status, use_phases
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.district import district_overview, follow_up, latest_actions
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.storage.figures import keep, kept, stamps
from safety_assess.storage.orm import AssessmentFiguresRow
from tests.actions import assessment_with_an_action


def test_figures_are_kept_and_recomputed_when_the_assessment_changes(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    workspace.campuses.add("Adams Elementary", "AES")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")  # 3 x 4 = 12: High
    first = district_overview(workspace)
    assert first.computed == 1 and [line.campus.code for line in first.lines] == ["LHS", "AES"]
    latest = first.lines[0].latest
    assert latest is not None and latest.figures.findings["High"] == 1 and latest.figures.severe == 1
    assert first.totals.assessed == 1 and first.totals.campuses == 2
    assert district_overview(workspace).computed == 0  # nothing changed: read as kept
    record_answer(workspace, summary.id, "gate", "fail")  # 2 x 3 = 6: Moderate
    second = district_overview(workspace)
    assert second.computed == 1 and second.totals.findings["Moderate"] == 1
    plan = load_plan(workspace, summary.id)
    editor = PlanEditor(workspace, summary.id, by="Ana")
    door = plan.finding("item:door-locked:")
    action = editor.add_action(door, Action(door.key, "Rekey", "immediate", 400, 900), plan.phases)
    third = district_overview(workspace)
    assert third.computed == 1 and third.totals.cost_by_phase["immediate"] == CostRange(400, 900)
    editor.set_status(action, Status.DONE)
    fourth = district_overview(workspace)
    assert fourth.computed == 1 and fourth.totals.severe == 0 and fourth.totals.cost == CostRange()


def test_figures_computed_at_once_in_two_places_are_both_kept_the_later_winning(workspace: Workspace) -> None:
    """The district view reading while an import refreshes what it brought: both write the same assessment."""
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    start, problems = threading.Barrier(4), []

    def compute(n: int) -> None:
        start.wait()
        try:
            keep(workspace.database, [(summary.id, f"stamp {n}", {"n": n}, [])])
        except Exception as error:
            problems.append(error)

    threads = [threading.Thread(target=compute, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert problems == []
    stamp, figures = kept(workspace.database)[summary.id]
    assert stamp == f"stamp {figures['n']}"


def test_the_stamps_of_a_few_assessments_are_those_read_for_all(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    first = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    second = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 3))
    record_answer(workspace, first.id, "door-locked", "no")
    every = stamps(workspace.database)
    assert stamps(workspace.database, {first.id}) == {first.id: every[first.id]}
    assert len(every) == 2 and every[first.id] != every[second.id] and stamps(workspace.database, set()) == {}


def test_two_staff_changing_one_listed_action_the_second_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    assessment_with_an_action(workspace)
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), workspace.target.url)  # the same shared database
    try:
        [seen_here] = latest_actions(workspace, district_overview(workspace))
        [seen_there] = latest_actions(colleague, district_overview(colleague))
        follow_up(colleague, seen_there, Status.DEFERRED, by="Ben")
        with pytest.raises(ConflictError, match="changed by Ben since the list was loaded \\(now deferred\\)"):
            follow_up(workspace, seen_here, Status.DONE, by="Ana")
        [now] = latest_actions(workspace, district_overview(workspace))
        assert (now.line.status, now.line.changed_by) == ("deferred", "Ben")
        follow_up(workspace, now, Status.DONE, by="Ana")  # from the reloaded list it goes through
        assert workspace.findings.action(uuid.UUID(now.line.id)).status == Status.DONE
    finally:
        colleague.close()


def test_figures_kept_under_old_phase_names_are_computed_again(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")
    assert district_overview(workspace).computed == 1
    use_phases({"immediate": "Before the next term"}, {"immediate": 45})  # the district renamed it in Settings
    renamed = district_overview(workspace)
    latest = renamed.lines[0].latest
    assert renamed.computed == 1 and latest is not None
    assert latest.figures.phase_names["immediate"] == "Before the next term"
    assert district_overview(workspace).computed == 0


def test_figures_remembered_in_the_process_are_used_only_while_the_kept_row_is_current(workspace: Workspace) -> None:
    """The overview reads figures it already holds only once the database's kept row has the current stamp: a row
    removed (or written at another stamp) is computed and kept again, action lines included."""
    summary, _ = assessment_with_an_action(workspace)
    assert district_overview(workspace).computed == 1
    assert district_overview(workspace).computed == 0
    with workspace.database.session() as session:
        session.execute(delete(AssessmentFiguresRow))
    assert district_overview(workspace).computed == 1 and summary.id in kept(workspace.database)
    keep(workspace.database, [(summary.id, "another stamp", {}, [])])
    assert district_overview(workspace).computed == 1 and district_overview(workspace).computed == 0
