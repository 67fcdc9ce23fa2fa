"""Findings and the action plan from the command line: add, adjust, plan, update, and show --json."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf

from tests.e2e.conftest import Run


def one_line_error(result: object) -> str:
    assert result.returncode == 1, result  # type: ignore[attr-defined]
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and "Traceback" not in result.stderr  # type: ignore[attr-defined]
    return str(lines[0])


def test_findings_and_actions_from_the_command_line(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    aid = cli(
        "assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", "--date", "2026-11-02"
    ).stdout.strip()
    assert cli("assessment", "answer", aid, "grounds.gates-locked", "no").returncode == 0
    manual = cli(
        "finding",
        "add",
        aid,
        "--title",
        "Roof hatch unlocked",
        "--likelihood",
        "4",
        "--severity",
        "5",
        "--section",
        "grounds",
        "--location",
        "gym roof",
    )
    assert manual.returncode == 0, manual.stderr
    roof_id = manual.stdout.strip()
    assert "say why in the rationale" in one_line_error(
        cli("finding", "adjust", aid, "grounds.gates-locked", "--likelihood", "5")
    )
    assert (
        cli(
            "finding", "adjust", aid, "grounds.gates-locked", "--likelihood", "5", "--rationale", "Propped open daily"
        ).returncode
        == 0
    )
    for bad, message in [
        ("--cost=-5-10", "costs cannot be negative"),
        ("--cost=500-100", "the low cost 500 is above the high cost 100"),
        ("--due=2026-10-01", "due date 2026-10-01 is before the assessment (2026-11-02)"),
        ("--phase=someday", "unknown phase 'someday'"),
        ("--cost=lots", "cost 'lots' is not a number"),
    ]:
        assert message in one_line_error(cli("action", "add", aid, "grounds.gates-locked", bad))
    gate_action = cli("action", "add", aid, "grounds.gates-locked", "--owner", "Facilities", "--funding", "Bond")
    assert gate_action.returncode == 0, gate_action.stderr
    added = cli(
        "action",
        "add",
        aid,
        roof_id[:8],
        "--description",
        "Padlock the hatch",
        "--phase",
        "short_term",
        "--cost",
        "$1,200 to 2,500",
    )
    assert added.returncode == 0, added.stderr
    updated = cli("action", "update", added.stdout.strip()[:8], "--status", "in_progress", "--note", "Quote asked")
    assert updated.stdout.strip().endswith("in_progress")
    data = json.loads(cli("assessment", "show", aid, "--json").stdout)
    gate, roof = data["findings"][0], data["findings"][1]
    assert (gate["likelihood"], gate["severity"], gate["risk"], gate["band"], gate["adjusted"]) == (
        5,
        4,
        20,
        "Critical",
        True,
    )
    assert gate["actions"][0]["phase"] == "immediate" and gate["actions"][0]["due"] == "2026-12-02"
    assert gate["actions"][0]["cost_low"] == 0 and gate["actions"][0]["owner"] == "Facilities"
    assert (roof["title"], roof["origin"], roof["location"]) == (
        "Roof hatch unlocked",
        "manual",
        "Site perimeter and grounds / gym roof",
    )
    assert [(a["status"], a["note"], a["cost_low"], a["cost_high"]) for a in roof["actions"]] == [
        ("in_progress", "Quote asked", 1200, 2500)
    ]
    assert data["cost_per_phase"]["short_term"] == {"low": 1200, "high": 2500}
    assert data["findings_per_band"]["Critical"] == 2 and sum(map(sum, data["heat_map"])) == 2
    assert data["tiers"]["campus_perimeter"]["tier1_in_place"] is False
    listed = cli("action", "list", aid)
    assert "Short term (this school year): 1,200-2,500" in listed.stdout


def test_risk_reduced_per_dollar_in_the_json(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    aid = cli(
        "assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", "--date", "2026-11-02"
    ).stdout.strip()
    cli("assessment", "answer", aid, "grounds.gates-locked", "no")
    cli("action", "add", aid, "grounds.gates-locked", "--cost", "100-300")
    [unknown] = json.loads(cli("action", "list", aid, "--json").stdout)
    assert unknown["risk_reduced_per_dollar"] is None  # no residual risk yet
    residual = ("--residual-likelihood", "1", "--residual-severity", "2")
    adjusted = cli("finding", "adjust", aid, "grounds.gates-locked", *residual)
    assert adjusted.returncode == 0, adjusted.stderr
    [action] = json.loads(cli("action", "list", aid, "--json").stdout)
    [finding] = json.loads(cli("assessment", "show", aid, "--json").stdout)["findings"]
    expected = (finding["risk"] - 2) / 200
    assert action["risk_reduced_per_dollar"] == finding["actions"][0]["risk_reduced_per_dollar"] == expected


def test_unknown_findings_and_actions_are_one_line(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility").stdout.strip()
    assert "no finding 'grounds.gates-locked'" in one_line_error(cli("action", "add", aid, "grounds.gates-locked"))
    assert "no action with id 'abcd'" in one_line_error(cli("action", "update", "abcd", "--status", "done"))
    assert "likelihood must be a whole number from 1 to 5, got 7" in one_line_error(
        cli("finding", "add", aid, "--title", "x", "--likelihood", "7")
    )


def test_report_pdf_and_csv_from_the_command_line(cli: Run, tmp_path: Path) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility").stdout.strip()
    cli("assessment", "answer", aid, "grounds.gates-locked", "no")
    cli("action", "add", aid, "grounds.gates-locked", "--cost", "100-200")
    out = tmp_path / "plan.pdf"
    made = cli("report", "pdf", aid, "--out", str(out), "--clock", "2026-11-23T09:00:00", "--no-responses")
    assert made.returncode == 0 and made.stdout.startswith(f"wrote {out} (") and out.read_bytes()[:5] == b"%PDF-"
    locked = cli(
        "report",
        "pdf",
        aid,
        "--out",
        str(tmp_path / "locked.pdf"),
        "--password",
        env={"SAFETY_ASSESS_PDF_PASSWORD": "long enough"},
    )
    assert locked.returncode == 0 and b"/Encrypt" in (tmp_path / "locked.pdf").read_bytes()
    with pikepdf.open(tmp_path / "locked.pdf", password="long enough") as pdf:
        pages = len(pdf.pages)
    assert pages >= 5 and locked.stdout == f"wrote {tmp_path / 'locked.pdf'} ({pages} pages)\n"  # never "(0 pages)"
    assert "at least 8 characters" in one_line_error(
        cli("report", "pdf", aid, "--out", str(tmp_path / "x.pdf"), "--password", "short")
    )
    assert "does not exist" in one_line_error(cli("report", "pdf", aid, "--out", str(tmp_path / "no" / "x.pdf")))
    table = tmp_path / "actions.csv"
    assert cli("report", "csv", aid, "--out", str(table)).returncode == 0
    lines = table.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("action_id,campus_code") and len(lines) == 2
