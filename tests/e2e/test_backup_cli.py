"""``safety-assess backup`` and ``backup restore`` run as a user would: encrypted with a passphrase from the
environment, restored whole, a wrong passphrase refused in one line with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import Run

PASSPHRASE = {"BACKUP_PASSPHRASE": "correct horse battery staple"}
pytestmark = pytest.mark.sqlite_only  # a shared database is backed up on its server


def files(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))


def test_an_encrypted_backup_restores_into_a_new_data_folder(cli: Run, tmp_path: Path) -> None:
    assert cli("demo", "--out", str(tmp_path / "demo")).returncode == 0
    made = cli("backup", "--out", str(tmp_path / "usb"), "--passphrase-env", "BACKUP_PASSPHRASE", env=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    [backup] = (tmp_path / "usb").iterdir()
    assert "it is encrypted with your passphrase" in made.stdout
    assert f"restore it with: safety-assess backup restore {backup} --into NEW-FOLDER" in made.stdout
    restored = tmp_path / "restored"
    run = cli(
        "backup", "restore", str(backup), "--into", str(restored), "--passphrase-env", "BACKUP_PASSPHRASE",
        data_dir=None, env=PASSPHRASE,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith(f"restored into {restored}: the database, 3 photos and 0 other files, ")
    assert lines[1] == "it was encrypted with a passphrase"
    listed = cli("assessment", "list", data_dir=restored)
    assert listed.returncode == 0 and "DEMO" in listed.stdout


def test_a_wrong_passphrase_is_one_line_and_writes_nothing(cli: Run, tmp_path: Path) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    cli("backup", "--out", str(tmp_path / "usb"), "--passphrase-env", "BACKUP_PASSPHRASE", env=PASSPHRASE)
    [backup] = (tmp_path / "usb").iterdir()
    before = files(tmp_path)
    wrong = {"BACKUP_PASSPHRASE": "not the passphrase at all"}
    args = ("backup", "restore", str(backup), "--into", str(tmp_path / "restored"), "--passphrase-env")
    run = cli(*args, "BACKUP_PASSPHRASE", data_dir=None, env=wrong)
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.splitlines() == [
        f"safety-assess: error: {backup}: wrong passphrase (it was encrypted with another one); nothing was restored"
    ]
    unset = cli(*args, "NO_SUCH_VARIABLE", data_dir=None)
    assert unset.returncode == 1 and unset.stderr.splitlines() == [
        "safety-assess: error: the environment variable NO_SUCH_VARIABLE is not set; it should hold the backup "
        "passphrase"
    ]
    assert files(tmp_path) == before


def test_no_backup_is_made_unencrypted_unless_asked(cli: Run, tmp_path: Path) -> None:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    run = cli("backup", "--out", str(tmp_path / "usb"))
    assert run.returncode == 1 and len(run.stderr.splitlines()) == 1
    assert "no way is chosen yet" in run.stderr and "give --passphrase-env VAR, or --unencrypted" in run.stderr
    assert not (tmp_path / "usb").exists()
    both = cli("backup", "--unencrypted", "--passphrase-env", "BACKUP_PASSPHRASE")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr


def test_a_backup_sealed_to_the_district_key_restores_only_at_the_district(cli: Run, tmp_path: Path) -> None:
    district, key = tmp_path / "district", tmp_path / "district.sadistrictkey"
    assert cli("district-key", "export", "--out", str(key), data_dir=district).returncode == 0
    assert cli("district-key", "import", str(key)).returncode == 0
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    made = cli("backup", "--out", str(tmp_path / "usb"))  # nothing chosen: the district key, since one is loaded
    assert made.returncode == 0 and "it is encrypted to the district key SD-" in made.stdout, made.stderr
    [backup] = (tmp_path / "usb").iterdir()
    on_laptop = cli("backup", "restore", str(backup), "--into", str(tmp_path / "restored"))
    assert on_laptop.returncode == 1 and len(on_laptop.stderr.splitlines()) == 1
    assert "only the district's installation, which holds it, can open it" in on_laptop.stderr
    assert not (tmp_path / "restored").exists()
    at_district = cli("backup", "restore", str(backup), "--into", str(tmp_path / "restored"), data_dir=district)
    assert at_district.returncode == 0, at_district.stderr
    assert "LHS" in cli("campus", "list", data_dir=tmp_path / "restored").stdout
