"""Live refresh on a shared database: a colleague's change shows in an open district window within 2 s, without a
reload; the listener stops with the main window."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.workspace import Workspace
from safety_assess.ui.district.window import DistrictWindow
from safety_assess.ui.main_window import MainWindow
from tests.gui.district.test_district_window import assess, district, shown_codes  # noqa: F401  (a fixture)

pytestmark = pytest.mark.postgres_only


def open_listening(qtbot, workspace: Workspace) -> tuple[MainWindow, DistrictWindow]:  # type: ignore[no-untyped-def]
    """The main window hearing the server, and its district window open with its figures read."""
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.start_live_refresh()
    assert main.live is not None and main.live.listener is not None
    qtbot.waitUntil(main.live.listener.listening.is_set, timeout=10_000)
    main.actions_by_id["district.view"].trigger()
    window = main.windows.district
    assert window is not None
    qtbot.waitUntil(lambda: window.overview is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not window._reading or not window._reading.is_running(), timeout=30_000)
    return main, window


def latest_shown(window: DistrictWindow, code: str, day: str) -> Callable[[], bool]:
    """Whether the campus's row shows its latest assessment on ``day``."""
    return lambda: window.campus_filter.index(shown_codes(window).index(code), 3).data() == day


def test_a_colleagues_new_assessment_shows_in_the_open_district_window(  # type: ignore[no-untyped-def]
    qtbot,
    district: Workspace,  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    main, window = open_listening(qtbot, district)
    assert main.live is not None
    listener = main.live.listener
    row = shown_codes(window).index("GRA")
    assert window.campus_filter.index(row, 3).data() == "not assessed"
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), district.target.url)  # another staff computer
    shutil.copy(district.data_dir.checklists / "every-type.yaml", colleague.data_dir.checklists)
    try:
        assess(colleague, "GRA", dt.date(2026, 5, 2), ["gate"])
    finally:
        colleague.close()

    qtbot.waitUntil(latest_shown(window, "GRA", "2026-05-02"), timeout=2000)
    main.close()
    assert main.live is not None and main.live.listener is None and not listener.running  # type: ignore[attr-defined]


def test_a_colleagues_bundle_import_refreshes_the_open_window_named_by_its_assessment(  # type: ignore[no-untyped-def]
    qtbot,
    district: Workspace,  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    laptop = Workspace.open(DataDir(tmp_path / "laptop"))  # on --postgres: a database of its own
    shutil.copy(district.data_dir.checklists / "every-type.yaml", laptop.data_dir.checklists)
    laptop.campuses.add("Grant Academy", "GRA")
    walked = assess(laptop, "GRA", dt.date(2026, 5, 3), ["gate"])
    bundle = export_bundle(laptop, [walked], tmp_path / "gra.sabundle").path
    laptop.close()
    main, window = open_listening(qtbot, district)
    told: list[Any] = []
    main.channel.subscribe(lambda changes, _origin: told.append(changes))
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), district.target.url)  # another staff computer
    try:
        import_bundle(colleague, bundle, trust=lambda _claim: True)
    finally:
        colleague.close()

    qtbot.waitUntil(latest_shown(window, "GRA", "2026-05-03"), timeout=2000)
    assert any(changes.assessments == {walked} for changes in told)  # named, not "everything may have changed"
    assert not any(changes.campuses for changes in told)
    main.close()
