"""``review show`` after the board adopted the plan: the actions added, removed (their finding resolved) and changed
since, with each field's adopted and current value, status moves apart, and the planned cost adopted and now."""

from __future__ import annotations

import json

from tests.e2e.conftest import Run
from tests.e2e.test_review_cli import planned_assessment


def test_review_show_gives_the_changes_since_the_board_adopted_the_plan(cli: Run) -> None:
    aid = planned_assessment(cli)  # grounds.gates-locked: one suggested action
    assert cli("assessment", "answer", aid, "grounds.hiding-places", "yes").returncode == 0
    assert cli("action", "suggest", aid).returncode == 0
    actions = {a["description"][:4]: a["id"] for a in json.loads(cli("action", "list", aid, "--json").stdout)}
    gates, hiding = actions["Lock"], actions["Remo"]  # "Lock gates during ...", "Remove or thin ..."
    assert cli("action", "update", gates, "--phase", "immediate", "--cost", "100-300").returncode == 0
    assert cli("action", "update", hiding, "--cost", "1000-2000").returncode == 0
    assert json.loads(cli("review", "show", aid, "--json").stdout)["since_adopted"] is None
    board = cli("review", "decision", aid, "--body", "board", "--date", "2026-12-01", "--outcome", "adopted")
    assert board.returncode == 0, board.stderr
    unchanged = json.loads(cli("review", "show", aid, "--json").stdout)["since_adopted"]
    assert (unchanged["added"], unchanged["removed"], unchanged["changed"]) == ([], [], [])
    assert unchanged["cost"] == {"adopted": {"low": 1100, "high": 2300}, "now": {"low": 1100, "high": 2300}}

    moved = cli("action", "update", gates, "--phase", "long_term", "--cost", "100-500", "--status", "done")
    assert moved.returncode == 0, moved.stderr
    assert cli("assessment", "answer", aid, "grounds.hiding-places", "no").returncode == 0  # finding resolved
    added = cli("action", "add", aid, "grounds.gates-locked", "--description", "Gate bell", "--cost", "50-80")
    assert added.returncode == 0, added.stderr

    since = json.loads(cli("review", "show", aid, "--json").stdout)["since_adopted"]
    assert since["adopted_on"] == "2026-12-01"
    assert [(a["id"], a["description"]) for a in since["added"]] == [(added.stdout.strip(), "Gate bell")]
    assert [(r["id"], r["finding_resolved"]) for r in since["removed"]] == [(hiding, True)]
    (changed,) = since["changed"]
    assert changed["id"] == gates
    assert changed["fields"] == [
        {"field": "phase", "was": "immediate", "now": "long_term"},
        {"field": "cost_high", "was": 300.0, "now": 500.0},
    ]
    assert since["progressed"] == [{"id": gates, "was": "open", "now": "done"}]
    assert since["cost"] == {"adopted": {"low": 1100, "high": 2300}, "now": {"low": 150, "high": 580}}
    assert since["phases"]["immediate"] == {"adopted": {"low": 100, "high": 300}, "now": {"low": 0, "high": 0}}

    table = cli("review", "show", aid)
    assert table.returncode == 0, table.stderr
    assert "Adopted 2026-12-01 · 3 actions changed since, cost was $1,100–$2,300 now $150–$580" in table.stdout
    assert "removed: " in table.stdout and "its finding resolved" in table.stdout
    assert "high cost: $300 → $500" in table.stdout and "added: Gate bell" in table.stdout
