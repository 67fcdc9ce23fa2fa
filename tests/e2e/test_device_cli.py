"""``device list`` and ``device revoke`` through the real program; a revoked device's bundle is refused with nothing
stored; on the shared database, campus packs from two staff computers are both accepted by the laptop."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.e2e.conftest import Run, fingerprint
from tests.postgres import FolderDatabases


def _laptop_bundle(cli: Run, laptop: Path, out: Path) -> str:
    """An assessment of Lincoln High on the laptop, exported to ``out``; its id."""
    cli("campus", "add", "Lincoln High", "--code", "LHS", data_dir=laptop)
    made = cli("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", data_dir=laptop)
    aid = made.stdout.strip()
    cli("assessment", "answer", aid, "grounds.gates-locked", "no", data_dir=laptop)
    cli("bundle", "export", aid, "--out", str(out), data_dir=laptop)
    return aid


def _assessments(cli: Run, folder: Path) -> list[object]:
    listed = json.loads(cli("assessment", "list", "--json", data_dir=folder).stdout)
    assert isinstance(listed, list)
    return listed


def test_devices_are_listed_and_a_revoked_one_is_refused_with_nothing_stored(cli: Run, tmp_path: Path) -> None:
    laptop, district = tmp_path / "laptop", tmp_path / "district"
    first, second = tmp_path / "first.sabundle", tmp_path / "second.sabundle"
    aid = _laptop_bundle(cli, laptop, first)
    laptop_fp = fingerprint(cli, laptop)
    assert cli("device", "list", data_dir=district).stdout.strip() == "(none)"
    cli("bundle", "import", str(first), "--trust", laptop_fp, data_dir=district)
    [listed] = json.loads(cli("device", "list", "--json", data_dir=district).stdout)
    assert listed["fingerprint"] == laptop_fp and listed["revoked_at"] is None and listed["last_import_at"]
    revoked = cli("device", "revoke", laptop_fp.lower(), data_dir=district)
    assert revoked.returncode == 0 and laptop_fp in revoked.stdout, revoked.stderr
    table = cli("device", "list", data_dir=district).stdout
    assert laptop_fp in table and "revoked" in table
    cli("assessment", "answer", aid, "grounds.gates-locked", "yes", data_dir=laptop)
    cli("bundle", "export", aid, "--out", str(second), data_dir=laptop)
    before = _assessments(cli, district)
    refused = cli("bundle", "import", str(second), "--trust", laptop_fp, data_dir=district)
    assert refused.returncode == 1 and "revoked" in refused.stderr and "Traceback" not in refused.stderr
    assert _assessments(cli, district) == before


def test_revoking_an_unknown_or_revoked_device_is_one_plain_line(cli: Run, tmp_path: Path) -> None:
    laptop, district, bundle = tmp_path / "laptop", tmp_path / "district", tmp_path / "lhs.sabundle"
    _laptop_bundle(cli, laptop, bundle)
    laptop_fp = fingerprint(cli, laptop)
    cli("bundle", "import", str(bundle), "--trust", laptop_fp, data_dir=district)
    unknown = cli("device", "revoke", "SA-0000-FFFF", data_dir=district)
    assert unknown.returncode == 1 and "SA-0000-FFFF" in unknown.stderr and len(unknown.stderr.splitlines()) == 1
    assert cli("device", "revoke", laptop_fp, data_dir=district).returncode == 0
    twice = cli("device", "revoke", laptop_fp, data_dir=district)
    assert twice.returncode == 1 and "already" in twice.stderr and len(twice.stderr.splitlines()) == 1


@pytest.mark.postgres_only
def test_campus_packs_from_two_staff_computers_are_both_accepted_by_the_laptop(
    cli: Run, tmp_path: Path, database_url_for: FolderDatabases
) -> None:
    laptop, staff, colleague = tmp_path / "laptop", tmp_path / "staff", tmp_path / "colleague"
    bundle, pack, second_pack = tmp_path / "lhs.sabundle", tmp_path / "pack.sabundle", tmp_path / "pack2.sabundle"
    database_url_for.share(staff, colleague)
    aid = _laptop_bundle(cli, laptop, bundle)
    action = cli("action", "add", aid, "item:grounds.gates-locked:", "--cost", "500-900", data_dir=laptop)
    cli("bundle", "export", aid, "--out", str(bundle), data_dir=laptop)
    cli("bundle", "import", str(bundle), "--trust", fingerprint(cli, laptop), data_dir=staff)
    district_fp = fingerprint(cli, staff)
    assert fingerprint(cli, colleague) == district_fp  # one district identity on the shared database
    cli("action", "update", action.stdout.strip(), "--status", "in_progress", "--by", "Ann", data_dir=staff)
    assert cli("district", "pack", "lhs", "--out", str(pack), data_dir=staff).returncode == 0
    first = cli("bundle", "import", str(pack), "--trust", district_fp, "--json", data_dir=laptop)
    assert json.loads(first.stdout)[0]["assessments"][0]["result"] == "updated", first.stderr
    cli("action", "update", action.stdout.strip(), "--status", "done", "--by", "Bob", data_dir=colleague)
    refused = cli("district", "pack", "lhs", "--out", str(second_pack), data_dir=colleague)
    assert refused.returncode == 1 and "copy district-staff.key" in refused.stderr and not second_pack.exists()
    assert len(refused.stderr.splitlines()) == 1
    shutil.copy(staff / "district-staff.key", colleague / "district-staff.key")  # the colleague joins
    made = cli("district", "pack", "lhs", "--out", str(second_pack), data_dir=colleague)
    assert made.returncode == 0 and f"signed by {district_fp}" in made.stdout, made.stderr
    second = cli("bundle", "import", str(second_pack), "--json", data_dir=laptop)  # no --trust: already trusted
    assert second.returncode == 0 and json.loads(second.stdout)[0]["assessments"][0]["result"] == "updated"
    [listed] = json.loads(cli("action", "list", aid, "--json", data_dir=laptop).stdout)
    assert listed["status"] == "done" and listed["status_changed_by"] == "Bob"
