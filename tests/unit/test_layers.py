"""The layers stay apart: import-linter holds the contracts in pyproject.toml (layers, Qt only in the window,
SQLAlchemy only in storage, feature folders apart); these tests run it, and check what it cannot see."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(root / "src"), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    return subprocess.run(
        [str(LINT), "--no-cache", str(root / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_import_keeps_the_contracts() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_contracts_catch_an_import_from_a_layer_above(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    planted = tmp_path / "src" / "safety_assess" / "domain" / "errors.py"
    planted.write_text(planted.read_text() + "\n\ndef _late() -> None:\n    import safety_assess.services.workspace\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "safety_assess.domain.errors -> safety_assess.services.workspace" in result.stdout


def test_importing_everything_but_ui_loads_no_qt() -> None:
    """The contracts see imports; this sees what a command loads when it runs (plugins, lazy imports)."""
    code = (
        "import sys\n"
        "import safety_assess.launcher, safety_assess.services.assessments, safety_assess.storage.migrate\n"
        "import safety_assess.services.bundles, safety_assess.services.reports\n"
        "import safety_assess.domain.checklist.catalog\n"
        "safety_assess.cli.main.build_parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
