"""``safety-assess checklist export-xlsx`` / ``import-xlsx`` through the real program."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from safety_assess.base.resources import builtin_checklists_dir
from safety_assess.domain.checklist.yamlfile import load_checklist_file
from tests.e2e.conftest import Run


def test_export_then_import_gives_the_checklist_back(cli: Run, tmp_path: Path) -> None:
    workbook, yaml = tmp_path / "cameras.xlsx", tmp_path / "cameras.yaml"
    exported = cli("checklist", "export-xlsx", "cameras-technology", "--out", str(workbook))
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout == f"{workbook}: cameras-technology 1.0.0, 45 items\n"
    imported = cli("checklist", "import-xlsx", str(workbook), "--out", str(yaml))
    assert imported.returncode == 0, imported.stderr
    text = yaml.read_text(encoding="utf-8")
    assert text.startswith("# Checklist imported from cameras.xlsx by Safety Assess.\n")
    assert '        answer: {type: yes_no, deficient_if: "no", allow_na: false}\n' in text
    assert load_checklist_file(yaml) == load_checklist_file(builtin_checklists_dir() / "cameras-technology.yaml")
    assert cli("checklist", "validate", str(yaml), str(workbook)).stdout == f"{yaml}: OK\n{workbook}: OK\n"


def test_a_bad_workbook_says_where_and_writes_nothing(cli: Run, tmp_path: Path) -> None:
    workbook, yaml = tmp_path / "c.xlsx", tmp_path / "c.yaml"
    assert cli("checklist", "export-xlsx", "cameras-technology", "--out", str(workbook)).returncode == 0
    book = load_workbook(workbook)
    book["survey"]["K3"] = 7
    book["survey"]["A4"] = "yes-no"
    book.save(workbook)
    result = cli("checklist", "import-xlsx", str(workbook), "--out", str(yaml))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{workbook}:survey!A4: unknown type 'yes-no' (types: section, begin_group,")
    assert not yaml.exists()
    book["survey"]["A4"] = "measurement"
    book.save(workbook)
    result = cli("checklist", "import-xlsx", str(workbook), "--out", str(yaml))
    assert (result.returncode, result.stderr) == (1, f"{workbook}:survey!K3: must be at most 5, got 7\n")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["c.xlsx"]


def test_an_existing_output_is_kept_unless_forced(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"mine")
    result = cli("checklist", "export-xlsx", "cameras-technology", "--out", str(out))
    assert (result.returncode, result.stderr) == (1, f"{out}: already exists (give --force to replace it)\n")
    assert out.read_bytes() == b"mine"
    assert cli("checklist", "export-xlsx", "cameras-technology", "--out", str(out), "--force").returncode == 0
    missing = cli("checklist", "export-xlsx", "nope", "--out", str(tmp_path / "y.xlsx"))
    assert missing.returncode == 1 and "no checklist 'nope'" in missing.stderr


def test_validate_reads_the_workbooks_in_a_folder_as_well_as_yaml(cli: Run, tmp_path: Path) -> None:
    folder = tmp_path / "district"
    (folder / "older").mkdir(parents=True)
    good, bad, yaml = folder / "good.xlsx", folder / "older" / "bad.xlsx", folder / "cameras.yaml"
    assert cli("checklist", "export-xlsx", "cameras-technology", "--out", str(good)).returncode == 0
    assert cli("checklist", "import-xlsx", str(good), "--out", str(yaml)).returncode == 0
    book = load_workbook(good)
    book["survey"]["K3"] = 7
    book.save(bad)
    (folder / "~$good.xlsx").write_bytes(b"Excel's lock file while the workbook is open")
    result = cli("checklist", "validate", str(folder))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"{yaml}: OK", f"{good}: OK", f"{bad}:survey!K3: must be at most 5, got 7"]
    (tmp_path / "empty").mkdir()
    assert cli("checklist", "validate", str(tmp_path / "empty")).stderr == (
        "no checklist files (*.yaml, *.yml, *.xlsx) found\n"
    )
