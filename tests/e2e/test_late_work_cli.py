"""Late team work through the real program: the lead completes the assessment, then a second laptop's bundle
arrives; it merges, reopens the assessment and ``bundle import`` says so (text and --json); the same at the
district; a bundle that changes nothing reopens nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from safety_assess.base.datadir import DataDir
from safety_assess.services.workspace import Workspace
from tests.e2e.conftest import Run, fingerprints
from tests.postgres import FolderDatabases

DONE = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)


def complete(folder: Path, assessment: str, database_url_for: FolderDatabases) -> None:
    """The lead signs the assessment off (the app's Complete; the command line has no such command)."""
    workspace = Workspace.open(DataDir(folder), database_url_for(folder))
    try:
        workspace.assessments.complete(workspace.assessments.resolve_id(assessment), ["Ana Díaz"], at=DONE)
    finally:
        workspace.close()


def test_late_work_reopens_a_completed_assessment_and_the_import_says_so(
    cli: Run, tmp_path: Path, database_url_for: FolderDatabases
) -> None:
    lead, second, district = tmp_path / "lead", tmp_path / "second", tmp_path / "district"
    fingerprint = fingerprints(cli, lead, second, district)

    def carry(source: Path, to: Path, name: str, *extra: str) -> str:
        bundle = tmp_path / f"{name}.sabundle"
        made = cli("bundle", "export", aid, "--out", str(bundle), data_dir=source)
        assert made.returncode == 0, made.stderr
        done = cli("bundle", "import", str(bundle), "--trust", fingerprint[source], *extra, data_dir=to)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def status(where: Path) -> str:
        [listed] = json.loads(cli("assessment", "list", "--json", data_dir=where).stdout)
        return str(listed["status"])

    cli("campus", "add", "Lincoln High", "--code", "LHS", data_dir=lead)
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", data_dir=lead)
    aid = aid.stdout.strip()
    pack = tmp_path / "pack.sabundle"
    assert cli("team", "pack", aid, "--out", str(pack), data_dir=lead).returncode == 0
    taken = cli("bundle", "import", str(pack), "--trust", fingerprint[lead], data_dir=second)
    assert taken.returncode == 0, taken.stderr
    cli("assessment", "answer", aid, "grounds.gates-locked", "no", data_dir=lead)
    complete(lead, aid, database_url_for)
    carry(lead, district, "lead-d")
    assert status(lead) == status(district) == "completed"
    assert "reopened" not in carry(second, lead, "nothing")  # nothing new from the second laptop yet
    assert status(lead) == "completed"

    cli("assessment", "answer", aid, "entry.single-entrance", "no", data_dir=second)
    cli("assessment", "answer", aid, "entry.unsecured-doors", "3", data_dir=second)
    device = fingerprint[second]  # no assessor name set there: the fingerprint alone
    told = (
        f"Assessment Lincoln High, {dt.date.today().isoformat()} was complete; 2 changes from {device} arrived "
        "after it was completed on 2026-11-20 and reopened it"
    )
    assert told in carry(second, lead, "late").splitlines()
    assert status(lead) == "in_progress"
    shown = json.loads(cli("assessment", "show", aid, "--json", data_dir=lead).stdout)
    assert {r["item"] for r in shown["responses"]} >= {"entry.single-entrance", "entry.unsecured-doors"}

    [result] = json.loads(carry(second, district, "late-d", "--json"))
    [outcome] = result["assessments"]
    assert outcome["reopened"] == {"changes": 2, "device": device, "completed_on": "2026-11-20", "message": told}
    assert told in result["summary"] and status(district) == "in_progress"
