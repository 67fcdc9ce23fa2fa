"""The workspace opens cheaply and loads the database layer only when it is needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir, DataDirError
from safety_assess.services.assessments import start_assessment
from safety_assess.services.workspace import Workspace
from safety_assess.storage.dbfile import DatabaseError

pytestmark = pytest.mark.sqlite_only  # the quick start reads the SQLite file directly


def test_a_new_data_folder_is_created_and_its_database_made_at_once(tmp_path: Path) -> None:
    workspace = Workspace.open(DataDir(tmp_path / "new"))
    assert workspace._database is not None
    assert (tmp_path / "new" / "safety-assess.sqlite3").exists()
    assert (tmp_path / "new" / "checklists").is_dir() and (tmp_path / "new" / "backups").is_dir()
    workspace.close()


def test_a_current_database_is_only_checked_until_used(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    start_assessment(workspace, "LHS", "every-type", ["Ana"])
    opened_through_sqlalchemy = workspace.overview()
    workspace.close()

    again = Workspace.open(workspace.data_dir)
    assert again._database is None
    assert again.overview() == opened_through_sqlalchemy
    again.warm_up()
    assert again._database is not None
    assert again.overview() == opened_through_sqlalchemy
    again.close()


def test_problems_are_found_when_opening_not_later(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data").prepare()
    data.database.write_bytes(b"not sqlite" * 50)
    with pytest.raises(DatabaseError, match="damaged"):
        Workspace.open(data)
    (tmp_path / "blocked").write_text("a file where a folder should be")
    with pytest.raises(DataDirError, match="cannot be written"):
        Workspace.open(DataDir(tmp_path / "blocked" / "data"))


def test_showing_the_main_window_needs_neither_sqlalchemy_nor_pydantic(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from safety_assess.ui.app import application, open_main_window\n"
        "app = application()\n"
        f"window = open_main_window({str(workspace.data_dir.root)!r})\n"
        "window.show(); app.processEvents()\n"
        "print(window.model.rowCount(), sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'pydantic'}))\n"
        "window.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "1 []"
