"""Answer to durable commit: 1,000 answers through the walkthrough's session, each committed before it returns.

Baseline, in the same run and alternating with the app in blocks: a bare sqlite3 UPDATE + COMMIT on a database
with the same settings (WAL, synchronous=FULL), the floor of any durable commit on this disk.

    python bench/answer_commit.py [--answers N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import tempfile
import time
from contextlib import closing
from pathlib import Path

from safety_assess.base.datadir import DataDir
from safety_assess.domain.checklist.values import option_labels
from safety_assess.services.assessments import start_assessment
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace

BLOCK = 100


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def app_block(session: WalkSession, count: int, start: int) -> list[float]:
    slots = [s for s in session.state.slots if s.item.answer.type == "yes_no" and s.key.instance_id is None]
    times = []
    for n in range(start, start + count):
        slot = slots[n % len(slots)]
        values = [v for v, _ in option_labels(session.checklist, slot.item)]
        began = time.perf_counter()
        session.answer(slot.key, values[n % len(values)])
        times.append((time.perf_counter() - began) * 1000)
    return times


def bare_block(connection: sqlite3.Connection, count: int, start: int) -> list[float]:
    times = []
    for n in range(start, start + count):
        began = time.perf_counter()
        connection.execute("UPDATE answers SET value = ? WHERE id = ?", (str(n), n % 50))
        connection.commit()
        times.append((time.perf_counter() - began) * 1000)
    return times


def bare_database(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("CREATE TABLE answers (id INTEGER PRIMARY KEY, value TEXT)")
    connection.executemany("INSERT INTO answers VALUES (?, '')", [(n,) for n in range(50)])
    connection.commit()
    return connection


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(DataDir(Path(tmp) / "data"))
        workspace.campuses.add("Bench High", "BH")
        summary = start_assessment(workspace, "BH", "comprehensive-facility", ["Bench"], dt.date(2026, 11, 23))
        session = WalkSession(workspace, summary.id)
        app_times: list[float] = []
        bare_times: list[float] = []
        with closing(bare_database(Path(tmp) / "bare.sqlite3")) as bare:
            for start in range(0, args.answers, BLOCK):
                count = min(BLOCK, args.answers - start)
                app_times += app_block(session, count, start)
                bare_times += bare_block(bare, count, start)
        workspace.close()
    median, p99 = statistics.median(app_times), percentile(app_times, 0.99)
    print(f"answers: {len(app_times)}, in blocks of {BLOCK} alternating with the baseline")
    print(f"app  median {median:.2f} ms, p99 {p99:.2f} ms, max {max(app_times):.2f} ms")
    print(f"bare median {statistics.median(bare_times):.2f} ms, p99 {percentile(bare_times, 0.99):.2f} ms")
    print(
        f"RESULT answer_commit median_ms={median:.2f} p99_ms={p99:.2f} "
        f"bare_median_ms={statistics.median(bare_times):.2f}"
    )


if __name__ == "__main__":
    main()
