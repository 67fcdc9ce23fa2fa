"""``safety-assess district ...`` end to end."""

from __future__ import annotations

import json

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
