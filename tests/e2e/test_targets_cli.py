"""Semester targets through the real program: the terms set and listed, targets set, listed and cleared, where the
campuses and the district stand ('district progress'), and every refusal one plain line, exit 1, nothing stored."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.services.workspace import Workspace
from safety_assess.storage import meta
from safety_assess.storage.targets import TARGETS_KEY
from tests.e2e.conftest import Run, fingerprint
from tests.postgres import FolderDatabases

TODAY = dt.date.today()


def _refused(cli: Run, *args: str) -> str:
    done = cli(*args)
    assert done.returncode == 1, (done.stdout, done.stderr)
    [line] = done.stderr.splitlines()
    return line


def _listed(cli: Run) -> list[dict[str, Any]]:
    shown = cli("targets", "list", "--json")
    assert shown.returncode == 0, shown.stderr
    return list(json.loads(shown.stdout))


def _this_term(cli: Run) -> dict[str, Any]:
    terms = json.loads(cli("terms", "list", "--json").stdout)["terms"]
    return next(t for t in terms if t["start"] <= TODAY.isoformat() <= t["end"])


def test_terms_and_targets_are_set_listed_and_cleared(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    year = TODAY.year if TODAY.month >= 8 else TODAY.year - 1
    assert cli("terms", "set", "fall=08-01", "winter=11-15", "spring=02-01").returncode == 0
    keys = [t["key"] for t in json.loads(cli("terms", "list", "--json").stdout)["terms"]]
    assert keys == [f"fall-{year}", f"winter-{year}", f"spring-{year + 1}"]
    done = cli("targets", "set", "compliance", f"WINTER-{year}", "85")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"winter-{year}: compliance at least 85%"
    assert cli("targets", "set", "open-high-critical", f"fall-{year}", "2").returncode == 0
    assert _listed(cli) == [
        {"term": f"fall-{year}", "metric": "open_high_critical", "target": 2},
        {"term": f"winter-{year}", "metric": "compliance", "target": 85},
    ]
    assert "at most 2 findings" in cli("targets", "list").stdout
    assert cli("targets", "clear", "compliance", f"winter-{year}").returncode == 0
    assert [t["metric"] for t in _listed(cli)] == ["open_high_critical"]


def test_bad_input_is_one_line_and_stores_nothing(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    term = _this_term(cli)["key"]
    assert _refused(cli, "targets", "set", "speed", term, "3").endswith(
        "unknown metric 'speed': use one of compliance, open_high_critical, actions_on_time, drills_done, "
        "spot_check_pass_rate, cost_spent"
    )
    assert "term 'winter-2026' does not exist: terms are fall and spring" in _refused(
        cli, "targets", "set", "compliance", "winter-2026", "80"
    )
    assert "target 101 for compliance is out of range: from 0 to 100 %" in _refused(
        cli, "targets", "set", "compliance", term, "101"
    )
    assert "target 'lots' is not a number" in _refused(cli, "targets", "set", "compliance", term, "lots")
    assert "target 'nan' is not a number" in _refused(cli, "targets", "set", "compliance", term, "nan")
    assert "no target for compliance" in _refused(cli, "targets", "clear", "compliance", term)
    assert "does not exist" in _refused(cli, "district", "progress", "--term", "fall-26")
    assert "must start on the school year's start" in _refused(cli, "terms", "set", "fall=09-01")
    assert "is not NAME=MM-DD" in _refused(cli, "terms", "set", "fall")
    assert _listed(cli) == []
    assert [t["name"] for t in json.loads(cli("terms", "list", "--json").stdout)["terms"]] == ["fall", "spring"]


@pytest.mark.parametrize(
    ("stored", "said"),
    [
        ("{not json", "the district's targets are damaged: set them again (safety-assess targets set)"),
        ('{"version": 1, "targets": {"fall-2026": {"compliance": 400}}}', "the district's targets are damaged"),
        ('{"version": 9, "targets": {}}', "the district's targets were written by a newer version of the app"),
    ],
)
def test_a_damaged_or_newer_targets_document_is_refused(
    cli: Run, tmp_path: Path, database_url_for: FolderDatabases, stored: str, said: str
) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    data = tmp_path / "data"
    workspace = Workspace.open(DataDir(data), database_url_for(data))
    try:
        meta.put(workspace.database, TARGETS_KEY, stored)
    finally:
        workspace.close()
    term = _this_term(cli)["key"]
    assert said in _refused(cli, "targets", "set", "compliance", term, "80")
    assert said in _refused(cli, "targets", "list")
    assert said in _refused(cli, "district", "progress")
    workspace = Workspace.open(DataDir(data), database_url_for(data))
    try:
        assert meta.get(workspace.database, TARGETS_KEY) == stored  # nothing written over it
    finally:
        workspace.close()


def _assessed_with_actions(cli: Run, tmp_path: Path, database_url_for: FolderDatabases) -> None:
    """LHS: an assessment today, completed, with a finding and two actions due today, the cheaper one done."""
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility").stdout.strip()
    assert cli("assessment", "answer", aid, "grounds.gates-locked", "no").returncode == 0
    assert cli("assessment", "answer", aid, "grounds.perimeter-fence", "yes").returncode == 0
    due = TODAY.isoformat()
    done = cli("action", "add", aid, "grounds.gates-locked", "--cost", "100-300", "--due", due).stdout.strip()
    cli("action", "add", aid, "grounds.gates-locked", "--cost", "1000-3000", "--due", due, "--description", "Gates")
    assert cli("action", "update", done[:8], "--status", "done").returncode == 0
    data = tmp_path / "data"
    workspace = Workspace.open(DataDir(data), database_url_for(data))
    try:
        workspace.assessments.complete(workspace.assessments.resolve_id(aid), ["Ann Lee"])
    finally:
        workspace.close()


def test_progress_per_campus_and_for_the_district(cli: Run, tmp_path: Path, database_url_for: FolderDatabases) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS", "--kind", "high")
    cli("campus", "add", "Adams Elementary", "--code", "ADA")
    _assessed_with_actions(cli, tmp_path, database_url_for)
    term = _this_term(cli)["key"]
    for metric, value in (("actions_on_time", "50"), ("compliance", "90"), ("cost_spent", "10")):
        assert cli("targets", "set", metric, term, value).returncode == 0
    shown = cli("district", "progress", "--json")
    assert shown.returncode == 0, shown.stderr
    progress = json.loads(shown.stdout)
    assert progress["term"]["key"] == term
    lhs, ada = sorted(progress["campuses"], key=lambda c: c["code"], reverse=True)
    assert lhs["metrics"]["actions_on_time"] == {"actual": 50.0, "target": 50.0, "met": True}
    assert ada["metrics"]["actions_on_time"] == {"actual": None, "target": 50.0, "met": None}  # no data
    assert progress["district"]["actions_on_time"]["actual"] == 50.0
    spent = progress["district"]["cost_spent"]  # 200 of 2,200 planned
    assert spent["actual"] == pytest.approx(100 * 200 / 2200) and spent["met"] is False
    summary = json.loads(cli("district", "summary", "--json").stdout)
    [assessed] = [c for c in summary["campuses"] if c["campus"]["code"] == "LHS"]
    latest = assessed["assessments"][-1]
    assert lhs["metrics"]["compliance"]["actual"] == latest["compliance"]  # as the district computes it
    assert lhs["metrics"]["compliance"]["met"] is (latest["compliance"] >= 90)
    assert lhs["metrics"]["open_high_critical"]["actual"] == latest["severe"]
    assert lhs["metrics"]["spot_check_pass_rate"]["actual"] is None
    text = cli("district", "progress", "--term", term).stdout
    assert f"Progress against targets, {term}" in text and "50% met" in text and "no data" in text


def test_a_campus_pack_carries_the_districts_settings_and_a_laptops_bundle_none(cli: Run, tmp_path: Path) -> None:
    laptop, district = tmp_path / "laptop", tmp_path / "district"
    cli("campus", "add", "Lincoln High", "--code", "LHS", data_dir=laptop)
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", data_dir=laptop)
    bundle, pack = tmp_path / "lhs.sabundle", tmp_path / "pack.sabundle"
    cli("bundle", "export", aid.stdout.strip(), "--out", str(bundle), data_dir=laptop)
    laptop_fp, district_fp = (fingerprint(cli, folder) for folder in (laptop, district))
    assert cli("bundle", "import", str(bundle), "--trust", laptop_fp, data_dir=district).returncode == 0
    assert cli("terms", "set", "fall=08-01", "winter=11-15", "spring=02-01", data_dir=district).returncode == 0
    assert cli("drill", "require", "elementary", "lockdown", "4", data_dir=district).returncode == 0
    assert cli("targets", "set", "drills_done", "winter-2026", "90", data_dir=district).returncode == 0
    assert cli("district", "pack", "LHS", "--out", str(pack), data_dir=district).returncode == 0
    back = cli("bundle", "import", str(pack), "--trust", district_fp, "--json", data_dir=laptop)
    assert back.returncode == 0 and json.loads(back.stdout)[0]["readiness"] is True, back.stderr
    for asked in (("drill", "rules", "--json"), ("targets", "list", "--json")):
        assert cli(*asked, data_dir=laptop).stdout == cli(*asked, data_dir=district).stdout
    cli("bundle", "export", aid.stdout.strip(), "--out", str(tmp_path / "again.sabundle"), data_dir=laptop)
    cli("targets", "set", "drills_done", "winter-2026", "10", data_dir=laptop)  # the laptop's own from now on
    again = cli("bundle", "import", str(tmp_path / "again.sabundle"), "--json", "--trust", laptop_fp, data_dir=district)
    assert again.returncode == 0 and json.loads(again.stdout)[0]["readiness"] is False, again.stderr
    assert json.loads(cli("targets", "list", "--json", data_dir=district).stdout)[0]["target"] == 90
