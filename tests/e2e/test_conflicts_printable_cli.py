"""``assessment conflicts`` through the real program shows bundle-supplied text (a note from another laptop) with its
terminal escapes and control characters escaped; --json keeps the text as it is."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import Run, fingerprints

HOSTILE = "\x1b]0;owned\x07\x1b[2Jfixed\nsecond line"


def test_conflicts_print_bundle_text_escaped(cli: Run, tmp_path: Path) -> None:
    lead, second = tmp_path / "lead", tmp_path / "second"
    fingerprint = fingerprints(cli, lead, second)
    cli("campus", "add", "Lincoln High", "--code", "LHS", data_dir=lead)
    aid = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", data_dir=lead)
    aid = aid.stdout.strip()
    pack, back = tmp_path / "pack.sabundle", tmp_path / "back.sabundle"
    assert cli("team", "pack", aid, "--out", str(pack), data_dir=lead).returncode == 0
    assert cli("bundle", "import", str(pack), "--trust", fingerprint[lead], data_dir=second).returncode == 0
    cli("assessment", "answer", aid, "grounds.gates-locked", "no", "--note", "ours", data_dir=lead)
    noted = cli("assessment", "answer", aid, "grounds.gates-locked", "no", "--note", HOSTILE, data_dir=second)
    assert noted.returncode == 0, noted.stderr
    assert cli("bundle", "export", aid, "--out", str(back), data_dir=second).returncode == 0
    assert cli("bundle", "import", str(back), "--trust", fingerprint[second], data_dir=lead).returncode == 0
    shown = cli("assessment", "conflicts", aid, data_dir=lead)
    assert shown.returncode == 0, shown.stderr
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout and len(shown.stdout.splitlines()) == 2
    assert "\\x1b]0;owned\\x07\\x1b[2Jfixed\\nsecond line" in shown.stdout
    [listed] = json.loads(cli("assessment", "conflicts", aid, "--json", data_dir=lead).stdout)
    assert listed["theirs"]["value"] == HOSTILE
