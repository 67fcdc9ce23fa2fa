"""Workbooks that are not plain checklist workbooks are refused plainly, before much is unpacked or read."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest

from safety_assess.spreadsheets import opening
from tests.unit.spreadsheets.conftest import problems


def _with_part(source: Path, target: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        new.writestr(name, data)
    return target


def test_macro_workbooks_are_refused_by_name_and_by_content(exported: Path, tmp_path: Path) -> None:
    xlsm = tmp_path / "x.xlsm"
    xlsm.write_bytes(exported.read_bytes())
    assert problems(xlsm) == ["F: '.xlsm' workbooks are refused (macros or an old format): save it as .xlsx"]
    hidden = _with_part(exported, tmp_path / "hidden.xlsx", "xl/vbaProject.bin", b"\x00" * 100)
    assert problems(hidden) == ["F: the workbook contains macros: save it as a plain .xlsx workbook without macros"]


def test_links_to_other_files_are_refused(exported: Path, tmp_path: Path) -> None:
    linked = _with_part(exported, tmp_path / "linked.xlsx", "xl/externalLinks/externalLink1.xml", b"<externalLink/>")
    assert problems(linked) == [
        "F: the workbook links to other files: copy the values in and remove the links (Data > Edit Links)"
    ]


def test_a_zip_bomb_is_refused_from_its_declared_sizes(exported: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part,
    ):
        for _ in range(100):
            part.write(b"\x00" * (1 << 20))
    assert bomb.stat().st_size < 1_000_000
    tracemalloc.start()
    assert problems(bomb) == ["F: the workbook unpacks to more than 20 MB, too large for a checklist"]
    assert tracemalloc.get_traced_memory()[1] < 5_000_000
    tracemalloc.stop()


def test_a_million_rows_stop_at_the_row_limit_in_bounded_memory(exported: Path, tmp_path: Path) -> None:
    huge = tmp_path / "million.xlsx"
    with zipfile.ZipFile(exported) as old, zipfile.ZipFile(huge, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                new.writestr(info, old.read(info))
        with new.open("xl/worksheets/sheet1.xml", "w") as part:
            part.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for start in range(1, 1_000_001, 10_000):
                part.write(
                    b"".join(
                        b"<row><c><v>1</v></c></row>" if start < 200_000 else b"<row/>"
                        for _ in range(start, start + 10_000)
                    )
                )
            part.write(b"</sheetData></worksheet>")
    tracemalloc.start()
    assert problems(huge) == ["F: a sheet of the workbook has more than 5000 rows, more than any checklist"]
    assert tracemalloc.get_traced_memory()[1] < 30_000_000
    tracemalloc.stop()


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really", b"type,id\nyes_no,a\n"])
def test_a_file_that_is_no_workbook(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    assert problems(path) == ["F: the file is not an .xlsx workbook (save it from your spreadsheet program as .xlsx)"]


def test_a_file_too_large_is_not_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(opening, "MAX_FILE_BYTES", 1_000_000)
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"x" * 1_000_001)
    assert problems(path) == ["F: the file is larger than 1 MB, too large for a checklist"]
