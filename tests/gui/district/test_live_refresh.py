"""Live refresh on a shared database: a colleague's change shows in an open district window within 2 s, without a
reload; the listener stops with the main window."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.services.workspace import Workspace
from safety_assess.ui.main_window import MainWindow
from tests.gui.district.test_district_window import assess, district, shown_codes  # noqa: F401  (a fixture)

pytestmark = pytest.mark.postgres_only


def test_a_colleagues_new_assessment_shows_in_the_open_district_window(  # type: ignore[no-untyped-def]
    qtbot,
    district: Workspace,  # noqa: F811  (the fixture imported above)
    tmp_path: Path,
) -> None:
    main = MainWindow(district)
    qtbot.addWidget(main)
    main.start_live_refresh()
    assert main.live is not None and main.live.listener is not None
    listener = main.live.listener
    qtbot.waitUntil(listener.listening.is_set, timeout=10_000)
    main.actions_by_id["district.view"].trigger()
    window = main.windows.district
    assert window is not None
    qtbot.waitUntil(lambda: window.overview is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not window._reading or not window._reading.is_running(), timeout=30_000)
    row = shown_codes(window).index("GRA")
    assert window.campus_filter.index(row, 3).data() == "not assessed"
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), district.target.url)  # another staff computer
    shutil.copy(district.data_dir.checklists / "every-type.yaml", colleague.data_dir.checklists)
    try:
        assess(colleague, "GRA", dt.date(2026, 5, 2), ["gate"])
    finally:
        colleague.close()

    def shows_it() -> bool:
        row = shown_codes(window).index("GRA")
        return bool(window.campus_filter.index(row, 3).data() == "2026-05-02")

    qtbot.waitUntil(shows_it, timeout=2000)
    main.close()
    assert main.live is not None and main.live.listener is None and not listener.running  # type: ignore[attr-defined]
