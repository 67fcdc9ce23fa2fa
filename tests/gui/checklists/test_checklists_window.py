"""File > Checklists…: the checklists in use, validate a file, import one into the data folder, export to XLSX."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from safety_assess.domain.checklist.yamlfile import load_checklist_file
from safety_assess.services.workspace import Workspace
from safety_assess.spreadsheets import checklist_workbook, read_workbook
from safety_assess.ui.checklists import window as checklists_window
from safety_assess.ui.checklists.window import ChecklistsWindow
from safety_assess.ui.main_window import MainWindow


@pytest.fixture
def opened(window: MainWindow, qtbot: Any) -> ChecklistsWindow:
    window.actions_by_id["app.checklists"].trigger()
    found = window.windows.checklists
    assert found is not None
    qtbot.addWidget(found)
    qtbot.waitExposed(found)
    return found


def _workbook(tmp_path: Path, every_type_path: Path, **settings: str) -> Path:
    path = tmp_path / "copy.xlsx"
    path.write_bytes(checklist_workbook(load_checklist_file(every_type_path)))
    book = load_workbook(path)
    for row in book["settings"].iter_rows(min_row=2):
        if row[0].value in settings:
            row[1].value = settings[row[0].value]
    book.save(path)
    return path


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(checklists_window, "ask_checklist_file", lambda *_: path)


def test_lists_the_checklists_in_use(opened: ChecklistsWindow) -> None:
    rows = {(r.id, r.version, r.builtin) for r in opened.in_use.rows}
    assert rows == {
        ("cameras-technology", "1.0.0", True),
        ("comprehensive-facility", "1.2.0", True),
        ("emergency-preparedness", "1.1.0", True),
        ("every-type", "1.0.0", False),
    }
    assert opened.in_use.titles() == ["Checklist", "ID", "Version", "Items", "From"]
    assert opened.status.text().startswith("Validate or import a YAML or XLSX file: its problems are listed below")


def test_validate_lists_problems_by_cell(
    opened: ChecklistsWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, every_type_path: Path
) -> None:
    bad = _workbook(tmp_path, every_type_path)
    book = load_workbook(bad)
    book["survey"]["K3"] = 9
    book["survey"]["A4"] = "yesno"
    book.save(bad)
    _choose(monkeypatch, bad)
    opened.validate.click()
    qtbot.waitUntil(lambda: opened.problems.rowCount() == 1)
    assert [(p.where, p.message[:26]) for p in opened.problems.rows] == [("survey!A4", "unknown type 'yesno' (type")]
    assert opened.status.text() == "copy.xlsx: 1 problem"
    if os.environ.get("SAFETY_ASSESS_SCREENSHOTS"):
        opened.grab().save(os.environ["SAFETY_ASSESS_SCREENSHOTS"] + "/checklists-problems.png")
    good = _workbook(tmp_path, every_type_path)
    _choose(monkeypatch, good)
    opened.validate.click()
    qtbot.waitUntil(lambda: opened.status.text().endswith("no problems"))
    assert opened.problems.rowCount() == 0
    assert opened.status.text() == "copy.xlsx: Every answer type (every-type 1.0.0), 16 items: no problems"
    yaml = tmp_path / "bad.yaml"
    yaml.write_text(
        every_type_path.read_text(encoding="utf-8").replace("severity: 4", "severity: 8", 1), encoding="utf-8"
    )
    _choose(monkeypatch, yaml)
    opened.validate.click()
    qtbot.waitUntil(lambda: opened.status.text() == "bad.yaml: 1 problem")
    assert [(p.where, p.message) for p in opened.problems.rows] == [
        ("line 24", "sections.0.items.0.severity: must be at most 5, got 8")
    ]


def test_import_adds_a_new_checklist_and_refuses_a_changed_one(
    opened: ChecklistsWindow,
    workspace: Workspace,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    every_type_path: Path,
) -> None:
    folder = workspace.data_dir.checklists
    _choose(monkeypatch, _workbook(tmp_path, every_type_path, id="district-walk", version="2.0.0"))
    opened.add.click()
    qtbot.waitUntil(lambda: any(r.id == "district-walk" for r in opened.in_use.rows))
    written = folder / "district-walk-2.0.0.yaml"
    assert load_checklist_file(written).id == "district-walk"
    assert workspace.catalog.get("district-walk").version == "2.0.0"
    assert opened.status.text() == "copy.xlsx: district-walk 2.0.0 added to the data folder"
    before = sorted(p.name for p in folder.iterdir())
    changed = _workbook(tmp_path, every_type_path)
    book = load_workbook(changed)
    book["survey"]["D3"] = "Is the front door locked?"
    book.save(changed)
    _choose(monkeypatch, changed)
    opened.add.click()
    qtbot.waitUntil(lambda: "already in use" in opened.status.text())
    assert opened.status.text().startswith("copy.xlsx: every-type 1.0.0 is already in use (every-type.yaml) with other")
    assert sorted(p.name for p in folder.iterdir()) == before


def test_export_writes_the_selected_checklist(
    opened: ChecklistsWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, every_type_path: Path
) -> None:
    out = tmp_path / "out.xlsx"
    monkeypatch.setattr(checklists_window, "ask_workbook_target", lambda *_: out)
    row = next(i for i, r in enumerate(opened.in_use.rows) if r.id == "every-type")
    opened.list.selectRow(row)
    opened.export.click()
    qtbot.waitUntil(lambda: "written" in opened.status.text())
    assert read_workbook(out)[0] == load_checklist_file(every_type_path)
    if os.environ.get("SAFETY_ASSESS_SCREENSHOTS"):
        opened.grab().save(os.environ["SAFETY_ASSESS_SCREENSHOTS"] + "/checklists-window.png")


def test_one_window_brought_forward_and_forgotten_when_closed(window: MainWindow, qtbot: Any) -> None:
    window.actions_by_id["app.checklists"].trigger()
    opened = window.windows.checklists
    assert opened is not None
    window.actions_by_id["app.checklists"].trigger()
    assert window.windows.checklists is opened
    opened.close()
    qtbot.waitUntil(lambda: window.windows.checklists is None)
