"""The district window driven like a person would, asserted on what it shows and on the database."""

from __future__ import annotations

import datetime as dt
import uuid
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel

from safety_assess.base.datadir import DataDir
from safety_assess.domain.plan.actions import Action, Status
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.district import follow_up
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.district.window import DistrictWindow
from safety_assess.ui.main_window import MainWindow
from tests.settings import change_settings


def assess(workspace: Workspace, code: str, day: dt.date, deficient: list[str], cost: float = 0) -> uuid.UUID:
    summary = start_assessment(workspace, code, "every-type", ["Ana"], day)
    record_answer(workspace, summary.id, "door-locked", "no" if "door-locked" in deficient else "yes")
    record_answer(workspace, summary.id, "gate", "fail" if "gate" in deficient else "pass")
    if cost:
        plan = load_plan(workspace, summary.id)
        door = plan.finding("item:door-locked:")
        PlanEditor(workspace, summary.id).add_action(
            door, Action(door.key, f"Rekey {code}", "immediate", cost, 2 * cost), plan.phases
        )
    return summary.id


@pytest.fixture
def district(workspace: Workspace) -> Workspace:
    for name, code in (("Lincoln High", "LHS"), ("Adams Elementary", "AES"), ("Grant Academy", "GRA")):
        workspace.campuses.add(name, code)
    assess(workspace, "LHS", dt.date(2025, 3, 1), ["door-locked", "gate"])
    assess(workspace, "LHS", dt.date(2026, 3, 1), ["door-locked"], cost=500)
    assess(workspace, "AES", dt.date(2026, 4, 1), [])
    return workspace


def open_district(qtbot, workspace: Workspace) -> DistrictWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.actions_by_id["district.view"].trigger()
    window = main.windows.district
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.overview is not None, timeout=30_000)  # read in the background
    return window


def shown_codes(window: DistrictWindow) -> list[str]:
    model = window.campus_filter
    return [model.index(row, 2).data() for row in range(model.rowCount())]


def test_campuses_ranked_with_history_trend_and_filters(qtbot, district: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = open_district(qtbot, district)
    assert shown_codes(window) == ["LHS", "AES", "GRA"]
    assert (
        window.campus_filter.index(0, 3).data() == "2026-03-01"
        and window.campus_filter.index(2, 3).data() == "not assessed"
    )
    assert "3 campuses, 2 assessed" in window.totals.text() and "$500" in window.totals.text()
    assert window.history.rowCount() == 2 and window.history.index(0, 0).data() == "2026-03-01"
    assert [a.summary.assessed_on.year for a in window.trend.history] == [2025, 2026]
    window.table.selectRow(1)
    assert window.history.rowCount() == 1 and "Adams Elementary" in window.campus_title.text()
    qtbot.keyClicks(window.search, "gra")
    assert shown_codes(window) == ["GRA"]
    window.search.clear()
    window.only_severe.setChecked(True)
    assert shown_codes(window) == ["LHS"]


def test_staff_follow_up_actions_recorded_with_who(qtbot, district: Workspace) -> None:  # type: ignore[no-untyped-def]
    change_settings(district, assessor_name="District facilities")
    assess(district, "AES", dt.date(2026, 5, 1), ["door-locked"], cost=1000)
    window = open_district(qtbot, district)
    with qtbot.waitSignal(window.actionsLoaded, timeout=30_000):
        window.tabs.setCurrentIndex(1)
    assert window.actions_filter.rowCount() == 2
    window.filters["campus"].setCurrentIndex(window.filters["campus"].findData("AES"))
    assert window.actions_filter.rowCount() == 1 and "1 action shown" in window.action_totals.text()
    assert "$1,000–$2,000" in window.action_totals.text()
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.actions_view.selectionModel().select(window.actions_filter.index(0, 0), flags)
    assessment_id = window.actions_filter.shown()[0].assessment_id
    with qtbot.waitSignal(window.actionsLoaded, timeout=30_000):  # read again in the background
        window.actions_by_id["district.done"].trigger()
    [stored] = district.findings.actions(assessment_id)
    assert stored.status == Status.DONE and stored.status_changed_by == "District facilities"
    assert window.filters["campus"].currentData() == "AES"  # the filter is kept across the reload
    assert "Not done, by phase: none" in window.action_totals.text()
    window.filters["status"].setCurrentIndex(window.filters["status"].findData("done"))
    assert window.actions_filter.rowCount() == 1


def test_a_colleagues_change_since_the_list_was_loaded_is_not_overwritten(  # type: ignore[no-untyped-def]
    qtbot, district: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: errors.append(text))
    window = open_district(qtbot, district)
    with qtbot.waitSignal(window.actionsLoaded, timeout=30_000):
        window.tabs.setCurrentIndex(1)
    [listed] = window.actions_filter.shown()
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), district.target.url)  # the same shared database
    try:
        follow_up(colleague, listed, Status.DEFERRED, by="Ben")
    finally:
        colleague.close()
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.actions_view.selectionModel().select(window.actions_filter.index(0, 0), flags)
    with qtbot.waitSignal(window.actionsLoaded, timeout=30_000):
        window.actions_by_id["district.done"].trigger()
    [stored] = district.findings.actions(listed.assessment_id)
    assert (stored.status, stored.status_changed_by) == (Status.DEFERRED, "Ben")
    assert len(errors) == 1 and "changed by Ben since the list was loaded (now deferred)" in errors[0]
    assert [a.line.status for a in window.actions_filter.shown()] == ["deferred"]  # the list shows it now


