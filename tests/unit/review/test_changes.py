"""The plan's changes since the board adopted it, worked out by hand: added, removed (a finding resolved or the
action deleted), changed fields with the adopted and the current value, status kept apart as progress, and the
planned cost adopted and now, in total and per phase."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from safety_assess.domain.display import use_currency
from safety_assess.domain.plan.actions import Action, CostRange, Status
from safety_assess.domain.review.change_text import change_text, counts_text, summary_text
from safety_assess.domain.review.changes import (
    FieldChange,
    PlanChanges,
    SinceAdopted,
    adopted_actions,
    compare,
)

FENCE, CAMERA, LOCK, SIGN = (uuid.UUID(int=n) for n in (1, 2, 3, 4))
FENCE_GAP, NO_CAMERA, NO_LOCK = "perimeter.fence", "access.camera", "classroom.lock"
FINDINGS = (FENCE_GAP, NO_CAMERA, NO_LOCK)


def action(key: uuid.UUID, finding: str, what: str, phase: str, low: float, high: float, **more: object) -> Action:
    return dataclasses.replace(Action(finding, what, phase, low, high, id=key), **more)  # type: ignore[arg-type]


ADOPTED = (
    action(FENCE, FENCE_GAP, "Mend the fence", "immediate", 1_000, 2_000),
    action(CAMERA, NO_CAMERA, "Camera at the gate", "short_term", 3_000, 5_000, owner="Facilities"),
    action(LOCK, NO_LOCK, "Classroom locks", "long_term", 10_000, 20_000, due=dt.date(2027, 6, 30)),
)


def phases(changes: PlanChanges) -> dict[str, tuple[tuple[float, float], tuple[float, float]]]:
    return {k: ((a.low, a.high), (n.low, n.high)) for k, (a, n) in changes.phase_costs.items()}


def test_nothing_changed_is_unchanged_with_the_same_cost() -> None:
    changes = compare(ADOPTED, ADOPTED, FINDINGS)
    assert changes.unchanged and changes.count == 0 and not changes.progressed
    assert changes.cost_adopted == changes.cost_now == CostRange(14_000, 27_000)
    assert changes.of(FENCE) is None


def test_an_action_moved_to_another_phase_with_its_cost_changed() -> None:
    now = (ADOPTED[0], dataclasses.replace(ADOPTED[1], phase="immediate", cost_high=6_500), ADOPTED[2])
    changes = compare(ADOPTED, now, FINDINGS)
    (changed,) = changes.changed
    assert changed.action.id == CAMERA and changes.of(CAMERA) == changed
    assert changed.fields == (
        FieldChange("phase", "short_term", "immediate"),
        FieldChange("cost_high", 5_000, 6_500),
    )
    assert (changes.cost_adopted, changes.cost_now) == (CostRange(14_000, 27_000), CostRange(14_000, 28_500))
    assert phases(changes) == {
        "immediate": ((1_000, 2_000), (4_000, 8_500)),
        "short_term": ((3_000, 5_000), (0, 0)),
        "long_term": ((10_000, 20_000), (10_000, 20_000)),
    }


def test_a_removed_actions_finding_resolved_and_a_deleted_action_and_an_added_one() -> None:
    sign = action(SIGN, FENCE_GAP, "Visitor sign", "immediate", 200, 200)
    now = (ADOPTED[0], sign)  # the camera's finding resolved; the lock's action deleted, its finding still open
    changes = compare(ADOPTED, now, (FENCE_GAP, NO_LOCK))
    assert changes.added == (sign,) and changes.of(SIGN) == sign
    assert [(r.action.id, r.finding_resolved) for r in changes.removed] == [(CAMERA, True), (LOCK, False)]
    assert changes.count == 3 and not changes.changed
    assert changes.cost_now == CostRange(1_200, 2_200)


def test_status_moves_are_progress_not_changes_and_done_actions_still_count_in_the_cost() -> None:
    now = (dataclasses.replace(ADOPTED[0], status=Status.DONE), *ADOPTED[1:])
    changes = compare(ADOPTED, now, FINDINGS)
    assert changes.unchanged
    assert [(p.action_id, p.was, p.now) for p in changes.progressed] == [(FENCE, Status.OPEN, Status.DONE)]
    assert changes.cost_now == CostRange(14_000, 27_000)


def test_the_adoptions_json_reads_back_as_actions() -> None:
    entries = [
        {
            "id": str(LOCK),
            "finding_id": str(uuid.UUID(int=9)),
            "finding_key": NO_LOCK,
            "description": "Classroom locks",
            "phase": "long_term",
            "cost_low": 10_000,
            "cost_high": 20_000.0,
            "funding": "",
            "owner": "",
            "due": "2027-06-30",
            "status": "in_progress",
        }
    ]
    (read,) = adopted_actions([*entries, {"description": "no id"}, {**entries[0], "id": "x"}, "not an entry"])
    assert dataclasses.replace(read, status=Status.OPEN, finding_id=None) == ADOPTED[2]
    assert (read.status, read.finding_id) == (Status.IN_PROGRESS, uuid.UUID(int=9))
    assert compare([read], [ADOPTED[2]], FINDINGS).unchanged


def test_the_changes_read_as_was_and_now() -> None:
    use_currency("$")
    names = {"immediate": "Immediate", "short_term": "Short term"}.__getitem__
    assert change_text(FieldChange("phase", "short_term", "immediate"), names) == "phase: Short term → Immediate"
    assert change_text(FieldChange("cost_high", 5_000, 6_500), names) == "high cost: $5,000 → $6,500"
    assert change_text(FieldChange("due", None, dt.date(2027, 1, 5)), names) == "due date: none → 2027-01-05"
    assert change_text(FieldChange("owner", "Facilities", ""), names) == "owner: Facilities → none"
    moved = compare(ADOPTED, (ADOPTED[0], dataclasses.replace(ADOPTED[1], cost_high=6_500)), FINDINGS)
    since = SinceAdopted(dt.date(2026, 12, 1), moved)
    assert (
        summary_text(since)
        == "Adopted 2026-12-01 · 2 actions changed since, cost was $14,000–$27,000 now $4,000–$8,500"
    )
    assert counts_text(since) == "1 removed, 1 changed"
    same = SinceAdopted(dt.date(2026, 12, 1), compare(ADOPTED, ADOPTED, FINDINGS))
    assert summary_text(same) == "Adopted 2026-12-01 · no action changed since, cost $14,000–$27,000 as adopted"
    assert counts_text(same) == "nothing changed"
