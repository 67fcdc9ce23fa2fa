"""A finding pinned on a plan takes its band's colour, and Enter or a double-click on it opens the finding."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from safety_assess.base.jobs import Changes
from safety_assess.domain.scoring.adjust import FindingEdit
from safety_assess.domain.scoring.risk import DEFAULT_BANDS, band_for
from safety_assess.domain.sitemap.model import MarkerKind, SiteMap
from safety_assess.services import site_maps
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.site_maps import MarkerFields
from safety_assess.services.workspace import Workspace
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.maps import ask
from safety_assess.ui.maps.window import MapWindow
from tests.gui.maps.conftest import click, on_screen


def test_a_finding_pin_shows_its_band_and_opens_the_finding(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, plan: SiteMap
) -> None:
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record = PlanEditor(workspace, summary.id).add_finding("Gate left open", FindingEdit(likelihood=5, severity=5))
    _, pin = site_maps.add_marker(
        workspace, plan.id, MarkerKind.FINDING, (400, 300), MarkerFields(finding_id=record.id)
    )
    maps = window.windows.open_maps(plan.campus_id)
    assert maps is not None
    critical = QColor(band_for(25, DEFAULT_BANDS).color)
    scene = maps.scenes[plan.id]
    qtbot.waitUntil(lambda: scene.markers[pin].color == critical)  # read in the background
    QTest.mouseDClick(
        maps.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, on_screen(maps, (400, 300))
    )
    findings = window.windows.plans[summary.id]
    current = findings.current_finding()
    assert current is not None and current.id == record.id
    findings.close()
    maps.select_item(pin)
    maps.view.setFocus()
    QTest.keyClick(maps.view, Qt.Key.Key_Return)  # brought forward again, the finding chosen
    assert window.windows.plans[summary.id].current_finding().id == record.id  # type: ignore[union-attr]


def test_a_raised_finding_is_chosen_and_pinned_where_clicked(  # type: ignore[no-untyped-def]
    qtbot, maps: MapWindow, workspace: Workspace, plan: SiteMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")  # raised: 3 x 4 = 12, High
    offered: list[str] = []

    def choose(_parent: object, _title: str, _label: str, texts: list[str]) -> int:
        offered.extend(texts)
        return 0

    monkeypatch.setattr(ask, "ask_choice", choose)
    QTest.keyClick(maps.view, Qt.Key.Key_F)
    click(maps, (300, 200))
    [pin] = site_maps.get_map(workspace, plan.id).markers
    stored_finding = workspace.findings.for_item(summary.id, "door-locked", None)
    assert pin.kind is MarkerKind.FINDING and pin.finding_id == stored_finding.id
    assert offered and offered[0].startswith("2026-11-02 · High · ")
    high = QColor(band_for(12, DEFAULT_BANDS).color)
    qtbot.waitUntil(lambda: maps.scenes[plan.id].markers[pin.id].color == high)


def test_a_pin_follows_its_findings_risk_changed_elsewhere(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, plan: SiteMap
) -> None:
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    editor = PlanEditor(workspace, summary.id)
    record = editor.add_finding("Gate left open", FindingEdit(likelihood=1, severity=1))
    _, pin = site_maps.add_marker(
        workspace, plan.id, MarkerKind.FINDING, (400, 300), MarkerFields(finding_id=record.id)
    )
    maps = window.windows.open_maps(plan.campus_id)
    assert maps is not None
    item = lambda: maps.scenes[plan.id].markers[pin]  # noqa: E731
    qtbot.waitUntil(lambda: item().color == QColor(band_for(1, DEFAULT_BANDS).color))
    finding = next(f for f in load_plan(workspace, summary.id, False).findings if f.id == record.id)
    editor.adjust(finding, FindingEdit(likelihood=5, severity=5))
    window.channel.publish(Changes(plans=frozenset({summary.id})), window)
    qtbot.waitUntil(lambda: item().color == QColor(band_for(25, DEFAULT_BANDS).color))
