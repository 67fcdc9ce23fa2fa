"""The wheel carries the built-in checklists, their schema, the resources and the migrations, and they load."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_ships_checklists_resources_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("safety_assess-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.name for p in (ROOT / "checklists").iterdir()}
    assert {f"safety_assess/_data/checklists/{name}" for name in shipped} <= names
    assert "safety_assess/_data/resources/icons/safety-assess.svg" in names
    assert "safety_assess/_data/docs/user-guide/index.html" in names
    assert "safety_assess/storage/migrations/versions/0001_initial.py" in names

    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    code = (
        "import safety_assess.base.resources as r\n"
        "from safety_assess.domain.checklist.catalog import load_catalog\n"
        "catalog = load_catalog(r.builtin_checklists_dir(), None)\n"
        "print(r.builtin_checklists_dir().relative_to(r.__file__.rsplit('/', 2)[0]), len(catalog.entries))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["_data/checklists", str(len([n for n in shipped if n.endswith(".yaml")]))]
