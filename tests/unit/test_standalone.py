"""The project stands alone: a fresh clone in any folder has every file its tests, benchmarks, scripts and
packaging need. Nothing may reach for a folder beside the project (the team's folder of shared material), which
nobody who clones it has. The folder's name is put together here, so this file does not name it itself."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {".git", ".venv", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis"}
SKIPPED |= {"build", "dist"}  # what the packaging makes
SIBLING = "sha" + "red"
OUTSIDE = re.compile(rf"""\.\./{SIBLING}|{SIBLING}[/\\]testdata|/\s*["']{SIBLING}["']""")
"""The sibling folder reached by a relative path, its test data folder, or a path joined onto a folder of that name
(``parents[4] / NAME``)."""


def project_files() -> Iterator[Path]:
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [name for name in subfolders if name not in SKIPPED and not name.endswith(".egg-info")]
        for name in files:
            yield Path(folder, name)


def text_of(path: Path) -> str:
    data = path.read_bytes()
    return "" if b"\0" in data else data.decode("utf-8", errors="replace")


def test_no_file_refers_to_a_folder_outside_the_project() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in project_files()
        for number, line in enumerate(text_of(path).splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert not found, "files refer to a folder outside the project:\n" + "\n".join(found)


def test_the_check_recognises_each_way_of_reaching_out() -> None:
    for line in (
        f'PHOTOS = Path(__file__).resolve().parents[4] / "{SIBLING}" / "testdata" / "photos"',
        f"cp ../{SIBLING}/testdata/photos/hopper.jpg .",
        f"see {SIBLING}/testdata/photos/README.md",
    ):
        assert OUTSIDE.search(line), line
    assert not OUTSIDE.search(f"if workspace.{SIBLING}:  # a {SIBLING} database")
