"""Two laptops each adding a group instance under the same label (two different doors, both "Door 1") through the
real program: both stay, the incoming one relabeled "Door 1 (from <device>)", said by ``bundle import`` (text and
--json); the lead's laptop and the district end with the same two instances and no conflict."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import Run, fingerprints

ITEM = "entry.door-closes-latches"


def test_two_doors_named_alike_stay_two_everywhere(cli: Run, tmp_path: Path) -> None:
    lead, second, district = tmp_path / "lead", tmp_path / "second", tmp_path / "district"
    fingerprint = fingerprints(cli, lead, second, district)

    def carry(source: Path, to: Path, name: str) -> dict[str, object]:
        bundle = tmp_path / f"{name}.sabundle"
        made = cli("bundle", "export", aid, "--out", str(bundle), data_dir=source)
        assert made.returncode == 0, made.stderr
        done = cli("bundle", "import", str(bundle), "--trust", fingerprint[source], "--json", data_dir=to)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)[0]  # type: ignore[no-any-return]

    def doors(where: Path) -> dict[str, object]:
        shown = json.loads(cli("assessment", "show", aid, "--json", data_dir=where).stdout)
        return {r["instance"]: r["value"] for r in shown["responses"] if r["item"] == ITEM}

    cli("campus", "add", "Lincoln High", "--code", "LHS", data_dir=lead)
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", data_dir=lead)
    aid = aid.stdout.strip()
    pack = tmp_path / "pack.sabundle"
    assert cli("team", "pack", aid, "--out", str(pack), data_dir=lead).returncode == 0
    assert cli("bundle", "import", str(pack), "--trust", fingerprint[lead], data_dir=second).returncode == 0
    for where, value in ((lead, "yes"), (second, "no")):
        answered = cli("assessment", "answer", aid, ITEM, value, "--instance", "Door 1", data_dir=where)
        assert answered.returncode == 0, answered.stderr

    theirs = f"Door 1 (from {fingerprint[second]})"  # no assessor name set there: its fingerprint
    merged = carry(second, lead, "second-1")
    [outcome] = merged["assessments"]  # type: ignore[misc]
    assert outcome["relabeled"] == [{"group": "exterior-entry", "was": "Door 1", "label": theirs}]
    assert f"the bundle's is kept as '{theirs}'" in str(merged["summary"])
    assert outcome["conflicts"] == 0 and doors(lead) == {"Door 1": "yes", theirs: "no"}
    assert json.loads(cli("assessment", "conflicts", aid, "--json", data_dir=lead).stdout) == []

    carry(second, district, "second-d")
    carry(lead, district, "lead-d")
    assert doors(district) == doors(lead)
    assert json.loads(cli("assessment", "conflicts", aid, "--json", data_dir=district).stdout) == []
    back = carry(lead, second, "lead-s")  # the second laptop learns the name its door has at the lead's
    assert back["assessments"][0]["relabeled"] == [] and doors(second) == doors(lead)  # type: ignore[index]
