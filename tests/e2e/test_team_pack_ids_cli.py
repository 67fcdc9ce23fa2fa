"""Returning team work names its pack, through the real program: two packs out at once, the second one's work
comes back first, and ``team list`` says which pack came back from which laptop (not the oldest pack waiting);
``bundle import --json`` of the pack tells nothing new, the pack's id is the lead's record's."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import Run, fingerprints


def test_team_list_tells_which_pack_came_back(cli: Run, tmp_path: Path) -> None:
    lead, ben, cara = tmp_path / "lead", tmp_path / "ben", tmp_path / "cara"
    fingerprint = fingerprints(cli, lead, ben)
    cli("campus", "add", "Lincoln High", "--code", "LHS", data_dir=lead)
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", data_dir=lead)
    aid = aid.stdout.strip()
    for name, sections in (("cara", "parking"), ("ben", "entry")):
        made = cli(
            "team", "pack", aid, "--out", str(tmp_path / f"{name}.sabundle"), "--sections", sections, data_dir=lead
        )
        assert made.returncode == 0, made.stderr
    taken = cli("bundle", "import", str(tmp_path / "cara.sabundle"), "--trust", fingerprint[lead], data_dir=cara)
    assert taken.returncode == 0, taken.stderr  # Cara has hers, and has not sent anything back yet
    taken = cli("bundle", "import", str(tmp_path / "ben.sabundle"), "--trust", fingerprint[lead], data_dir=ben)
    assert taken.returncode == 0, taken.stderr
    cli("assessment", "answer", aid, "entry.single-entrance", "yes", data_dir=ben)
    back = tmp_path / "back.sabundle"
    assert cli("bundle", "export", "--since-last", "--out", str(back), data_dir=ben).returncode == 0
    merged = cli("bundle", "import", str(back), "--trust", fingerprint[ben], data_dir=lead)
    assert merged.returncode == 0, merged.stderr
    given = {p["file"]: p for p in json.loads(cli("team", "list", aid, "--json", data_dir=lead).stdout)}
    assert given["ben.sabundle"]["received_from"] == fingerprint[ben]
    assert given["cara.sabundle"]["received_from"] is None  # the oldest pack waiting, but not the one that came
    shown = cli("team", "list", aid, data_dir=lead).stdout
    assert any("ben.sabundle" in line and fingerprint[ben] in line for line in shown.splitlines())
