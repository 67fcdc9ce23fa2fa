"""services/checklists.py: adding a checklist file to the data folder, and converting one, write nothing on a
problem and nothing twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety_assess.base.jobs import Changes
from safety_assess.base.resources import builtin_checklists_dir
from safety_assess.domain.checklist.yamlfile import load_checklist_file
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services.checklists import ChecklistFileInvalid, add_to_data_folder, convert_to_yaml
from safety_assess.spreadsheets import checklist_workbook

DATA = Path(__file__).resolve().parents[2] / "data" / "checklists"


def test_adding_the_same_checklist_twice_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "checklists"
    source = tmp_path / "every.xlsx"
    source.write_bytes(checklist_workbook(load_checklist_file(DATA / "every-type.yaml")))
    checklist, changes = add_to_data_folder(source, folder, builtin_checklists_dir())
    assert changes == Changes(catalog=True)
    assert [p.name for p in folder.iterdir()] == ["every-type-1.0.0.yaml"]
    assert load_checklist_file(folder / "every-type-1.0.0.yaml") == checklist
    assert add_to_data_folder(source, folder, builtin_checklists_dir())[1] == Changes()
    assert add_to_data_folder(DATA / "every-type.yaml", folder, builtin_checklists_dir())[1] == Changes()


def test_a_builtin_id_and_version_with_other_content_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "cameras.yaml"
    text = (builtin_checklists_dir() / "cameras-technology.yaml").read_text(encoding="utf-8")
    source.write_text(text.replace("title: Security cameras and technology", "title: Cameras"), encoding="utf-8")
    with pytest.raises(SafetyAssessError, match=r"cameras-technology 1.0.0 is already in use \(cameras-technology"):
        add_to_data_folder(source, tmp_path / "checklists", builtin_checklists_dir())
    assert not (tmp_path / "checklists").exists()


def test_a_file_with_problems_is_not_converted(tmp_path: Path) -> None:
    source = tmp_path / "bad.xlsx"
    source.write_bytes(b"not a workbook")
    out = tmp_path / "out.yaml"
    with pytest.raises(ChecklistFileInvalid) as caught:
        convert_to_yaml(source, out)
    assert caught.value.problems[0].where == ""
    assert not out.exists()
