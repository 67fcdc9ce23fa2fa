"""Findings from deficient answers, the heat map, change over time, and the action plan's checks and totals."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from safety_assess.domain.checklist import Checklist
from safety_assess.domain.plan.actions import Action, PlanError, Status, check_action, totals
from safety_assess.domain.records import GroupInstance, Response
from safety_assess.domain.scoring.findings import Change, changes, heat_map, per_band, raised_findings
from safety_assess.domain.walk.state import AssessmentState

NOW = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
DAY = dt.date(2026, 11, 23)
GYM = GroupInstance(uuid.UUID(int=7), "camera", "Gym", 0)


def state_with(checklist: Checklist, answers: dict[tuple[str, uuid.UUID | None], object]) -> AssessmentState:
    responses = [Response(i, inst, v, "", NOW) for (i, inst), v in answers.items()]  # type: ignore[arg-type]
    return AssessmentState(checklist, [GYM], responses, DAY)


def test_each_deficient_answer_raises_one_finding_with_the_item_defaults(every_type: Checklist) -> None:
    state = state_with(
        every_type,
        {
            ("door-locked", None): "no",
            ("gate", None): "pass",
            ("extinguishers", None): 0,
            ("camera-working", GYM.id): "no",
        },
    )
    found = raised_findings(state)
    assert [(f.item_id, f.likelihood, f.severity, f.risk) for f in found] == [
        ("door-locked", 3, 4, 12),
        ("camera-working", 3, 3, 9),
        ("extinguishers", 2, 4, 8),
    ]
    assert found[0].band().name == "High" and found[0].action == "Lock the door."
    assert found[1].location == "Main / Gym" and found[1].key == "item:camera-working:gym"
    assert per_band(found) == {"Low": 0, "Moderate": 2, "High": 1, "Critical": 0}
    grid = heat_map(found)
    assert grid[2][3] == 1 and grid[2][2] == 1 and grid[1][3] == 1 and sum(map(sum, grid)) == 3


def test_a_changed_answer_withdraws_its_finding(every_type: Checklist) -> None:
    state = state_with(every_type, {("door-locked", None): "no"})
    assert len(raised_findings(state)) == 1
    state.set_response(next(iter(state.responses)), Response("door-locked", None, "yes", "", NOW))
    assert raised_findings(state) == []


def test_change_over_time(every_type: Checklist) -> None:
    last_year = raised_findings(state_with(every_type, {("door-locked", None): "no", ("gate", None): "fail"}))
    this_year = raised_findings(state_with(every_type, {("gate", None): "fail", ("coverage", None): 20.0}))
    assert changes(last_year, this_year) == {
        "item:gate:": Change.PERSISTING,
        "item:coverage:": Change.NEW,
        "item:door-locked:": Change.RESOLVED,
    }


def test_actions_are_checked() -> None:
    good = Action("k", "Fit a closer", "immediate", 200, 450, due=DAY + dt.timedelta(days=10))
    assert check_action(good, DAY) == good
    cases = [
        (Action("k", "", "immediate"), "needs a description"),
        (Action("k", "x", "someday"), "unknown phase 'someday'"),
        (Action("k", "x", "immediate", -5, 10), "cannot be negative"),
        (Action("k", "x", "immediate", 500, 100), "the low cost 500 is above the high cost 100"),
        (Action("k", "x", "immediate", due=DAY - dt.timedelta(days=1)), "is before the assessment"),
    ]
    for action, message in cases:
        with pytest.raises(PlanError, match=message):
            check_action(action, DAY)


def test_totals_per_phase_and_layer_leave_out_done_actions() -> None:
    actions = [
        Action("a", "Lock", "immediate", 100, 200, layer="building_perimeter"),
        Action("b", "Fence", "long_term", 20_000, 35_000, layer="campus_perimeter"),
        Action("c", "Sign", "immediate", 50, 80, layer="campus_perimeter", status=Status.DEFERRED),
        Action("d", "Done already", "immediate", 999, 999, status=Status.DONE),
    ]
    by_phase = totals(actions, by="phase")
    assert (by_phase["immediate"].low, by_phase["immediate"].high) == (150, 280)
    assert (by_phase["long_term"].low, by_phase["long_term"].high) == (20_000, 35_000)
    by_layer = totals(actions, by="layer")
    assert (by_layer["campus_perimeter"].low, by_layer["campus_perimeter"].high) == (20_050, 35_080)
    assert "unassigned" not in by_layer
