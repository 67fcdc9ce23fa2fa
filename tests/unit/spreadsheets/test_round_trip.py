"""Every built-in checklist goes out as a workbook and comes back the same checklist, and as YAML too."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from safety_assess.base.resources import builtin_checklists_dir
from safety_assess.domain.checklist import Checklist, parse_checklist
from safety_assess.domain.checklist.yamlfile import load_checklist_file
from safety_assess.spreadsheets import WorkbookInvalid, checklist_workbook, read_workbook
from safety_assess.spreadsheets.yamltext import checklist_yaml

FILES = [
    *sorted(builtin_checklists_dir().glob("*.yaml")),
    Path(__file__).parents[2] / "data" / "checklists" / "every-type.yaml",
    Path(__file__).parents[2] / "data" / "checklists" / "format-2.yaml",  # every format-2 addition
]


@pytest.mark.parametrize("source", FILES, ids=lambda p: p.stem)
def test_each_checklist_comes_back_equal(source: Path, tmp_path: Path) -> None:
    checklist = load_checklist_file(source)
    workbook = tmp_path / "out.xlsx"
    workbook.write_bytes(checklist_workbook(checklist))
    back, _ = read_workbook(workbook)
    assert back == checklist
    written = tmp_path / "back.yaml"
    written.write_text(checklist_yaml(back, ["Imported"]), encoding="utf-8")
    assert load_checklist_file(written) == checklist


def test_the_same_checklist_gives_the_same_bytes(every_type: Checklist) -> None:
    assert checklist_workbook(every_type) == checklist_workbook(every_type)


def test_the_workbook_names_no_author_company_program_or_time(every_type: Checklist, tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(checklist_workbook(every_type))
    props = load_workbook(path).properties
    assert (props.lastModifiedBy, props.title) == (None, None)
    assert props.created is not None and props.created.year == 2000
    assert props.modified is not None and props.modified.year == 2000
    with zipfile.ZipFile(path) as archive:
        core = archive.read("docProps/core.xml")
        assert b"creator" not in core and b"lastModifiedBy" not in core
        app = archive.read("docProps/app.xml")
        assert b"Application" not in app and b"Company" not in app and b"Manager" not in app
        assert {info.date_time[0] for info in archive.infolist()} == {2000}


def test_the_sheets_are_laid_out_for_people(exported: Path) -> None:
    book = load_workbook(exported)
    assert book.sheetnames == ["survey", "choices", "scales", "settings"]
    survey = book["survey"]
    assert survey.freeze_panes == "A2"
    assert [c.value for c in survey[1]][:5] == ["type", "section", "id", "prompt", "guidance"]
    assert survey.column_dimensions["D"].width == 50
    assert survey["D3"].alignment.wrap_text
    lists = {str(v.sqref): v.formula1 for v in survey.data_validations.dataValidation}
    assert (
        "yes_no" in lists["A2:A2000"] and "campus_perimeter" in lists["O2:O2000"] and "very_high" in lists["N2:N2000"]
    )
    assert survey["A2"].value == "section" and survey["C3"].value == "door-locked" and survey["I3"].value == "no"
    assert book["settings"]["A2"].value == "schema_version"


def test_friendly_cells(exported: Path) -> None:
    survey = load_workbook(exported)["survey"]
    cells = {row[2].value: row for row in survey.iter_rows(min_row=3) if row[2].value}
    assert cells["fence-height"][7].value == ">= 6"
    assert cells["fence-height"][6].value == "ft"
    assert cells["gate"][5].value == "pass-flag-fail"
    assert cells["presence"][5].value == "presence"


def test_a_control_character_is_refused_by_row(every_type: Checklist) -> None:
    document = every_type.model_dump(mode="json", exclude_defaults=True)
    document["sections"][0]["items"][1]["prompt"] = "Door\x0bhard?"
    with pytest.raises(WorkbookInvalid) as caught:
        checklist_workbook(parse_checklist(document))
    assert caught.value.lines() == [
        "<workbook>:survey!A4: a text holds a control character a spreadsheet cannot hold: remove it from the checklist"
    ]


def test_a_checklist_without_scoring_keeps_it(tmp_path: Path) -> None:
    source = load_checklist_file(FILES[-1]).model_copy(update={"scoring": "none"})
    workbook = tmp_path / "out.xlsx"
    workbook.write_bytes(checklist_workbook(source))
    back, _ = read_workbook(workbook)
    assert back == source and not back.scored
