"""``safety-assess district ...`` end to end."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.e2e.conftest import Run


def test_district_summary_ranks_campuses_and_totals(cli: Run) -> None:
    for name, code in (("Lincoln High", "LHS"), ("Adams Elementary", "AES"), ("Never Assessed", "NAS")):
        cli("campus", "add", name, "--code", code)
    lhs = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility").stdout.strip()
    aes = cli("assessment", "new", "--campus", "AES", "--checklist", "comprehensive-facility").stdout.strip()
    cli("assessment", "answer", lhs, "grounds.gates-locked", "yes")
    cli("assessment", "answer", aes, "grounds.gates-locked", "no")
    data = json.loads(cli("district", "summary", "--json").stdout)
    assert [c["campus"]["code"] for c in data["campuses"]] == ["AES", "LHS", "NAS"]
    aes_now = data["campuses"][0]["assessments"][-1]
    assert aes_now["severe"] == 1 and aes_now["compliance"] == 0.0 and data["campuses"][2]["assessments"] == []
    assert data["totals"]["assessed"] == 2 and data["totals"]["severe"] == 1
    text = cli("district", "summary").stdout
    assert text.splitlines()[0].split()[:3] == ["#", "Code", "Campus"] and "3 campuses, 2 assessed" in text


def test_district_actions_filtered_as_csv_and_followed_up(cli: Run, tmp_path: Path) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    cli("campus", "add", "Adams Elementary", "--code", "AES")
    for code, cost in (("LHS", "500-900"), ("AES", "1000-2000")):
        aid = cli("assessment", "new", "--campus", code, "--checklist", "comprehensive-facility").stdout.strip()
        cli("assessment", "answer", aid, "grounds.gates-locked", "no")
        cli("action", "add", aid, "item:grounds.gates-locked:", "--cost", cost, "--description", f"=Padlock {code}")
    every = json.loads(cli("district", "actions", "--json").stdout)
    assert sorted(a["campus"] for a in every) == ["AES", "LHS"] and {a["status"] for a in every} == {"open"}
    lhs = next(a for a in every if a["campus"] == "LHS")
    done = cli("action", "update", lhs["id"], "--status", "done", "--by", "District facilities")
    assert done.returncode == 0, done.stderr
    open_only = json.loads(cli("district", "actions", "--status", "open", "--json").stdout)
    assert [a["campus"] for a in open_only] == ["AES"]
    closed = json.loads(cli("district", "actions", "--status", "done", "--json").stdout)
    assert closed[0]["changed_by"] == "District facilities"
    out = tmp_path / "actions.csv"
    written = cli("district", "actions", "--campus", "lhs", "--csv", str(out))
    assert written.stdout.strip() == f"wrote {out} (1 actions)"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["campus_code"], r["action"], r["cost_low"], r["status"]) for r in rows] == [
        ("LHS", "'=Padlock LHS", "500.0", "done")
    ]
    text = cli("district", "actions").stdout
    assert "2 actions; not done, by phase:" in text and "$1,000–$2,000" in text