def test_district_report_and_campus_pack_from_the_window(  # type: ignore[no-untyped-def]
    qtbot, district: Workspace, tmp_path, monkeypatch
) -> None:
    report, pack = tmp_path / "district.pdf", tmp_path / "pack.sabundle"
    targets = iter([report, pack])
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, title, suggested, file_filter: next(targets))
    messages: list[str] = []
    monkeypatch.setattr(dialogs, "show_message", lambda parent, title, text: messages.append(text))
    window = open_district(qtbot, district)
    window.actions_by_id["district.report"].trigger()
    qtbot.waitUntil(lambda: bool(window.registry.previews), timeout=30_000)
    [preview] = window.registry.previews  # registered like the other windows, until closed
    assert report.read_bytes().startswith(b"%PDF-")
    preview.close()
    qtbot.waitUntil(lambda: not window.registry.previews)
    window.table.selectRow(0)  # Lincoln High, the most at risk
    window.actions_by_id["district.pack"].trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    assert messages[0].startswith(f"Wrote {pack}") and zipfile.is_zipfile(pack)
    with zipfile.ZipFile(pack) as archive:
        latest = window.campuses.rows[0].latest
        assert latest is not None and f"assessments/{latest.summary.id}.json" in archive.namelist()


def test_the_main_window_says_where_the_data_lives(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    shown = main.statusBar().currentMessage()
    if workspace.shared:  # pytest --postgres
        assert main.windowTitle() == f"Safety Assess — shared database {workspace.target}"
        assert shown.startswith("Shared database: postgresql+psycopg://") and str(workspace.data_dir.root) in shown
    else:
        assert main.windowTitle() == "Safety Assess" and shown == f"Data folder: {workspace.data_dir.root}"


def test_reading_asked_for_again_while_it_runs_follows_it_never_beside_it(  # type: ignore[no-untyped-def]
    qtbot, district: Workspace
) -> None:
    window = open_district(qtbot, district)
    loads: list[None] = []
    window.loaded.connect(lambda: loads.append(None))
    reading = "Reading the district's figures"
    window.reload()
    window.reload()  # asked again before the first reading ended (the channel does this when answers come in)
    window.reload()
    assert [o.title for o in window.operations.running()].count(reading) == 1
    qtbot.waitUntil(lambda: len(loads) == 2 and not window.operations.running(), timeout=30_000)
    assert len(loads) == 2  # one reading, then one more for everything asked meanwhile
