"""``safety-assess district ...`` end to end."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
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
    applicable = aes_now["coverage"]["applicable"]
    assert aes_now["coverage"]["answered"] == 1 and aes_now["coverage"]["not_answered"] == applicable - 1
    assert aes_now["compliance_text"] == f"0% of 1 answered item; {applicable - 1} not answered yet"
    assert data["ranking_rule"].startswith("Campuses are ranked most at risk first: most open critical findings")
    text = cli("district", "summary").stdout
    assert text.splitlines()[0].split()[:3] == ["#", "Code", "Campus"] and "3 campuses, 2 assessed" in text
    assert f"1/{applicable}" in text and data["ranking_rule"] in text


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
    assert written.stdout.strip() == f"wrote {out} (1 action)"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["campus_code"], r["action"], r["cost_low"], r["status"]) for r in rows] == [
        ("LHS", "'=Padlock LHS", "500.0", "done")
    ]
    text = cli("district", "actions").stdout
    assert "2 actions; not done, by phase:" in text and "$1,000–$2,000" in text


def test_district_report_ranks_campuses_with_a_page_each(cli: Run, tmp_path: Path) -> None:
    for name, code in (("Lincoln High", "LHS"), ("Adams Elementary", "AES")):
        cli("campus", "add", name, "--code", code)
        aid = cli("assessment", "new", "--campus", code, "--checklist", "comprehensive-facility").stdout.strip()
        cli("assessment", "answer", aid, "grounds.gates-locked", "no" if code == "AES" else "yes")
        if code == "AES":
            cli("action", "add", aid, "item:grounds.gates-locked:", "--cost", "700-900")
    out = tmp_path / "district.pdf"
    made = cli("district", "report", "--out", str(out), "--clock", "2026-11-23T09:00:00+00:00")
    assert made.returncode == 0 and made.stdout.strip() == f"wrote {out} (6 pages)", made.stderr
    assert subprocess.run(["qpdf", "--check", str(out)], capture_output=True).returncode == 0
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")
    assert "District safety plan" in pages[0] and "Confidential" in pages[0]
    ranking = pages[1][pages[1].index("Campuses ranked by risk") :]
    assert ranking.index("Adams") < ranking.index("Lincoln") and "$700–$900" in pages[1]
    assert "Progress against targets" in pages[3] and "Term fall-2026" in pages[3]  # the clock's term
    assert "1. Adams Elementary (AES)" in pages[4] and "2. Lincoln High (LHS)" in pages[5]
    assert all(f"Page {n} of 6" in page for n, page in enumerate(pages[:6], start=1))
    again = tmp_path / "again.pdf"
    cli("district", "report", "--out", str(again), "--clock", "2026-11-23T09:00:00+00:00")
    assert again.read_bytes() == out.read_bytes()  # the same district and clock give the same bytes


def test_a_campus_pack_takes_the_district_follow_up_back_to_the_laptop(cli: Run, tmp_path: Path) -> None:
    laptop, district = tmp_path / "laptop", tmp_path / "district"
    cli("campus", "add", "Lincoln High", "--code", "LHS", data_dir=laptop)
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", data_dir=laptop)
    aid_text = aid.stdout.strip()
    cli("assessment", "answer", aid_text, "grounds.gates-locked", "no", data_dir=laptop)
    action = cli("action", "add", aid_text, "item:grounds.gates-locked:", "--cost", "500-900", data_dir=laptop)
    bundle, pack = tmp_path / "lhs.sabundle", tmp_path / "pack.sabundle"
    cli("bundle", "export", aid_text, "--out", str(bundle), data_dir=laptop)
    laptop_fp = json.loads(cli("device", "show", "--json", data_dir=laptop).stdout)["fingerprint"]
    district_fp = json.loads(cli("device", "show", "--json", data_dir=district).stdout)["fingerprint"]
    cli("bundle", "import", str(bundle), "--trust", laptop_fp, data_dir=district)
    cli("action", "update", action.stdout.strip(), "--status", "done", "--by", "Facilities", data_dir=district)
    made = cli("district", "pack", "lhs", "--out", str(pack), data_dir=district)
    assert made.returncode == 0 and f"signed by {district_fp}" in made.stdout, made.stderr
    back = json.loads(cli("bundle", "import", str(pack), "--trust", district_fp, "--json", data_dir=laptop).stdout)
    assert back[0]["assessments"][0]["result"] == "updated"
    [listed] = json.loads(cli("action", "list", aid_text, "--json", data_dir=laptop).stdout)
    assert listed["status"] == "done" and listed["status_changed_by"] == "Facilities"
    again = cli("assessment", "answer", aid_text, "grounds.gates-locked", "yes", data_dir=laptop)
    assert again.returncode == 0, again.stderr  # still the laptop's own assessment: it can go on
    none = cli("district", "pack", "XYZ", "--out", str(pack), data_dir=laptop)
    assert none.returncode == 1 and "XYZ" in none.stderr and "Traceback" not in none.stderr


def test_an_unusable_database_is_one_clear_line_without_the_password(cli: Run) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    down = cli("--database-url", f"postgresql+psycopg://district:s3cret@127.0.0.1:{port}/safety", "district", "summary")
    unsupported = cli("district", "summary", "--database-url", "mysql://district:s3cret@db/safety")
    for result, reason in ((down, "cannot reach the database server"), (unsupported, "'mysql' is not supported")):
        assert result.returncode == 1 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and reason in result.stderr and "district:***@" in result.stderr
        assert "s3cret" not in result.stderr and "Traceback" not in result.stderr
