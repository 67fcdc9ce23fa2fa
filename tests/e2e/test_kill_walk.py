"""Killed while walking with the keyboard, the walkthrough reopens on the item that was on screen."""

from __future__ import annotations

import datetime as dt
import random
import signal
import subprocess
import sys
import uuid
from pathlib import Path

from safety_assess.base.datadir import DataDir
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.services.assessments import start_assessment
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
KILLS = 5


def slot_key(line: str) -> SlotKey:
    _, item, instance = line.split()
    return SlotKey(item, None if instance == "None" else uuid.UUID(instance))


def walk_until_killed(data: DataDir, assessment_id: uuid.UUID, run: int, presses: int) -> list[str]:
    """Every line the worker printed before the kill landed."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.walking_worker", str(data.root), str(assessment_id), str(run)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert worker.stdout is not None
    lines: list[str] = []
    while sum(line.startswith("press") for line in lines) < presses:
        line = worker.stdout.readline()
        assert line, worker.stderr.read() if worker.stderr is not None and worker.poll() is not None else "ended"
        lines.append(line.strip())
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL
    return lines + worker.stdout.read().splitlines()


def moved_from(session: WalkSession, key: SlotKey) -> set[SlotKey]:
    """Where one key press on this item may have left the walkthrough: still there, back one, or on to the next
    unanswered item."""
    state = session.state
    return {key} | {slot.key for slot in (state.step(key, -1), state.next_unanswered(key)) if slot is not None}


def test_sigkill_while_walking_reopens_on_the_item_on_screen(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data")
    workspace = Workspace.open(data)
    workspace.campuses.add("Lincoln High", "LHS")
    assessment = start_assessment(workspace, "LHS", "cameras-technology", ["Ana"], dt.date(2026, 11, 23))
    workspace.close()

    chance = random.Random(20261206)
    for run in range(KILLS):
        lines = walk_until_killed(data, assessment.id, run, chance.randint(3, 12))
        reopened = Workspace.open(data)
        session = WalkSession(reopened, assessment.id)
        last = slot_key(lines[-1])
        if lines[-1].startswith("on"):
            assert session.start_key() == last, lines[-3:]
        else:  # killed during a key press: before its commit, or after it and before the window said so
            assert session.start_key() in moved_from(session, last), lines[-3:]
        reopened.close()
