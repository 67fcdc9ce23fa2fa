"""Killing the process at random moments loses nothing that was reported saved."""

from __future__ import annotations

import datetime as dt
import random
import signal
import subprocess
import sys
from pathlib import Path

from safety_assess.base.datadir import DataDir
from safety_assess.services.assessments import start_assessment
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
KILLS = 6


def test_sigkill_while_answering_loses_no_reported_answer(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data")
    workspace = Workspace.open(data)
    workspace.campuses.add("Lincoln High", "LHS")
    assessment = start_assessment(workspace, "LHS", "comprehensive-facility", ["Ana"], dt.date(2026, 11, 23))
    workspace.close()

    reported: dict[str, str] = {}
    chance = random.Random(20261123)
    for run in range(KILLS):
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.answering_worker", str(data.root), str(assessment.id), str(run)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert worker.stdout is not None
        for _ in range(chance.randint(5, 120)):
            line = worker.stdout.readline()
            assert line.startswith("saved "), (line, worker.stderr.read() if worker.poll() is not None else "")
            _, item, value = line.split()
            reported[item] = value
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
        assert worker.returncode == -signal.SIGKILL
        for line in worker.stdout.read().splitlines():  # said saved before the kill landed
            _, item, value = line.split()
            reported[item] = value

    reopened = Workspace.open(data)
    state = WalkSession(reopened, assessment.id).state
    found = {key.item_id: response.value for key, response in state.responses.items()}
    reopened.close()
    assert len(reported) > 10
    assert {item: found.get(item) for item in reported} == reported
