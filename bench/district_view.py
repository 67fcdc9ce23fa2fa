"""A district of 100 campuses x 5 assessments x 300 responses with 40 findings (each with an action), 20 drills a
school year over the five years: importing the 100 bundles in one go, and opening the district view.

import_s: `safety-assess bundle import` of the 100 bundles into a fresh data folder (one command; the district
figures of every assessment are computed as they come in).
open: building and showing the district window (offscreen) on that folder until its figures (read in the
background) are shown, the database already open; the median of several opens in a separate process.
bare: a QTableView showing a QStandardItemModel of the same cells, the least any table of the campuses costs.
queries: the SQL statements the open runs (counted by SQLite's trace hook), with 100 campuses and with 50
(queries_50): they must not grow with the number of campuses.
pg_import_s, pg_open: with --database-url, the same import and opens on that (empty) PostgreSQL database.
open_1000, queries_1000: the same open at 1,000 campuses x 5 assessments (--large N; 0 leaves it out), on a data
folder whose assessments are written straight into its database (importing 1,000 bundles would take an hour) and
whose district figures are computed once before (as imports do): the same goals, at most 0.5 s and as many
statements as with 100 campuses.

    python bench/district_view.py [--campuses N] [--large N] [--database-url postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from generated import generated_checklist  # beside this script
from safety_assess.base.datadir import DataDir
from safety_assess.services.workspace import Workspace
from safety_assess.storage.orm import ActionRow, FindingRow, ResponseRow
from safety_assess.storage.orm_readiness import DrillRow
from safety_assess.storage.types import utcnow

ITEMS, FINDINGS, PER_CAMPUS, OPENS = 300, 40, 5, 5
DRILLS_A_YEAR = 20
BATCH = 50
DRILL_TYPES = ("fire",) * 10 + ("lockdown", "lockdown", "shelter_in_place", "severe_weather", "reverse_evacuation")


def build(root: Path, campuses: int) -> None:
    """The laptop's data: assessments made by bulk inserts (the app's own paths would take an hour), written every
    BATCH campuses so memory stays flat."""
    workspace = Workspace.open(DataDir(root))
    snapshot = workspace.snapshots.snapshot(generated_checklist("bench-district", ITEMS, 10))
    rows: Rows = ([], [], [])
    drills: list[dict[str, Any]] = []
    for c in range(campuses):
        campus = workspace.campuses.add(f"Campus {c:03d}", f"C{c:03d}", f"{c} School Road")
        for year in range(PER_CAMPUS):
            summary = workspace.assessments.create(campus.id, snapshot.id, ["Bench"], dt.date(2022 + year, 3, 1))
            _assessment_rows(rows, summary.id, c, year)
            if year < PER_CAMPUS - 1:
                workspace.assessments.complete(summary.id, ["Bench"])
        drills += _drill_rows(campus.id)
        if (c + 1) % BATCH == 0 or c == campuses - 1:
            _insert(workspace, rows, drills)
            rows, drills = ([], [], []), []
    workspace.close()


def _drill_rows(campus_id: uuid.UUID) -> list[dict[str, Any]]:
    """DRILLS_A_YEAR drills in each of the school years of the assessments (from 1 August 2021), spread over them."""
    now, made = utcnow(), []
    for year in range(PER_CAMPUS):
        start = dt.date(2021 + year, 8, 20)
        for n in range(DRILLS_A_YEAR):
            held = start + dt.timedelta(days=n * 14)
            kind = DRILL_TYPES[n % len(DRILL_TYPES)]
            row = {"campus_id": campus_id, "type": kind, "held_on": held, "duration": 12, "participants": 400}
            made.append({**row, "id": uuid.uuid4(), "announced": n % 3 > 0, "observers": ["Bench"], "issues": ""})
            made[-1] |= {"created_at": now, "updated_at": now, "revision": 1}
    return made


Rows = tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]
"""Responses, findings and actions still to be inserted."""


def _assessment_rows(rows: Rows, assessment_id: uuid.UUID, c: int, year: int) -> None:
    responses, findings, actions = rows
    now = utcnow()
    bad = {(c * 7 + year * 13 + k * 5) % ITEMS for k in range(FINDINGS)}
    for n in range(ITEMS):
        value = "no" if n in bad else "yes"
        row = {"assessment_id": assessment_id, "item_id": f"i{n}", "value": value, "note": ""}
        responses.append({**row, "id": uuid.uuid4(), "answered_at": now, "created_at": now, "updated_at": now})
        if n in bad:
            finding_id = uuid.uuid4()
            findings.append({"id": finding_id, "assessment_id": assessment_id, "item_id": f"i{n}", "components": []})
            actions.append(
                {
                    "id": uuid.uuid4(),
                    "finding_id": finding_id,
                    "description": f"Repair control {n}",
                    "phase": ("immediate", "short_term", "long_term")[n % 3],
                    "cost_low": 1000.0,
                    "cost_high": 5000.0,
                    "status": "done" if year < PER_CAMPUS - 1 and n % 2 else "open",
                    "position": 0,
                }
            )


def _insert(workspace: Workspace, rows: Rows, drills: list[dict[str, Any]]) -> None:
    with workspace.database.session() as session:
        for table, chosen in zip((ResponseRow, FindingRow, ActionRow, DrillRow), (*rows, drills), strict=True):
            if chosen:
                session.execute(table.__table__.insert(), chosen)  # type: ignore[attr-defined]


def build_large(root: Path, campuses: int) -> None:
    """A district folder of ``campuses`` campuses written straight into its database, its figures computed once
    (as importing their bundles would have)."""
    from safety_assess.services.district import district_overview

    began = time.perf_counter()
    build(root, campuses)
    built = time.perf_counter()
    workspace = Workspace.open(DataDir(root))
    district_overview(workspace)
    workspace.close()
    done = time.perf_counter()
    print(f"made {campuses} campuses in {built - began:.0f} s, their figures in {done - built:.0f} s")


def export_bundles(root: Path, folder: Path) -> tuple[list[Path], str]:
    from safety_assess.services.bundles import export_bundle

    workspace = Workspace.open(DataDir(root))
    by_campus: dict[uuid.UUID, list[uuid.UUID]] = {}
    for summary in workspace.assessments.list():
        by_campus.setdefault(summary.campus.id, []).append(summary.id)
    paths = []
    for number, ids in enumerate(by_campus.values()):
        paths.append(folder / f"campus-{number:03d}.sabundle")
        export_bundle(workspace, ids, paths[-1])
    fingerprint = workspace.device_key.fingerprint
    workspace.close()
    return paths, fingerprint


def fingerprint_of(folder: Path) -> str:
    """The fingerprint of the laptop that signed the bundles."""
    from safety_assess.keys.device import load_or_create

    return load_or_create(DataDir(folder / "laptop").device_key).fingerprint


def import_all(root: Path, bundles: list[Path], fingerprint: str, url: str = "") -> float:
    command = [sys.executable, "-m", "safety_assess", "--data-dir", str(root), "bundle", "import"]
    command += ["--database-url", url] if url else []
    began = time.perf_counter()
    subprocess.run([*command, *map(str, bundles), "--trust", fingerprint], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def child(root: Path, url: str) -> None:
    """Open the district view several times, counting the statements of each open."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView
    from sqlalchemy import Engine, event

    from safety_assess.ui.changes import ChangeChannel
    from safety_assess.ui.district.window import DistrictWindow
    from safety_assess.ui.windows import Windows

    statements = [0]

    def traced(connection: Any, _: Any) -> None:
        if hasattr(connection, "set_trace_callback"):  # SQLite's hook sees every statement, plain SQL too
            connection.set_trace_callback(lambda _sql: statements.__setitem__(0, statements[0] + 1))

    event.listen(Engine, "connect", traced)
    app = QApplication.instance() or QApplication([])
    workspace = Workspace.open(DataDir(root), url or None)
    workspace.database  # noqa: B018  (opened before the clock starts, as when the app runs)
    opens, counts, computed = [], [], []
    channel = ChangeChannel()
    for _ in range(OPENS):
        statements[0] = 0
        began = time.perf_counter()
        window = DistrictWindow(workspace, channel, Windows(workspace, channel))
        window.show()
        waiting = QEventLoop()
        window.loaded.connect(waiting.quit)
        waiting.exec()  # the figures are read in the background; the open ends when they are shown
        app.processEvents()
        opens.append(time.perf_counter() - began)
        counts.append(statements[0])
        assert window.overview is not None
        computed.append(window.overview.computed)
        texts = [
            [window.campuses.index(r, c).data() or "" for c in range(window.campuses.columnCount())]
            for r in range(window.campuses.rowCount())
        ]
        window.close()
        window.deleteLater()
        app.processEvents()
    bare = []
    for _ in range(OPENS):
        began = time.perf_counter()
        model = QStandardItemModel(len(texts), len(texts[0]))
        for r, row in enumerate(texts):
            for c, text in enumerate(row):
                model.setItem(r, c, QStandardItem(text))
        view = QTableView()
        view.setModel(model)
        view.show()
        app.processEvents()
        bare.append(time.perf_counter() - began)
        view.close()
    workspace.close()
    print(json.dumps({"opens": opens, "statements": counts, "computed": computed, "bare": bare}))


