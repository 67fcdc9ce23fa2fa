"""Team work end to end with three data folders (the lead's laptop, a second laptop, the district) through the real
program: disjoint sections merge, the same item answered differently is listed by ``assessment conflicts`` and
resolved by ``assessment resolve``, photos added on both are all kept, and the district's status change stands
beside the laptop's newer answers."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import create_engine, text

from safety_assess.base.datadir import DataDir
from tests.e2e.conftest import Run, fingerprints
from tests.postgres import FolderDatabases


def team_member(folder: Path, database_url_for: FolderDatabases) -> None:
    """A stand-in for the team pack (``team pack``): the imported assessment made editable on the second laptop."""
    url = database_url_for(folder) or f"sqlite:///{DataDir(folder).database}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE assessments SET source_installation = NULL"))
    engine.dispose()


def test_three_installations_merge_answers_photos_and_statuses(
    cli: Run, tmp_path: Path, photo_folder: Path, database_url_for: FolderDatabases
) -> None:
    lead, second, district = tmp_path / "lead", tmp_path / "second", tmp_path / "district"
    fingerprint = fingerprints(cli, lead, second, district)

    def carry(source: Path, to: Path, name: str) -> dict[str, object]:
        bundle = tmp_path / f"{name}.sabundle"
        made = cli("bundle", "export", aid, "--out", str(bundle), data_dir=source)
        assert made.returncode == 0, made.stderr
        done = cli("bundle", "import", str(bundle), "--trust", fingerprint[source], "--json", data_dir=to)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)[0]["assessments"][0]  # type: ignore[no-any-return]

    def answers(where: Path) -> dict[str, object]:
        shown = json.loads(cli("assessment", "show", aid, "--json", data_dir=where).stdout)
        return {r["item"]: r["value"] for r in shown["responses"]}

    cli("campus", "add", "Lincoln High", "--code", "LHS", data_dir=lead)
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", data_dir=lead)
    aid = aid.stdout.strip()
    cli("assessment", "answer", aid, "grounds.gates-locked", "no", data_dir=lead)
    action = cli("action", "add", aid, "item:grounds.gates-locked:", "--cost", "500-900", data_dir=lead).stdout.strip()
    carry(lead, second, "pack")
    team_member(second, database_url_for)
    carry(lead, district, "lead-0")

    cli("assessment", "answer", aid, "parking.supervision", "yes", data_dir=lead)  # the lead's section
    cli("assessment", "answer", aid, "entry.single-entrance", "no", data_dir=second)  # the second laptop's
    cli("assessment", "answer", aid, "entry.unsecured-doors", "2", data_dir=lead)  # the same item, differently
    cli("assessment", "answer", aid, "entry.unsecured-doors", "3", data_dir=second)
    for where in (lead, second):
        added = cli("photo", "add", aid, "entry.single-entrance", str(photo_folder / "hopper.jpg"), data_dir=where)
        assert added.returncode == 0, added.stderr
    status = cli("action", "update", action, "--status", "in_progress", "--by", "Facilities", data_dir=district)
    assert status.returncode == 0, status.stderr

    merged = carry(second, lead, "second-1")
    assert (merged["result"], merged["conflict_copy"], merged["conflicts"]) == ("conflict", None, 1)
    now = answers(lead)
    assert (now["parking.supervision"], now["entry.single-entrance"], now["entry.unsecured-doors"]) == ("yes", "no", 2)
    [conflict] = json.loads(cli("assessment", "conflicts", aid, "--json", data_dir=lead).stdout)
    assert (conflict["item"], conflict["instance"], conflict["field"]) == ("entry.unsecured-doors", None, "value")
    assert conflict["ours"] == {"value": 2, "typed": None, "device": fingerprint[lead]}
    assert conflict["theirs"] == {"value": 3, "typed": None, "device": fingerprint[second]}
    photos = json.loads(cli("photo", "list", aid, "--json", data_dir=lead).stdout)
    assert len(photos) == 2

    none = cli("assessment", "resolve", aid, "parking.supervision", "--take", fingerprint[second], data_dir=lead)
    assert none.returncode == 1 and len(none.stderr.splitlines()) == 1 and "no conflict" in none.stderr
    refused = cli("assessment", "resolve", aid, "entry.unsecured-doors", "--value", "many", data_dir=lead)
    assert refused.returncode == 1 and len(refused.stderr.splitlines()) == 1 and "Traceback" not in refused.stderr
    taken = cli("assessment", "resolve", aid, "entry.unsecured-doors", "--take", fingerprint[second], data_dir=lead)
    assert taken.returncode == 0, taken.stderr
    assert answers(lead)["entry.unsecured-doors"] == 3
    assert json.loads(cli("assessment", "conflicts", aid, "--json", data_dir=lead).stdout) == []

    cli("assessment", "answer", aid, "parking.pedestrian-routes", "yes", data_dir=lead)  # the laptop goes on
    assert carry(second, district, "second-d")["result"] == "updated"  # the lead's 2 never reached the district
    assert carry(lead, district, "lead-d")["result"] == "updated"  # and the lead's resolution has seen the 3
    final = answers(district)
    assert final == answers(lead) and final["entry.unsecured-doors"] == 3
    assert json.loads(cli("assessment", "conflicts", aid, "--json", data_dir=district).stdout) == []
    [listed] = json.loads(cli("action", "list", aid, "--json", data_dir=district).stdout)
    assert listed["status"] == "in_progress"  # the district's change stands beside the laptop's answers
    assert len(json.loads(cli("photo", "list", aid, "--json", data_dir=district).stdout)) == 2
    assert carry(lead, district, "lead-d")["result"] == "older"  # again: nothing changes (its status is older)
    assert answers(district) == final

    cli("action", "update", action, "--status", "done", "--by", "Ana", data_dir=lead)  # both changed the status
    assert carry(lead, district, "lead-d2")["result"] == "conflict"
    [clash] = json.loads(cli("assessment", "conflicts", aid, "--json", data_dir=district).stdout)
    assert (clash["table"], clash["field"], clash["ours"]["value"], clash["theirs"]["value"]) == (
        "actions",
        "status",
        "in_progress",
        "done",
    )
    chosen = cli("assessment", "resolve", aid, "--action", action, "--take", fingerprint[lead], data_dir=district)
    assert chosen.returncode == 0, chosen.stderr
    [listed] = json.loads(cli("action", "list", aid, "--json", data_dir=district).stdout)
    assert listed["status"] == "done"
    assert json.loads(cli("assessment", "conflicts", aid, "--json", data_dir=district).stdout) == []
