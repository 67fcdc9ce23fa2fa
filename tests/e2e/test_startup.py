"""Start-up: the main window shows before anything its first paint does not need is imported."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from safety_assess import __version__
from safety_assess.base.logs import log_file
from safety_assess.services.workspace import Workspace

pytestmark = pytest.mark.sqlite_only  # a database server is opened through SQLAlchemy at once

WATCHED_START = """
import io, json, sys
from safety_assess.launcher import main

class Watch(io.StringIO):
    shown: list[str] = []

    def write(self, text: str) -> int:
        if text.strip() == "main-window-shown":  # printed on the first event-loop turn after show()
            Watch.shown = sorted(sys.modules)
        return len(text)

sys.stdout = Watch()
code = main(sys.argv[1:])
sys.stdout = sys.__stdout__
print(json.dumps({"code": code, "loaded_when_shown": Watch.shown}))
"""

NOT_BEFORE_THE_WINDOW = (
    "sqlalchemy",
    "alembic",
    "pydantic",
    "reportlab",
    "pikepdf",
    "cryptography",
    "PIL",
    "pillow_heif",
    "ruamel",
    "psycopg",
    "logging.handlers",  # with socket, pickle and queue: the log file opens after the first paint
    "safety_assess.base.leftovers",
    "safety_assess.storage.database",
    "safety_assess.storage.repositories",
    "safety_assess.domain.checklist",
    "safety_assess.services.walkthrough",
    "safety_assess.reports",
    "safety_assess.bundles",
    "safety_assess.photos",
    "safety_assess.keys",
    "safety_assess.ui.walkthrough",
    "safety_assess.ui.plan",
    "safety_assess.ui.district",
    "safety_assess.ui.report",
)


def start_and_quit(workspace: Workspace) -> dict[str, object]:
    """Run the real program with its window offscreen until the window shows, and say what it had loaded then."""
    command = [sys.executable, "-c", WATCHED_START, "--data-dir", str(workspace.data_dir.root), "--quit-after-show"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=True)
    report: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return report


def test_the_main_window_shows_before_the_heavy_modules_load(workspace: Workspace) -> None:
    snapshot = workspace.snapshots.snapshot(workspace.catalog.get("comprehensive-facility"))
    for n in range(3):
        campus = workspace.campuses.add(f"Campus {n}", f"C{n}")
        workspace.assessments.create(campus.id, snapshot.id, ["Ann"], dt.date(2026, 10, 1))
    workspace.close()

    report = start_and_quit(workspace)

    loaded = report["loaded_when_shown"]
    assert isinstance(loaded, list) and report["code"] == 0
    assert "safety_assess.ui.main_window" in loaded  # the window did show
    early = [m for m in loaded if any(m == name or m.startswith(f"{name}.") for name in NOT_BEFORE_THE_WINDOW)]
    assert early == []


def test_what_is_logged_before_the_window_shows_reaches_the_log_file(workspace: Workspace) -> None:
    workspace.close()

    assert start_and_quit(workspace)["code"] == 0

    lines = log_file(workspace.data_dir.root).read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 4)[-1] for line in lines if "safety_assess.ui.app" in line] == [
        f"[MainThread] Safety Assess {__version__} starting",
        "[MainThread] Safety Assess closed",
    ]
