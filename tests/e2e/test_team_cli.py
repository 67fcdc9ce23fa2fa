"""Team assessments through the real program: a lead's laptop packs sections for a second laptop, which works on
them and sends its work back; every refusal one plain line with nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import Run, fingerprint


def _listed(cli: Run, folder: Path) -> list[dict[str, object]]:
    return list(json.loads(cli("assessment", "list", "--json", data_dir=folder).stdout))


def _lead_assessment(cli: Run, lead: Path) -> str:
    cli("campus", "add", "Lincoln High", "--code", "LHS", data_dir=lead)
    made = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", data_dir=lead)
    aid = made.stdout.strip()
    cli("assessment", "answer", aid, "grounds.gates-locked", "no", data_dir=lead)
    return aid


def test_a_team_pack_gives_a_second_laptop_its_sections_and_its_work_comes_back(cli: Run, tmp_path: Path) -> None:
    lead, second = tmp_path / "lead", tmp_path / "second"
    aid = _lead_assessment(cli, lead)
    pack, back = tmp_path / "team.sabundle", tmp_path / "back.sabundle"
    made = cli("team", "pack", aid[:8], "--out", str(pack), "--sections", "entry,grounds", data_dir=lead)
    assert made.returncode == 0, made.stderr
    assert "2 sections (grounds, entry)" in made.stdout and fingerprint(cli, lead) in made.stdout
    taken = cli("bundle", "import", str(pack), "--trust", fingerprint(cli, lead), "--json", data_dir=second)
    [result] = json.loads(taken.stdout)
    assert result["result"] == "added" and result["team"] == {"assessment": aid, "sections": ["grounds", "entry"]}
    [here] = _listed(cli, second)
    assert here["id"] == aid and here["imported_from"] is None  # the second laptop's to work on, same id
    answered = cli("assessment", "answer", aid, "entry.single-entrance", "yes", data_dir=second)
    assert answered.returncode == 0, answered.stderr
    sent = cli("bundle", "export", "--since-last", "--out", str(back), data_dir=second)
    assert sent.returncode == 0 and "1 assessment" in sent.stdout, sent.stderr
    merged = cli("bundle", "import", str(back), "--trust", fingerprint(cli, second), "--json", data_dir=lead)
    [came] = json.loads(merged.stdout)
    assert came["result"] != "refused" and came["team"] is None, came
    [ours] = _listed(cli, lead)
    assert ours["imported_from"] is None  # still the lead's own assessment, not an imported copy
    shown = json.loads(cli("assessment", "show", aid, "--json", data_dir=lead).stdout)
    values = {r["item"]: r["value"] for r in shown["responses"]}
    assert values["entry.single-entrance"] == "yes" and values["grounds.gates-locked"] == "no"


def test_a_team_pack_without_sections_gives_them_all(cli: Run, tmp_path: Path) -> None:
    lead, second = tmp_path / "lead", tmp_path / "second"
    aid = _lead_assessment(cli, lead)
    pack = tmp_path / "all.sabundle"
    assert cli("team", "pack", aid, "--out", str(pack), data_dir=lead).returncode == 0
    taken = cli("bundle", "import", str(pack), "--trust", fingerprint(cli, lead), "--json", data_dir=second)
    sections = json.loads(taken.stdout)[0]["team"]["sections"]
    assert sections[:2] == ["grounds", "parking"] and len(sections) == 7


def test_team_pack_refusals_are_one_plain_line_and_store_nothing(cli: Run, tmp_path: Path) -> None:
    lead, second = tmp_path / "lead", tmp_path / "second"
    aid = _lead_assessment(cli, lead)
    pack = tmp_path / "team.sabundle"
    wrong = cli("team", "pack", aid, "--out", str(pack), "--sections", "grounds,roof,moat", data_dir=lead)
    assert wrong.returncode == 1 and not pack.exists()
    assert "'roof', 'moat'" in wrong.stderr and "its sections are: grounds, parking, entry" in wrong.stderr
    unknown = cli("team", "pack", "0123abcd", "--out", str(pack), data_dir=lead)
    assert unknown.returncode == 1 and "no assessment" in unknown.stderr and not pack.exists()
    assert cli("team", "pack", aid, "--out", str(pack), "--sections", "grounds", data_dir=lead).returncode == 0
    own = cli("bundle", "import", str(pack), "--json", data_dir=lead)
    [refused] = json.loads(own.stdout)
    assert own.returncode == 1 and "made on this laptop" in refused["reason"]
    trust = fingerprint(cli, lead)
    assert cli("bundle", "import", str(pack), "--trust", trust, data_dir=second).returncode == 0
    again = cli("bundle", "import", str(pack), "--trust", trust, data_dir=second)
    assert again.returncode == 1 and "already has the assessment" in again.stderr
    for text in (wrong.stderr, unknown.stderr, again.stderr):
        assert len(text.strip().splitlines()) == 1 and "Traceback" not in text
    imported = cli("team", "pack", aid, "--out", str(tmp_path / "re.sabundle"), data_dir=second)
    assert imported.returncode == 1 and "only the lead's laptop packs it" in imported.stderr


def test_a_team_walk_merges_at_the_lead_and_the_district_and_a_clash_is_resolved(cli: Run, tmp_path: Path) -> None:
    lead, second, district = tmp_path / "lead", tmp_path / "second", tmp_path / "district"
    aid = _lead_assessment(cli, lead)
    pack, back, up = tmp_path / "team.sabundle", tmp_path / "back.sabundle", tmp_path / "up.sabundle"
    cli("team", "pack", aid, "--out", str(pack), "--sections", "entry", data_dir=lead)
    lead_fp, second_fp = fingerprint(cli, lead), fingerprint(cli, second)
    assert cli("bundle", "import", str(pack), "--trust", lead_fp, data_dir=second).returncode == 0
    cli("assessment", "answer", aid, "entry.single-entrance", "yes", data_dir=second)  # its own section
    cli("assessment", "answer", aid, "grounds.hiding-places", "yes", data_dir=second)  # seen on the way
    cli("assessment", "answer", aid, "grounds.hiding-places", "no", data_dir=lead)
    cli("assessment", "answer", aid, "parking.supervision", "yes", data_dir=lead)
    cli("bundle", "export", "--since-last", "--out", str(back), data_dir=second)
    assert cli("bundle", "import", str(back), "--trust", second_fp, data_dir=lead).returncode == 0
    [clash] = json.loads(cli("assessment", "conflicts", aid, "--json", data_dir=lead).stdout)
    assert (clash["item"], clash["ours"]["value"], clash["theirs"]["value"]) == ("grounds.hiding-places", "no", "yes")
    assert (clash["ours"]["device"], clash["theirs"]["device"]) == (lead_fp, second_fp)
    taken = cli("assessment", "resolve", aid, "grounds.hiding-places", "--take", second_fp, data_dir=lead)
    assert taken.returncode == 0, taken.stderr
    assert json.loads(cli("assessment", "conflicts", aid, "--json", data_dir=lead).stdout) == []
    cli("bundle", "export", aid, "--out", str(up), data_dir=lead)
    assert cli("bundle", "import", str(up), "--trust", lead_fp, data_dir=district).returncode == 0
    for folder in (lead, district):
        shown = json.loads(cli("assessment", "show", aid, "--json", data_dir=folder).stdout)
        values = {r["item"]: r["value"] for r in shown["responses"]}
        assert values == {
            "grounds.gates-locked": "no",
            "grounds.hiding-places": "yes",
            "entry.single-entrance": "yes",
            "parking.supervision": "yes",
        }, folder.name
    [ours] = _listed(cli, lead)
    assert ours["imported_from"] is None and len(_listed(cli, district)) == 1  # no conflict copy anywhere


def test_team_list_records_each_pack_made_and_the_device_whose_work_came_back(cli: Run, tmp_path: Path) -> None:
    lead, second = tmp_path / "lead", tmp_path / "second"
    aid = _lead_assessment(cli, lead)
    pack, back = tmp_path / "team-a.sabundle", tmp_path / "back.sabundle"
    assert cli("team", "list", aid, "--json", data_dir=lead).stdout.strip() == "[]"
    cli("team", "pack", aid, "--out", str(pack), "--sections", "entry,grounds", data_dir=lead)
    [made] = json.loads(cli("team", "list", aid[:8], "--json", data_dir=lead).stdout)
    assert (made["assessment"], made["sections"], made["file"]) == (aid, ["grounds", "entry"], "team-a.sabundle")
    assert made["received_from"] is None and made["received_at"] is None and made["made_at"]
    second_fp = fingerprint(cli, second)
    cli("bundle", "import", str(pack), "--trust", fingerprint(cli, lead), data_dir=second)
    cli("assessment", "answer", aid, "entry.single-entrance", "yes", data_dir=second)
    cli("bundle", "export", "--since-last", "--out", str(back), data_dir=second)
    assert cli("bundle", "import", str(back), "--trust", second_fp, data_dir=lead).returncode == 0
    [came] = json.loads(cli("team", "list", aid, "--json", data_dir=lead).stdout)
    assert came["received_from"] == second_fp and came["received_at"] >= made["made_at"]
    shown = cli("team", "list", aid, data_dir=lead)
    assert shown.returncode == 0 and "team-a.sabundle" in shown.stdout and second_fp in shown.stdout
    assert "grounds, entry" in shown.stdout
    unknown = cli("team", "list", "0123abcd", data_dir=lead)
    assert unknown.returncode == 1 and len(unknown.stderr.strip().splitlines()) == 1