def run_child(root: Path, url: str = "") -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", str(root), "--database-url", url]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--campuses", type=int, default=100)
    parser.add_argument("--child", metavar="ROOT", help=argparse.SUPPRESS)
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build in DIR and keep it (reused when it exists)")
    parser.add_argument("--database-url", default="", help="also measure on this empty PostgreSQL database")
    parser.add_argument("--large", type=int, default=1000, help="campuses of the large open (0: leave it out)")
    args = parser.parse_args()
    if args.child:
        child(Path(args.child), args.database_url)
        return
    half = args.campuses // 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        if (folder / "half").is_dir():
            import_s = float("nan")  # kept from an earlier run: only the opens are measured
        else:
            folder.mkdir(parents=True, exist_ok=True)
            began = time.perf_counter()
            build(folder / "laptop", args.campuses)
            bundles, fingerprint = export_bundles(folder / "laptop", folder)
            print(f"made {args.campuses} campuses and their bundles in {time.perf_counter() - began:.0f} s")
            import_s = import_all(folder / "district", bundles, fingerprint)
            import_all(folder / "half", bundles[:half], fingerprint)
        full, halved = run_child(folder / "district"), run_child(folder / "half")
        large = _large(folder / "large", args.large)
        server = ""
        if args.database_url:
            bundles = sorted(folder.glob("*.sabundle"))
            pg_import_s = import_all(folder / "server", bundles, fingerprint_of(folder), args.database_url)
            pg = run_child(folder / "server", args.database_url)
            server = f" pg_open={statistics.median(pg['opens']):.3f} pg_import_s={pg_import_s:.1f}"
            print(f"on PostgreSQL: import {pg_import_s:.1f} s, opens: {', '.join(f'{t:.3f}' for t in pg['opens'])} s")
    open_s, bare_s = statistics.median(full["opens"]), statistics.median(full["bare"])
    print(f"campuses: {args.campuses} x {PER_CAMPUS} assessments x {ITEMS} responses, {FINDINGS} findings each")
    print(f"import of {args.campuses} bundles: {import_s:.1f} s")
    print(
        f"open: {open_s * 1000:.0f} ms (all: {', '.join(f'{t * 1000:.0f}' for t in full['opens'])}); bare table "
        f"{bare_s * 1000:.0f} ms; figures computed while opening: {full['computed']}"
    )
    print(
        f"statements per open: {full['statements']} with {args.campuses} campuses, {halved['statements']} with {half}"
    )
    print(
        f"RESULT district_view open={open_s:.3f} queries={full['statements'][-1]} "
        f"queries_{half}={halved['statements'][-1]} bare={bare_s:.3f} import_s={import_s:.1f}{large}{server}"
    )


def _large(root: Path, campuses: int) -> str:
    """The opens at ``campuses`` campuses, as RESULT keys (none when ``campuses`` is 0)."""
    if not campuses:
        return ""
    if not root.is_dir():
        build_large(root, campuses)
    measured = run_child(root)
    opened = statistics.median(measured["opens"])
    print(
        f"open at {campuses} campuses: {opened * 1000:.0f} ms (all: "
        f"{', '.join(f'{t * 1000:.0f}' for t in measured['opens'])}); statements per open: {measured['statements']}; "
        f"figures computed while opening: {measured['computed']}"
    )
    return f" open_{campuses}={opened:.3f} queries_{campuses}={measured['statements'][-1]}"


if __name__ == "__main__":
    main()
