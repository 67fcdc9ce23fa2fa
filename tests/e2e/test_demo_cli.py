"""``safety-assess demo`` and ``--self-test``, run as a user (or a packaging script) would."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pikepdf

from safety_assess.base.datadir import remember_data_folder
from tests.e2e.conftest import Run


def test_demo_writes_the_sample_action_plan_and_bundle(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "demo"
    first = cli("demo", "--out", str(out))
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert (
        lines[0].startswith("sample campus DEMO: added") and lines[2] == f"wrote {out / 'sample-assessment.sabundle'}"
    )
    text = subprocess.run(
        ["pdftotext", str(out / "sample-action-plan.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Sample Elementary (demo)" in text and "Corrective action" in text
    with pikepdf.open(out / "sample-action-plan.pdf") as pdf:
        assert len(pdf.pages) >= 2 and lines[1] == f"wrote {out / 'sample-action-plan.pdf'} ({len(pdf.pages)} pages)"
    listed = cli("assessment", "list").stdout
    assert listed.count("DEMO") == 1
    again = cli("demo", "--out", str(out))
    assert again.stdout.startswith("sample campus DEMO: already there") and cli("assessment", "list").stdout == listed


def test_demo_into_a_folder_that_cannot_be_made_is_one_line(cli: Run, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = cli("demo", "--out", str(blocker / "demo"))
    assert result.returncode == 1 and result.stderr.startswith("safety-assess: error: cannot make the folder")


def test_self_test_passes_without_a_screen(cli: Run) -> None:
    result = cli("--self-test", data_dir=None, env={"DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "self-test passed"
    assert [line.split(":")[0] for line in result.stdout.splitlines()[1:4]] == [
        "ok   checklists",
        "ok   sample assessment, PDF and bundle",
        "ok   main window",
    ]


def test_an_unencrypted_backup_asked_for_is_a_data_folder_that_opens(cli: Run, tmp_path: Path) -> None:
    cli("demo", "--out", str(tmp_path / "demo"))
    result = cli("backup", "--out", str(tmp_path / "usb"), "--unencrypted")
    assert result.returncode == 0, result.stderr
    [folder] = (tmp_path / "usb").iterdir()
    assert result.stdout.startswith(f"backed up into {folder}: database, 3 photos")
    assert "it is not encrypted: anyone who finds it can read it" in result.stdout
    assert "not included (secrets): device-key.pem; keep your own copy" in result.stdout
    listed = cli("assessment", "list", data_dir=folder)
    assert listed.returncode == 0 and "DEMO" in listed.stdout
    log = (tmp_path / "data" / "logs" / "safety-assess.log").read_text(encoding="utf-8")
    assert "Running upgrade" in log  # commands log to the data folder too


def test_backup_keeps_as_many_as_the_settings_say(cli: Run, tmp_path: Path) -> None:
    settings = tmp_path / "data" / "settings.json"
    settings.parent.mkdir()
    chosen = {"backups_kept": 2, "backup_folder": str(tmp_path / "usb"), "backup_encryption": "none"}
    settings.write_text(json.dumps({"schema_version": 2, **chosen}))
    runs = [cli("backup") for _ in range(3)]
    assert [run.returncode for run in runs] == [0, 0, 0], runs[-1].stderr
    assert "removed 1 older backups (keeping the newest 2)" in runs[2].stdout
    assert len(list((tmp_path / "usb").iterdir())) == 2
    elsewhere = cli("backup", "--out", str(tmp_path / "other"), "--keep", "0")
    assert elsewhere.returncode == 2 and "expected a whole number from 1, got '0'" in elsewhere.stderr


def test_commands_use_the_data_folder_chosen_in_settings(cli: Run, tmp_path: Path) -> None:
    chosen = tmp_path / "drive" / "safety"
    assert cli("campus", "add", "Lincoln High", "--code", "LHS", data_dir=chosen).returncode == 0
    remember_data_folder(chosen)
    listed = cli("campus", "list", data_dir=None)
    assert listed.returncode == 0 and "LHS" in listed.stdout, listed.stderr
    shutil.rmtree(chosen)  # the drive is not connected
    missing = cli("campus", "list", data_dir=None)
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
    assert f"the data folder chosen in Settings, {chosen}, is not there" in missing.stderr
    assert not chosen.exists()  # never made anew, empty, in its place
