"""Read a checklist workbook into a checked checklist, every problem reported at its sheet and cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from safety_assess.domain.checklist.issues import ChecklistInvalid
from safety_assess.domain.checklist.issues import Path as DocPath
from safety_assess.domain.checklist.model import Checklist
from safety_assess.domain.checklist.parse import parse_checklist
from safety_assess.spreadsheets.building import Builder, Where
from safety_assess.spreadsheets.layout import (
    CHOICES,
    SCALES,
    SETTING_COLUMNS,
    SETTINGS,
    SURVEY,
    choice_columns,
    scale_columns,
    survey_columns,
)
from safety_assess.spreadsheets.opening import Sheet, open_workbook, read_sheet
from safety_assess.spreadsheets.problems import CellIssue, WorkbookInvalid, refuse
from safety_assess.spreadsheets.survey import survey


def read_workbook(path: Path) -> tuple[Checklist, dict[str, Any]]:
    """The checklist a workbook holds and its document; WorkbookInvalid (with the file named) on any problem."""
    try:
        return _read(path)
    except WorkbookInvalid as error:
        raise WorkbookInvalid(error.issues, str(path)) from None


def _read(path: Path) -> tuple[Checklist, dict[str, Any]]:
    book = open_workbook(path)
    try:
        if SURVEY not in book.sheetnames:
            found = ", ".join(book.sheetnames)
            raise refuse(f"no '{SURVEY}' sheet (the sheets are: {found}); the items go in a sheet named survey")
        sheets = _sheets(book)
    finally:
        book.close()
    builder = Builder(sheets[CHOICES], sheets[SCALES])
    if sheets[SETTINGS] is not None:
        builder.settings(sheets[SETTINGS])
    builder.read_lists()
    survey_sheet = sheets[SURVEY]
    assert survey_sheet is not None
    survey(builder, survey_sheet)
    builder.unused_lists()
    if builder.issues:
        raise WorkbookInvalid(builder.issues)
    try:
        return parse_checklist(builder.document), builder.document
    except ChecklistInvalid as error:
        raise WorkbookInvalid(
            [_located(issue.path, issue.message, builder.where, builder.rows) for issue in error.issues]
        ) from None


def _sheets(book: Any) -> dict[str, Sheet | None]:
    allowed = {
        SURVEY: survey_columns(),
        CHOICES: choice_columns(),
        SCALES: scale_columns(),
        SETTINGS: frozenset(SETTING_COLUMNS),
    }
    sheets: dict[str, Sheet | None] = {}
    issues: list[CellIssue] = []
    for name, columns in allowed.items():
        try:
            sheets[name] = read_sheet(book, name, columns) if name in book.sheetnames else None
        except WorkbookInvalid as error:
            issues += error.issues
    if issues:
        raise WorkbookInvalid(issues)
    return sheets


def _located(path: DocPath, message: str, where: Where, rows: set[DocPath]) -> CellIssue:
    """A problem the checklist loader found, at the cell the deepest known part of its path came from."""
    for end in range(len(path), 0, -1):
        cell = where.get(path[:end])
        if cell is not None:
            rest = ".".join(str(part) for part in path[end:]) if path[:end] in rows else ""
            return CellIssue(cell[0], cell[1], f"{rest}: {message}" if rest else message)
    if path and isinstance(path[0], str) and path[0] != "sections":
        return CellIssue(SETTINGS, None, f"{path[0]}: {message}")
    return CellIssue(SURVEY, "A1", message)
