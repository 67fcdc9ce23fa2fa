"""The catalog: built-in first, user checklists beside them, the newest version offered."""

from __future__ import annotations

import shutil
from pathlib import Path

from safety_assess.domain.checklist.catalog import load_catalog, version_key

DATA = Path(__file__).resolve().parents[2] / "data" / "checklists"


def test_a_copy_with_the_same_id_and_version_is_reported_not_silently_ignored(tmp_path: Path) -> None:
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    builtin.mkdir()
    user.mkdir()
    shutil.copy(DATA / "every-type.yaml", builtin)
    edited = (DATA / "every-type.yaml").read_text().replace("title: Every answer type", "title: Edited")
    (user / "copy.yaml").write_text(edited)
    (user / "newer.yaml").write_text(edited.replace("version: 1.0.0", "version: 1.1.0"))
    catalog = load_catalog(builtin, user)
    assert [e.checklist.version for e in catalog.entries] == ["1.0.0", "1.1.0"]
    [problem] = catalog.problems
    assert problem.source.endswith("copy.yaml") and "raise the version" in problem.lines()[0]
    assert catalog.get("every-type").version == "1.1.0"
    assert [e.checklist.title for e in catalog.newest()] == ["Edited"]


def test_versions_sort_numerically_with_prereleases_first() -> None:
    assert sorted(["1.10.0", "1.2.0", "1.2.0-beta", "0.9.9"], key=version_key) == [
        "0.9.9",
        "1.2.0-beta",
        "1.2.0",
        "1.10.0",
    ]
