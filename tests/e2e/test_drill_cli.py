"""The drill log through the real program: drills logged, where a campus stands against the required drills this
school year, a drill's issue made a finding in the current assessment, the district's rules; every refusal one
plain line, exit 1, nothing stored."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from safety_assess.domain.readiness.school_year import school_year
from tests.e2e.conftest import Run, fingerprint

TODAY = dt.date.today()


def _log(cli: Run, campus: str = "LHS") -> dict[str, Any]:
    shown = cli("drill", "list", campus, "--json")
    assert shown.returncode == 0, shown.stderr
    return dict(json.loads(shown.stdout))


def _refused(cli: Run, *args: str) -> str:
    done = cli(*args)
    assert done.returncode == 1, (done.stdout, done.stderr)
    [line] = done.stderr.splitlines()
    return line


def test_a_drill_is_logged_and_counted_against_the_required(cli: Run) -> None:
    assert cli("campus", "add", "Lincoln High", "--code", "LHS", "--kind", "high").returncode == 0
    added = cli(
        "drill", "add", "LHS", "--type", "fire", "--date", TODAY.isoformat(), "--time", "9:30", "--duration", "12",
        "--participants", "340", "--unannounced", "--observers", "Ann Lee, Fire Marshal Ruiz",
        "--note", "Door 4 alarm silent",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    log = _log(cli)
    [drill] = log["drills"]
    assert drill["id"] == added.stdout.strip()
    assert (drill["time"], drill["duration"], drill["participants"], drill["announced"]) == ("09:30", 12, 340, False)
    assert drill["observers"] == ["Ann Lee", "Fire Marshal Ruiz"] and drill["note"] == "Door 4 alarm silent"
    year = school_year(TODAY)
    assert log["kind"] == "high" and log["school_year"]["start"] == year.start.isoformat()
    fire = next(t for t in log["types"] if t["type"] == "fire")
    due = 10 * year.days_gone(TODAY) // year.days  # the documented pace
    assert (fire["required"], fire["done"], fire["overdue"]) == (10, 1, max(0, due - 1))
    assert {t["type"] for t in log["types"]} == {
        "fire", "lockdown", "shelter_in_place", "severe_weather", "reverse_evacuation"
    }  # fmt: skip
    text = cli("drill", "list", "LHS").stdout
    assert "school year" in text and "Door 4 alarm silent" in text


def test_a_drill_from_last_school_year_is_not_counted_this_year(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    before = school_year(TODAY).start - dt.timedelta(days=1)
    assert cli("drill", "add", "LHS", "--type", "lockdown", "--date", before.isoformat()).returncode == 0
    log = _log(cli)
    assert len(log["drills"]) == 1 and log["kind"] == "elementary"
    assert next(t for t in log["types"] if t["type"] == "lockdown")["done"] == 0


def test_a_drills_issue_becomes_a_finding_in_the_current_assessment(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    drill = cli("drill", "add", "LHS", "--type", "lockdown", "--date", TODAY.isoformat(), "--note", "PA inaudible")
    drill_id = drill.stdout.strip()
    args = ("drill", "issue", drill_id[:8], "--title", "PA inaudible in gym", "--likelihood", "4", "--severity", "3")
    assert "no assessment in progress" in _refused(cli, *args)
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility").stdout.strip()
    made = cli(*args)
    assert made.returncode == 0, made.stderr
    assert aid in made.stdout
    findings = json.loads(cli("finding", "list", aid, "--json").stdout)
    [finding] = [f for f in findings if f["origin"] == "manual"]
    assert finding["title"] == "PA inaudible in gym" and (finding["likelihood"], finding["severity"]) == (4, 3)
    assert drill_id in finding["description"] and "PA inaudible" in finding["description"]
    assert _log(cli)["drills"][0]["finding"] == finding["id"]
    assert made.stdout.strip().endswith("with 1 action")
    [action] = [a for a in json.loads(cli("action", "list", aid, "--json").stdout) if a["finding"] == finding["title"]]
    assert action["description"] == "Correct what the lockdown drill showed: PA inaudible in gym"
    assert "already became finding" in _refused(cli, *args)


def test_a_drills_issue_with_its_actions_phase_cost_and_owner(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility").stdout.strip()
    drill_id = cli("drill", "add", "LHS", "--type", "fire", "--date", TODAY.isoformat()).stdout.strip()
    base = ("drill", "issue", drill_id, "--title", "Door 4 alarm silent", "--likelihood", "3", "--severity", "4")
    _refused(cli, *base, "--action", "Replace the sounder", "--cost", "lots")
    _refused(cli, *base, "--action", "Replace the sounder", "--phase", "someday")
    assert _log(cli)["drills"][0]["finding"] is None
    options = ("--action", "Replace the sounder", "--action", "Test it monthly", "--phase", "immediate")
    made = cli(*base, *options, "--cost", "200-450", "--owner", "Facilities")
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip().endswith("with 2 actions")
    actions = json.loads(cli("action", "list", aid, "--json").stdout)
    assert sorted((a["description"], a["phase"], a["cost_low"], a["cost_high"], a["owner"]) for a in actions) == [
        ("Replace the sounder", "immediate", 200, 450, "Facilities"),
        ("Test it monthly", "immediate", 200, 450, "Facilities"),
    ]


def test_a_finding_out_of_range_is_refused_and_the_drill_stays_free(cli: Run) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility")
    drill_id = cli("drill", "add", "LHS", "--type", "fire", "--date", TODAY.isoformat()).stdout.strip()
    _refused(cli, "drill", "issue", drill_id, "--title", "X", "--likelihood", "9", "--severity", "3")
    _refused(cli, "drill", "issue", drill_id, "--title", "X", "--likelihood", "two", "--severity", "3")
    assert _log(cli)["drills"][0]["finding"] is None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--type", "flood"), "unknown drill type 'flood'"),
        (("--date", (TODAY + dt.timedelta(days=1)).isoformat()), "is in the future"),
        (("--date", "2020-01-05"), "before the campus opened (2021-08-01)"),
        (("--date", "05/03/2026"), "drill date:"),
        (("--duration", "-5"), "drill duration -5 is out of range"),
        (("--participants", "-1"), "drill participants -1 is out of range"),
        (("--participants", "many"), "drill participants 'many' is not a whole number"),
        (("--time", "25:00"), "drill time:"),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_stored(cli: Run, extra: tuple[str, str], message: str) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS", "--opened", "2021-08-01")
    given = {"--type": "fire", "--date": TODAY.isoformat(), **dict([extra])}
    args = [part for pair in given.items() for part in pair]
    assert message in _refused(cli, "drill", "add", "LHS", *args)
    assert _log(cli)["drills"] == []


def test_the_districts_rules_are_set_and_bad_ones_refused(cli: Run) -> None:
    cli("campus", "add", "District Office", "--code", "DO", "--kind", "office")
    assert [t["required"] for t in _log(cli, "DO")["types"]] == [1, 1]
    assert cli("drill", "require", "office", "earthquake", "2").returncode == 0
    assert {t["type"]: t["required"] for t in _log(cli, "DO")["types"]}["earthquake"] == 2
    assert "02-29 is not a day of every year" in _refused(cli, "drill", "year-start", "02-29")
    assert "required count -1 is out of range" in _refused(cli, "drill", "require", "office", "fire", "-1")
    assert "unknown campus kind 'college'" in _refused(cli, "drill", "require", "college", "fire", "1")
    assert "unknown campus kind 'college'" in _refused(cli, "campus", "set", "DO", "--kind", "college")
    assert cli("drill", "year-start", "09-01").returncode == 0
    rules = json.loads(cli("drill", "rules", "--json").stdout)
    assert rules["year_start"] == "09-01" and rules["required"]["office"] == {
        "fire": 1, "severe_weather": 1, "earthquake": 2
    }  # fmt: skip
    assert cli("campus", "set", "DO", "--kind", "high").returncode == 0
    [campus] = json.loads(cli("campus", "list", "--json").stdout)
    assert campus["kind"] == "high"


def test_drills_travel_to_the_district_and_back_in_a_campus_pack(cli: Run, tmp_path: Path) -> None:
    laptop, district = tmp_path / "laptop", tmp_path / "district"
    cli("campus", "add", "Lincoln High", "--code", "LHS", "--kind", "middle", data_dir=laptop)
    cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", data_dir=laptop)
    drill_id = cli("drill", "add", "LHS", "--type", "fire", "--date", TODAY.isoformat(), data_dir=laptop).stdout.strip()
    sent = cli("bundle", "export", "--since-last", "--out", str(tmp_path / "b.sabundle"), data_dir=laptop)
    assert sent.returncode == 0, sent.stderr
    laptop_fp = fingerprint(cli, laptop)
    taken = cli("bundle", "import", str(tmp_path / "b.sabundle"), "--trust", laptop_fp, "--json", data_dir=district)
    [result] = json.loads(taken.stdout)
    assert result["drills"] == [
        {
            "campus_id": result["drills"][0]["campus_id"],
            "campus": "Lincoln High",
            "added": 1,
            "updated": 0,
            "clashes": [],
        }
    ]
    there = json.loads(cli("drill", "list", "LHS", "--json", data_dir=district).stdout)
    assert there["kind"] == "middle" and [d["id"] for d in there["drills"]] == [drill_id]
    assert (
        cli("drill", "add", "LHS", "--type", "lockdown", "--date", TODAY.isoformat(), data_dir=district).returncode == 0
    )
    assert cli("district", "pack", "LHS", "--out", str(tmp_path / "p.sabundle"), data_dir=district).returncode == 0
    back = fingerprint(cli, district)
    cli("bundle", "import", str(tmp_path / "p.sabundle"), "--trust", back, data_dir=laptop)
    here = json.loads(cli("drill", "list", "LHS", "--json", data_dir=laptop).stdout)
    assert sorted(d["type"] for d in here["drills"]) == ["fire", "lockdown"]


def test_drills_of_a_campus_never_assessed_here_travel_on_their_own(cli: Run, tmp_path: Path) -> None:
    laptop, district = tmp_path / "laptop", tmp_path / "district"
    cli("campus", "add", "Adams Elementary", "--code", "AES", data_dir=laptop)
    drill_id = cli("drill", "add", "AES", "--type", "fire", "--date", TODAY.isoformat(), data_dir=laptop).stdout.strip()
    out = tmp_path / "b.sabundle"
    sent = cli("bundle", "export", "--since-last", "--out", str(out), data_dir=laptop)
    assert sent.returncode == 0, sent.stderr
    assert "0 assessments, 0 photos, 0 site plans, 1 drill log, " in sent.stdout
    again = cli("bundle", "export", "--since-last", "--out", str(tmp_path / "c.sabundle"), data_dir=laptop)
    assert "nothing changed since the last export" in again.stdout
    taken = cli("bundle", "import", str(out), "--trust", fingerprint(cli, laptop), "--json", data_dir=district)
    assert taken.returncode == 0, taken.stderr
    [result] = json.loads(taken.stdout)
    assert [(d["campus"], d["added"]) for d in result["drills"]] == [("Adams Elementary", 1)]
    said = cli("bundle", "import", str(out), "--trust", fingerprint(cli, laptop), data_dir=district).stdout
    assert "already imported" in said
    there = json.loads(cli("drill", "list", "AES", "--json", data_dir=district).stdout)
    assert [d["id"] for d in there["drills"]] == [drill_id]
