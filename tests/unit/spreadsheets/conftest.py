from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from safety_assess.domain.checklist import Checklist
from safety_assess.domain.checklist.yamlfile import load_checklist_file
from safety_assess.spreadsheets import WorkbookInvalid, checklist_workbook, read_workbook

Edit = Callable[[Callable[[Any], object]], Path]


@pytest.fixture(scope="session")
def every_type() -> Checklist:
    return load_checklist_file(Path(__file__).resolve().parents[2] / "data" / "checklists" / "every-type.yaml")


@pytest.fixture
def exported(tmp_path: Path, every_type: Checklist) -> Path:
    """The every-type checklist as a workbook."""
    path = tmp_path / "every-type.xlsx"
    path.write_bytes(checklist_workbook(every_type))
    return path


@pytest.fixture
def edited(exported: Path) -> Edit:
    """The exported workbook after ``change(book)`` (openpyxl, full mode)."""

    def edit(change: Callable[[Any], object]) -> Path:
        book = load_workbook(exported)
        change(book)
        book.save(exported)
        return exported

    return edit


def problems(path: Path) -> list[str]:
    """The lines a workbook's problems read as, with the file's name shortened to F."""
    with pytest.raises(WorkbookInvalid) as caught:
        read_workbook(path)
    return [line.replace(str(path), "F") for line in caught.value.lines()]


def row_of(book: Any, item_id: str) -> int:
    for (cell,) in book["survey"].iter_rows(min_col=3, max_col=3):
        if cell.value == item_id:
            return int(cell.row)
    raise AssertionError(item_id)
