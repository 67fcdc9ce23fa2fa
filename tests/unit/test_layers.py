"""The layers stay apart: a test fails when a package imports what it must not."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "safety_assess"
QT = ("PySide6", "shiboken6")
ORM = ("sqlalchemy", "alembic")

# package (relative to safety_assess) -> module prefixes it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": (
        *QT,
        *ORM,
        "safety_assess.storage",
        "safety_assess.services",
        "safety_assess.ui",
        "safety_assess.cli",
    ),
    "storage": (*QT, "safety_assess.services", "safety_assess.ui", "safety_assess.cli"),
    "photos": (*QT, *ORM, "safety_assess.storage", "safety_assess.services", "safety_assess.ui", "safety_assess.cli"),
    "reports": (*QT, *ORM, "safety_assess.storage", "safety_assess.ui", "safety_assess.cli"),
    "sync": (*QT, "safety_assess.ui", "safety_assess.cli"),
    "services": (*QT, "safety_assess.ui", "safety_assess.cli"),
    "cli": (*QT,),
    "ui": (*ORM, "safety_assess.storage", "safety_assess.cli"),
}
TOP_LEVEL_FORBIDDEN = (*QT, *ORM, "safety_assess.ui", "safety_assess.storage")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add(node.module if node.level == 0 and node.module else f"<relative import in {path.name}>")
    return found


def violations(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(SRC)} imports {module}"
        for path in files
        for module in sorted(imported_modules(path))
        if any(module == bad or module.startswith(bad + ".") for bad in forbidden)
    ]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_what_its_layer_allows(package: str) -> None:
    files = sorted((SRC / package).rglob("*.py"))
    assert files, f"no modules in {package}"
    assert violations(files, FORBIDDEN[package]) == []


def test_top_level_modules_import_neither_qt_nor_storage() -> None:
    files = [p for p in SRC.glob("*.py") if p.name != "__main__.py"]
    assert violations(files, TOP_LEVEL_FORBIDDEN) == []


def test_the_checker_catches_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport sqlalchemy.orm\n")
    assert imported_modules(bad) == {"PySide6.QtCore", "sqlalchemy.orm"}


def test_no_relative_imports_hide_from_the_checker() -> None:
    relative = [m for p in SRC.rglob("*.py") for m in imported_modules(p) if m.startswith("<relative")]
    assert relative == []


def test_importing_everything_but_ui_loads_no_qt() -> None:
    code = (
        "import sys\n"
        "import safety_assess.cli.main, safety_assess.services.assessments, safety_assess.storage.migrate\n"
        "import safety_assess.domain.checklist.catalog\n"
        "safety_assess.cli.main.build_parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
