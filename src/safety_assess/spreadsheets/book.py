"""Lay the sheets out in an .xlsx file: a frozen header row, column widths, wrapped long text, lists to pick
the type, layer and cost from, and neutral document properties (no author, company or time)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from safety_assess.domain.checklist.model import CostBand, Layer
from safety_assess.spreadsheets import fields
from safety_assess.spreadsheets.layout import (
    BY_NAME,
    CHOICE_COLUMNS,
    CHOICES,
    COLUMNS,
    ROW_TYPES,
    SCALE_COLUMNS,
    SCALES,
    SETTING_COLUMNS,
    SETTINGS,
    SURVEY,
    WIDE,
)
from safety_assess.spreadsheets.problems import refuse
from safety_assess.spreadsheets.writing import Row, Sheets

NEUTRAL_TIME = dt.datetime(2000, 1, 1)
_VALIDATED_ROWS = 2000


def workbook_bytes(sheets: Sheets) -> bytes:
    book = Workbook()
    survey = book.active
    assert survey is not None
    survey.title = SURVEY
    _fill(survey, [c.name for c in COLUMNS] + sheets.extra, sheets.survey)
    _pick_lists(survey, [c.name for c in COLUMNS] + sheets.extra)
    _fill(book.create_sheet(CHOICES), _ordered(CHOICE_COLUMNS, sheets.choices), sheets.choices)
    _fill(book.create_sheet(SCALES), _ordered(SCALE_COLUMNS, sheets.scales), sheets.scales)
    _fill(book.create_sheet(SETTINGS), list(SETTING_COLUMNS), sheets.settings)
    _neutral(book)
    out = io.BytesIO()
    book.save(out)
    return _scrubbed(out.getvalue())


def _ordered(first: Iterable[str], rows: list[Row]) -> list[str]:
    names = list(first)
    for row in rows:
        names += [name for name in row if name not in names]
    return names


def _fill(sheet: Worksheet, names: list[str], rows: list[Row]) -> None:
    sheet.append(names)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, row in enumerate(rows, start=2):
        try:
            sheet.append([row.get(name) for name in names])
        except IllegalCharacterError:
            message = "a text holds a control character a spreadsheet cannot hold: remove it from the checklist"
            raise refuse(message, sheet.title, f"A{number}") from None
    for index, name in enumerate(names, start=1):
        letter = get_column_letter(index)
        column = BY_NAME.get(name)
        sheet.column_dimensions[letter].width = column.width if column else (40 if name in WIDE else 16)
        if name in WIDE or (column and column.width >= 40):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that starts with '=' is text, never a formula
    sheet.freeze_panes = "A2"


def _pick_lists(sheet: Worksheet, names: list[str]) -> None:
    """Drop-down lists for the type, layer and cost columns (values outside them are still read and checked)."""
    choices: dict[str, list[str]] = {
        "type": [*ROW_TYPES, *fields.answer_models()],
        "layer": [layer.value for layer in Layer],
        "cost": [cost.value for cost in CostBand],
    }
    for name, values in choices.items():
        letter = get_column_letter(names.index(name) + 1)
        check = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
        check.showErrorMessage = False
        check.add(f"{letter}2:{letter}{_VALIDATED_ROWS}")
        sheet.add_data_validation(check)


def _neutral(book: Any) -> None:
    props = book.properties
    props.creator = None
    props.lastModifiedBy = None
    props.title = props.subject = props.description = props.keywords = props.category = None
    props.created = props.modified = NEUTRAL_TIME


def _scrubbed(data: bytes) -> bytes:
    """The file with a fixed time on every part and in the properties (openpyxl stamps the time of saving) and
    no program name, so the same checklist always gives the same bytes and nothing says who or when."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content)
            elif info.filename == "docProps/app.xml":
                content = re.sub(rb"<Application>[^<]*</Application><AppVersion>[^<]*</AppVersion>", b"", content)
            target.writestr(zipfile.ZipInfo(info.filename, NEUTRAL_TIME.timetuple()[:6]), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()
