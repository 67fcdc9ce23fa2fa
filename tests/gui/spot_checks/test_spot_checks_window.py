"""The spot checks window, opened from the main window and the district view: a check added through the form (stored
as chosen), overdue in the warning colour, "Start the check" making the run and opening it in the walkthrough with only
the schedule's sections (the same run again while it is unfinished), a check stopped; each asserted on the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from safety_assess.domain.readiness.spot_checks import Every
from safety_assess.domain.records import Campus
from safety_assess.services import spot_checks
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.spot_checks import form
from safety_assess.ui.spot_checks.form import ScheduleAsked, ScheduleDialog
from safety_assess.ui.spot_checks.models import WARNING
from safety_assess.ui.spot_checks.window import SpotCheckWindow
from tests.gui.district.test_district_window import open_district

TODAY = dt.date.today()
CHECKLIST = "emergency-preparedness"


@pytest.fixture
def campus(workspace: Workspace) -> Campus:
    return workspace.campuses.add("Lincoln High", "LHS", "1 Main Street")


@pytest.fixture
def checks(qtbot, window: MainWindow, campus: Campus) -> SpotCheckWindow:  # type: ignore[no-untyped-def]
    """The campus's spot checks opened from the main window (File > Spot checks… on the selected campus)."""
    window.refresh(select=campus.id)
    window.actions_by_id["campus.spot_checks"].trigger()
    opened = window.windows.spot_checks[campus.id]
    qtbot.addWidget(opened)
    qtbot.waitExposed(opened)
    return opened


def test_a_check_added_in_the_form_is_stored_and_due(
    checks: SpotCheckWindow, workspace: Workspace, campus: Campus, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = ScheduleAsked(CHECKLIST, ("kit", "medical"), Every.MONTH, TODAY)
    monkeypatch.setattr(form, "ask_schedule", lambda *_: asked)
    checks.actions_by_id["check.add"].trigger()
    [stored] = spot_checks.standings(workspace, TODAY, campus.id)
    schedule = stored.standing.schedule
    assert (schedule.checklist_id, schedule.sections, schedule.every, schedule.starts) == (
        CHECKLIST, ("kit", "medical"), Every.MONTH, TODAY
    )  # fmt: skip
    assert [checks.checks.index(0, c).data() for c in range(4)] == [
        "Emergency preparedness", "kit, medical", "month", "due"
    ]  # fmt: skip
    assert "1 due, 0 overdue" in checks.heading.text()


def test_the_form_gives_the_ticked_sections(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    dialog = ScheduleDialog(None, [entry.checklist for entry in workspace.catalog.newest()])
    qtbot.addWidget(dialog)
    dialog.checklist.setCurrentIndex(dialog.checklist.findData(CHECKLIST))
    [kit] = [
        dialog.sections.item(n)
        for n in range(dialog.sections.count())
        if dialog.sections.item(n).text() == "Supplies and go-kits"
    ]
    kit.setCheckState(Qt.CheckState.Checked)
    dialog.every.setCurrentIndex(dialog.every.findData("week"))
    dialog.starts.setText("not a day")
    dialog.save()
    assert dialog.asked is None and dialog.error.text().startswith("From:")
    dialog.starts.setText(TODAY.isoformat())
    dialog.save()
    assert dialog.asked == ScheduleAsked(CHECKLIST, ("kit",), Every.WEEK, TODAY)


def test_overdue_is_shown_in_the_warning_colour(
    qtbot, window: MainWindow, workspace: Workspace, campus: Campus
) -> None:  # type: ignore[no-untyped-def]
    spot_checks.set_up(workspace, campus.id, CHECKLIST, Every.WEEK, None, TODAY - dt.timedelta(days=21), TODAY)
    opened = window.windows.open_spot_checks(campus.id)
    assert opened is not None
    qtbot.addWidget(opened)
    cell = opened.checks.index(0, 4)
    assert cell.data().startswith(("3 since", "2 since"))
    brush = cell.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == WARNING


def test_start_the_check_walks_its_sections_alone(
    qtbot, window: MainWindow, checks: SpotCheckWindow, workspace: Workspace, campus: Campus
) -> None:  # type: ignore[no-untyped-def]
    schedule = spot_checks.set_up(workspace, campus.id, CHECKLIST, Every.WEEK, ["kit"], TODAY, TODAY)
    checks.reload()
    checks.view.selectRow(0)
    checks.actions_by_id["check.start"].trigger()
    [run] = workspace.assessments.list(campus.id)
    assert spot_checks.run_sections(workspace, run.id) == ("kit",) and run.assessed_on == TODAY
    walk = window.windows.walks[run.id]
    qtbot.addWidget(walk)
    assert [s.id for s in walk.session.checklist.sections] == ["kit"]
    assert "Spot check: Supplies and go-kits" in walk.header.text()
    qtbot.waitExposed(walk)
    assert walk.grab().save(str(Path("/tmp") / "spot-check-walk.png"))
    assert checks.checks.index(0, 3).data() == "started"
    checks.actions_by_id["check.start"].trigger()  # the unfinished run again, no second one
    assert [a.id for a in workspace.assessments.list(campus.id)] == [run.id]
    assert schedule.id == spot_checks.standings(workspace, TODAY)[0].standing.schedule.id


def test_a_check_stopped_is_gone(
    checks: SpotCheckWindow, workspace: Workspace, campus: Campus, monkeypatch: pytest.MonkeyPatch
) -> None:
    spot_checks.set_up(workspace, campus.id, CHECKLIST, Every.TERM, None, TODAY, TODAY)
    checks.reload()
    checks.view.selectRow(0)
    monkeypatch.setattr(dialogs, "confirm", lambda *_: True)
    checks.actions_by_id["check.stop"].trigger()
    assert spot_checks.standings(workspace, TODAY) == [] and checks.checks.rows == []


def test_opened_from_the_district_view(qtbot, workspace: Workspace, campus: Campus) -> None:  # type: ignore[no-untyped-def]
    district = open_district(qtbot, workspace)
    district.table.selectRow(0)
    district.actions_by_id["district.spot_checks"].trigger()
    opened = district.registry.spot_checks[campus.id]  # type: ignore[attr-defined]
    qtbot.addWidget(opened)
    assert opened.campus.code == "LHS"
    opened.close()


def test_a_screenshot(qtbot, checks: SpotCheckWindow, workspace: Workspace, campus: Campus) -> None:  # type: ignore[no-untyped-def]
    spot_checks.set_up(
        workspace, campus.id, CHECKLIST, Every.WEEK, ["kit"], TODAY - dt.timedelta(days=15), TODAY, "Ana"
    )
    spot_checks.set_up(workspace, campus.id, "comprehensive-facility", Every.MONTH, None, TODAY, TODAY, "Ana")
    checks.reload()
    checks.view.selectRow(1)  # the overdue row unselected: its warning colour shows
    path = Path("/tmp") / "spot-checks-window.png"
    assert checks.grab().save(str(path))
