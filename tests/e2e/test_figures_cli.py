"""Figures from the command line agree with the walkthrough: one count of answered items, compliance with its
coverage, and suggested actions planned in one step."""

from __future__ import annotations

import json
from pathlib import Path

from safety_assess.base.datadir import DataDir
from safety_assess.services.plan import assessment_state
from safety_assess.services.workspace import Workspace
from tests.e2e.conftest import Run
from tests.postgres import FolderDatabases


def start(cli: Run) -> str:
    assert cli("campus", "add", "Lincoln High", "--code", "LHS").returncode == 0
    new = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", "--date", "2026-11-02")
    assert new.returncode == 0, new.stderr
    return new.stdout.strip()


def answer(cli: Run, assessment: str, item: str, value: str) -> None:
    result = cli("assessment", "answer", assessment, item, value)
    assert result.returncode == 0, result.stderr


def test_answered_is_the_walkthrough_count_n_a_and_hidden_answers_apart(
    cli: Run, tmp_path: Path, database_url_for: FolderDatabases
) -> None:
    aid = start(cli)
    answer(cli, aid, "grounds.gates-locked", "no")
    answer(cli, aid, "parking.fire-lanes", "na")  # N/A: not answered, not counted
    answer(cli, aid, "grounds.perimeter-fence", "yes")
    answer(cli, aid, "grounds.fence-anti-climb", "yes")
    answer(cli, aid, "grounds.perimeter-fence", "no")  # hides the anti-climb item: its answer no longer counts

    shown = json.loads(cli("assessment", "show", aid, "--json").stdout)
    data = tmp_path / "data"
    workspace = Workspace.open(DataDir(data), database_url_for(data))
    try:  # what the walkthrough shows: its progress is the state's overall tally
        walked = assessment_state(workspace, workspace.assessments.resolve_id(aid)).overall()
    finally:
        workspace.close()
    assert (shown["answered"], shown["coverage"]["applicable"]) == (walked.answered, walked.applicable)
    assert shown["answered"] == 2 and shown["recorded"] == 4
    assert shown["coverage"]["not_applicable"] == 1
    assert shown["coverage"]["not_answered"] == walked.applicable - 2
    assert shown["compliance_text"] == f"0% of 2 answered items; {walked.applicable - 2} not answered yet"
    listed = json.loads(cli("assessment", "list", "--json").stdout)
    assert [a["recorded"] for a in listed] == [4]  # the rows stored, named for what they are
    text = cli("assessment", "show", aid).stdout
    assert f"compliance: 0% of 2 answered items; {walked.applicable - 2} not answered yet" in text


def test_action_suggest_plans_every_finding_without_an_action_once(cli: Run) -> None:
    aid = start(cli)
    for item in ("grounds.gates-locked", "grounds.perimeter-fence", "parking.fire-lanes"):
        answer(cli, aid, item, "no")
    added = cli("action", "add", aid, "grounds.gates-locked", "--cost", "100-200")
    assert added.returncode == 0, added.stderr
    before = json.loads(cli("assessment", "show", aid, "--json").stdout)
    assert [len(f["actions"]) for f in before["findings"]].count(0) == 2

    suggested = cli("action", "suggest", aid[:8])
    assert suggested.returncode == 0, suggested.stderr
    assert suggested.stdout.startswith("2 suggested actions added, estimated $")
    after = json.loads(cli("assessment", "show", aid, "--json").stdout)
    assert all(len(f["actions"]) == 1 for f in after["findings"])
    planned = {f["item"]: f["actions"][0] for f in after["findings"]}
    for finding in after["findings"]:
        assert planned[finding["item"]]["description"] == finding["recommendation"]
    assert sum(cost["high"] for cost in after["cost_per_phase"].values()) > 200  # no longer only the one action

    again = cli("action", "suggest", aid)
    assert again.returncode == 0 and again.stdout.startswith("0 suggested actions added")
    assert len(json.loads(cli("action", "list", aid, "--json").stdout)) == 3
