"""Start-up time: process start to main window shown, for the app and for a bare PySide6 QMainWindow.

The app opens a data folder holding 100 campuses and 500 assessments. Both programs are started the same way
(a fresh Python process, offscreen Qt platform; the time is taken when the program prints that its window
is shown, on the first event-loop turn after show()), in
alternating rounds; the median of each is reported. Both run from compiled bytecode, as an installed or packaged app
does: the project is compiled first (into its __pycache__ folders, which git ignores), since a checkout run with
PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start, which no user's app does.

    python bench/startup.py [--rounds N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import safety_assess
from safety_assess.base.datadir import DataDir
from safety_assess.services.workspace import Workspace

SHOWN_MARKER = "main-window-shown"  # what both programs print on their first event-loop turn after show()

CAMPUSES = 100
ASSESSMENTS_PER_CAMPUS = 5
BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1100, 700)
window.show()
QTimer.singleShot(0, lambda: (print("main-window-shown", flush=True), window.close()))
sys.exit(app.exec())
"""


def populate(data_dir: DataDir) -> None:
    workspace = Workspace.open(data_dir)
    try:
        checklist = workspace.catalog.get("comprehensive-facility")
        snapshot = workspace.snapshots.snapshot(checklist)
        for n in range(CAMPUSES):
            campus = workspace.campuses.add(f"Campus {n:03d}", f"C{n:03d}", f"{n} School Road")
            for year in range(ASSESSMENTS_PER_CAMPUS):
                workspace.assessments.create(campus.id, snapshot.id, ["Bench Assessor"], dt.date(2021 + year, 10, 1))
    finally:
        workspace.close()


def compiled() -> dict[str, str]:
    """The environment both programs run in, the project compiled: the offscreen platform."""
    package = Path(safety_assess.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def timed(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting the process to the line it prints once its main window is shown."""
    start = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as proc:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        shown = time.perf_counter() - start
        proc.communicate()
    if line.strip() != SHOWN_MARKER or proc.returncode != 0:
        raise SystemExit(f"{command[:3]} did not report its window shown (exit {proc.returncode}, said {line!r})")
    return shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = DataDir(Path(tmp) / "data")
        populate(data_dir)
        script = Path(sys.executable).with_name("safety-assess")  # the installed launcher, as a user starts it
        app_cmd = [str(script), "--data-dir", str(data_dir.root), "--quit-after-show"]
        bare_cmd = [sys.executable, "-c", BARE]
        env = compiled()
        timed(app_cmd, env), timed(bare_cmd, env)  # warm the file cache for both
        app_times, bare_times = [], []
        for _ in range(args.rounds):
            app_times.append(timed(app_cmd, env))
            bare_times.append(timed(bare_cmd, env))
    app, bare = statistics.median(app_times), statistics.median(bare_times)
    print(f"data: {CAMPUSES} campuses, {CAMPUSES * ASSESSMENTS_PER_CAMPUS} assessments; rounds: {args.rounds}")
    print(f"app  median {app:.3f} s  (min {min(app_times):.3f}, max {max(app_times):.3f})")
    print(f"bare median {bare:.3f} s  (min {min(bare_times):.3f}, max {max(bare_times):.3f})")
    print(f"RESULT startup app={app:.3f} bare={bare:.3f} ratio={app / bare:.2f}")


if __name__ == "__main__":
    main()
