"""``safety-assess --self-test``: prove an installation (a packaged build above all) works, without a screen.

In a fresh temporary data folder: load every built-in checklist, make the sample assessment, render its PDF, write
and verify a bundle, and show the main window offscreen. Prints one line per step; exit status 0 when all pass.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

Step = Callable[[Path], str]


def run_self_test(echo: Callable[[str], None] = print) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a window, with or without a screen
    from safety_assess import __version__

    echo(f"Safety Assess {__version__} self-test")
    steps: list[tuple[str, Step]] = [
        ("checklists", _checklists),
        ("sample assessment, PDF and bundle", _demo),
        ("main window", _window),
    ]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="safety-assess-self-test-") as folder:
        for name, step in steps:
            began = time.perf_counter()
            try:
                detail = step(Path(folder))
            except Exception as error:  # every failure is reported, and the next steps still run
                failed += 1
                echo(f"FAIL {name}: {type(error).__name__}: {error}")
            else:
                echo(f"ok   {name}: {detail} ({time.perf_counter() - began:.1f} s)")
    echo("self-test passed" if not failed else f"self-test FAILED ({failed} of {len(steps)} steps)")
    return 0 if not failed else 1


def _checklists(folder: Path) -> str:
    from safety_assess.base.resources import builtin_checklists_dir
    from safety_assess.domain.checklist.catalog import load_catalog

    catalog = load_catalog(builtin_checklists_dir(), None)
    if catalog.problems:
        raise RuntimeError(f"built-in checklist refused: {catalog.problems[0]}")
    count = len(catalog.entries)
    if count == 0:
        raise RuntimeError(f"no built-in checklist found in {builtin_checklists_dir()}")
    return f"{count} built-in checklists load"


def _demo(folder: Path) -> str:
    from safety_assess.base.datadir import DataDir
    from safety_assess.bundles.verify import opened_bundle
    from safety_assess.services.demo import write_demo
    from safety_assess.services.workspace import Workspace

    workspace = Workspace.open(DataDir(folder / "data"))
    try:
        files = write_demo(workspace, folder / "out")
    finally:
        workspace.close()
    if files.pages < 1 or not files.report.read_bytes().startswith(b"%PDF-"):
        raise RuntimeError(f"{files.report} is not a PDF")
    with opened_bundle(files.bundle) as bundle:
        photos = len(bundle.photos)
    return f"{files.pages}-page PDF, bundle verified with {photos} photos"


def _window(folder: Path) -> str:
    from safety_assess.base.datadir import DataDir
    from safety_assess.services.workspace import Workspace
    from safety_assess.ui.app import application
    from safety_assess.ui.main_window import MainWindow

    app = application()
    window = MainWindow(Workspace.open(DataDir(folder / "data")))
    try:
        window.show()
        app.processEvents()
        image = window.grab()
        if image.isNull() or window.model.rowCount() != 1:
            raise RuntimeError("the main window did not draw the sample campus")
        return f"drawn {image.width()}x{image.height()} on {app.platformName()}"
    finally:
        window.close()
        window.workspace.close()
