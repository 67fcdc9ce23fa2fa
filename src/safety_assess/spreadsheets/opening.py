"""Open a workbook someone sent, refusing plainly what is not a plain checklist workbook (macros, links to other
files, a zip bomb, a sheet of a million rows) before and while reading it, in bounded memory: the parts' sizes
are checked before anything is unpacked, and sheets are streamed (openpyxl's read-only mode) up to a row limit."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from safety_assess.spreadsheets.problems import CellIssue, WorkbookInvalid, refuse

MAX_FILE_BYTES = 20_000_000
MAX_UNPACKED_BYTES = 20_000_000
MAX_PARTS = 200
MAX_ROWS = 5_000
MAX_COLUMNS = 80
MAX_CELL_CHARS = 20_000
_MERGE = re.compile(rb'<mergeCell ref="([A-Z]+[0-9]+)')
_ROW = re.compile(rb"<row[ >/]")
_SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$")


@dataclass
class Sheet:
    """A sheet's named columns (name to letter) and its non-empty rows (row number, column name to value)."""

    name: str
    letters: dict[str, str] = field(default_factory=dict)
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)

    def cell(self, row: int, column: str | None = None) -> str:
        return f"{self.letters.get(column or '', 'A')}{row}"


def open_workbook(path: Path) -> Any:
    """The workbook, read-only; WorkbookInvalid when it cannot or should not be read."""
    if path.suffix.lower() in (".xlsm", ".xltm", ".xlsb", ".xls"):
        raise refuse(f"'{path.suffix}' workbooks are refused (macros or an old format): save it as .xlsx")
    try:
        size = path.stat().st_size
    except OSError as error:
        raise refuse(f"cannot read the file: {error.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise refuse(f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB, too large for a checklist")
    _check_parts(path)
    try:
        return load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise refuse(f"the file cannot be read as an .xlsx workbook ({type(error).__name__})") from None


def _check_parts(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise refuse("the file is not an .xlsx workbook (save it from your spreadsheet program as .xlsx)") from None
    names = [part.filename for part in parts]
    if len(parts) > MAX_PARTS:
        raise refuse(f"the workbook has {len(parts)} parts, far more than a checklist workbook")
    if any("vbaproject" in name.lower() for name in names):
        raise refuse("the workbook contains macros: save it as a plain .xlsx workbook without macros")
    if any(name.startswith("xl/externalLinks/") for name in names):
        raise refuse("the workbook links to other files: copy the values in and remove the links (Data > Edit Links)")
    if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise refuse(
            f"the workbook unpacks to more than {MAX_UNPACKED_BYTES // 1_000_000} MB, too large for a checklist"
        )
    with zipfile.ZipFile(path) as archive:
        for name in names:
            if _SHEET_PART.match(name) and _rows_in(archive, name) > MAX_ROWS + 1:
                raise refuse(f"a sheet of the workbook has more than {MAX_ROWS} rows, more than any checklist")


def _rows_in(archive: zipfile.ZipFile, name: str) -> int:
    """The rows of a sheet part, counted in a stream before openpyxl parses it (which, for a sheet that does not
    state its size, reads it whole first); counting stops past the limit."""
    count = 0
    with archive.open(name) as source:
        for _ in _matches(source, _ROW):
            count += 1
            if count > MAX_ROWS + 1:
                break
    return count


def _matches(source: IO[bytes], pattern: re.Pattern[bytes], keep: int = 64) -> Iterator[re.Match[bytes]]:
    """Each match of ``pattern`` (at most ``keep`` bytes long) in a stream read in pieces, once."""
    data = b""
    while chunk := source.read(1 << 16):
        data += chunk
        cut = len(data) - keep
        for match in pattern.finditer(data):
            if match.start() >= cut:
                break
            yield match
        data = data[max(cut, 0) :]
    yield from pattern.finditer(data)


def merged_cells(book: Any, sheet: Any) -> list[str]:
    """The first cell of each merged range of ``sheet``, read from its part as a stream."""
    with book._archive.open(sheet._worksheet_path) as source:
        return [match.group(1).decode() for match in _matches(source, _MERGE)]


def read_sheet(book: Any, name: str, allowed: frozenset[str]) -> Sheet:
    """The sheet's rows by column name; WorkbookInvalid for merged cells, formulas, unknown or unnamed columns,
    or more rows than a checklist has."""
    sheet = book[name]
    merged = merged_cells(book, sheet)
    if merged:
        raise WorkbookInvalid(
            [CellIssue(name, ref, "merged cells: unmerge them (one value per cell)") for ref in merged]
        )
    result, issues = Sheet(name), list[CellIssue]()
    names: list[str | None] = []
    width = min(sheet.max_column or MAX_COLUMNS + 1, MAX_COLUMNS + 1)
    for number, line in enumerate(sheet.iter_rows(max_col=width), start=1):
        if number > MAX_ROWS + 1:
            raise refuse(f"the sheet has more than {MAX_ROWS} rows, more than any checklist", name)
        values = [_value(cell, name, f"{get_column_letter(i)}{number}", issues) for i, cell in enumerate(line, 1)]
        if number == 1:
            names = _header(result, values, allowed, issues)
        elif any(v is not None for v in values):
            result.rows.append((number, _named(result, names, values, number, issues)))
    if issues:
        raise WorkbookInvalid(issues)
    return result


def _value(cell: Any, sheet: str, ref: str, issues: list[CellIssue]) -> Any:
    if getattr(cell, "data_type", None) == "f":
        issues.append(CellIssue(sheet, ref, "a formula where a value is expected: type the value instead"))
        return None
    value = cell.value
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARS:
            issues.append(CellIssue(sheet, ref, f"the text is longer than {MAX_CELL_CHARS} characters"))
            return None
        value = value.strip()
        return value or None
    return value


def _header(sheet: Sheet, values: list[Any], allowed: frozenset[str], issues: list[CellIssue]) -> list[str | None]:
    names: list[str | None] = []
    for index, value in enumerate(values, start=1):
        letter = get_column_letter(index)
        if index > MAX_COLUMNS and value is not None:
            issues.append(CellIssue(sheet.name, f"{letter}1", f"more than {MAX_COLUMNS} columns"))
        name = str(value).strip().lower() if value is not None else None
        if name is not None and name not in allowed:
            issues.append(CellIssue(sheet.name, f"{letter}1", f"unknown column '{value}' ({_known(allowed)})"))
        elif name is not None and name in sheet.letters:
            issues.append(CellIssue(sheet.name, f"{letter}1", f"column '{name}' appears twice"))
        elif name is not None:
            sheet.letters[name] = letter
        names.append(name)
    return names


def _known(allowed: frozenset[str]) -> str:
    return (
        "see docs/checklist-spreadsheets.md for the columns"
        if len(allowed) > 12
        else "columns: " + ", ".join(sorted(allowed))
    )


def _named(
    sheet: Sheet, names: list[str | None], values: list[Any], number: int, issues: list[CellIssue]
) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for index, value in enumerate(values):
        if value is None:
            continue
        name = names[index] if index < len(names) else None
        if name is None:
            issues.append(
                CellIssue(
                    sheet.name, f"{get_column_letter(index + 1)}{number}", "a value in a column without a name in row 1"
                )
            )
        else:
            row[name] = value
    return row
