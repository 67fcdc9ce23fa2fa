"""Re-scoring after one answer: a generated 1,000-item assessment with 300 deficient answers (300 findings).

rescore_ms: after changing one answer, recompute every compliance score and every finding (median of rounds).
Baseline in the same run: one plain pass over the 1,000 stored answers (counting deficient ones), the least any
re-scoring must do. plan_open_ms is not measured yet: the action-plan view does not exist (issue 5 continues).

    python bench/rescore.py [--rounds N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from typing import Any

from safety_assess.domain.checklist import Checklist, parse_checklist
from safety_assess.domain.records import Response
from safety_assess.domain.scoring.compliance import scores
from safety_assess.domain.scoring.findings import raised_findings
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.domain.walk.state import AssessmentState

NOW = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)


def checklist_1000() -> Checklist:
    sections = []
    for s in range(10):
        items: list[dict[str, Any]] = [
            {
                "id": f"s{s}.i{n}",
                "prompt": f"Question {s}.{n}?",
                "likelihood": 1 + n % 5,
                "severity": 1 + s % 5,
                "action": "Fix it.",
                "answer": {"type": "yes_no", "deficient_if": "no"},
            }
            for n in range(100)
        ]
        sections.append({"id": f"s{s}", "title": f"Section {s}", "items": items})
    return parse_checklist({"id": "bench", "title": "Bench", "version": "1.0.0", "sections": sections})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    checklist = checklist_1000()
    ids = [item.id for _, _, item in checklist.iter_items()]
    responses = [Response(i, None, "no" if n % 10 < 3 else "yes", "", NOW) for n, i in enumerate(ids)]
    state = AssessmentState(checklist, [], responses, dt.date(2026, 11, 23))
    assert len(raised_findings(state)) == 300
    app_times, bare_times = [], []
    for round_no in range(args.rounds):
        key = SlotKey(ids[(round_no * 37) % len(ids)])
        flipped = "yes" if state.value(key) == "no" else "no"
        began = time.perf_counter()
        state.set_response(key, Response(key.item_id, None, flipped, "", NOW))
        scores(state)
        raised_findings(state)
        app_times.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        sum(1 for r in state.responses.values() if r.value == "no")
        bare_times.append((time.perf_counter() - began) * 1000)
    rescore, bare = statistics.median(app_times), statistics.median(bare_times)
    print(f"items: {len(ids)}, findings: about 300, rounds: {args.rounds}")
    print(f"rescore median {rescore:.2f} ms (max {max(app_times):.2f}); bare pass {bare:.3f} ms")
    print(f"RESULT rescore rescore_ms={rescore:.2f} bare_ms={bare:.3f}")


if __name__ == "__main__":
    main()
