"""Answers items of one assessment for ever, printing each answer once it is committed (for the kill test).

python -m tests.e2e.answering_worker DATA_DIR ASSESSMENT_ID SEED
"""

from __future__ import annotations

import random
import sys
import uuid
from pathlib import Path

from safety_assess.base.datadir import DataDir
from safety_assess.domain.checklist.values import option_labels
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace


def main() -> None:
    data_dir, assessment_id, seed = Path(sys.argv[1]), uuid.UUID(sys.argv[2]), int(sys.argv[3])
    session = WalkSession(Workspace.open(DataDir(data_dir)), assessment_id)
    yes_no = [s for s in session.state.slots if s.item.answer.type == "yes_no" and s.key.instance_id is None]
    chance = random.Random(seed)
    while True:
        slot = chance.choice(yes_no)
        key, value = slot.key, chance.choice(option_labels(session.checklist, slot.item))[0]
        session.answer(key, value)
        print(f"saved {key.item_id} {value}", flush=True)


if __name__ == "__main__":
    main()
