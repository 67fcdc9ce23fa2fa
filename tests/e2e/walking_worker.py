"""Walks one assessment in the real walkthrough window by keyboard, for ever, printing each key press and the item
on screen after it (for the kill test).

python -m tests.e2e.walking_worker DATA_DIR ASSESSMENT_ID SEED
"""

from __future__ import annotations

import os
import random
import sys
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from safety_assess.base.datadir import DataDir
from safety_assess.domain.checklist.answers import AnswerType
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.walkthrough.window import WalkthroughWindow

ONE_KEY = {AnswerType.YES_NO: (Qt.Key.Key_Y, Qt.Key.Key_N), AnswerType.SCALE: (Qt.Key.Key_1, Qt.Key.Key_2)}
MOVES = (Qt.Key.Key_Left, Qt.Key.Key_Right)


def where(window: WalkthroughWindow) -> str:
    key = window.current
    assert key is not None
    return f"{key.item_id} {key.instance_id}"


def main() -> None:
    data_dir, assessment_id, seed = Path(sys.argv[1]), uuid.UUID(sys.argv[2]), int(sys.argv[3])
    app = QApplication([])
    window = WalkthroughWindow(WalkSession(Workspace.open(DataDir(data_dir)), assessment_id), ChangeChannel())
    window.show()
    app.processEvents()
    chance = random.Random(seed)
    print(f"on {where(window)}", flush=True)
    while True:
        kind = window.session.state.slot(window.current).item.answer.type  # type: ignore[arg-type]
        keys = ONE_KEY.get(kind, MOVES) if chance.random() < 0.8 else MOVES
        print(f"press {where(window)}", flush=True)
        QTest.keyClick(window.panel, chance.choice(keys))
        print(f"on {where(window)}", flush=True)


if __name__ == "__main__":
    main()
