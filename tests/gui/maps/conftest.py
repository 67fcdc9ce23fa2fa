"""Fixtures of the site-plan window tests: a campus with an 800 x 600 plan, and its window opened from the main
window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from safety_assess.domain.records import Campus
from safety_assess.domain.sitemap.model import Point, SiteMap
from safety_assess.services import site_maps
from safety_assess.services.workspace import Workspace
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.maps.window import MapWindow
from tests import plan_files


@pytest.fixture
def campus(workspace: Workspace) -> Campus:
    return workspace.campuses.add("Lincoln High", "LHS", "1 Main Street")


@pytest.fixture
def plan(workspace: Workspace, campus: Campus, tmp_path: Path) -> SiteMap:
    path = tmp_path / "Site.png"
    plan_files.drawing((800, 600)).save(path)
    return site_maps.add_map(workspace, campus.id, path, title="Site")


@pytest.fixture
def maps(qtbot, window: MainWindow, campus: Campus, plan: SiteMap) -> MapWindow:  # type: ignore[no-untyped-def]
    """The campus's site plans opened from the main window (Ctrl+M on the selected campus); closed with it."""
    window.refresh(select=campus.id)
    window.actions_by_id["campus.maps"].trigger()
    opened = window.windows.maps[campus.id]
    qtbot.waitExposed(opened)
    opened.view.setFocus()
    return opened


def on_screen(maps: MapWindow, at: Point) -> QPoint:
    """Where a plan point is in the view's viewport."""
    return maps.view.mapFromScene(*at)


def click(maps: MapWindow, at: Point) -> None:
    button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(maps.view.viewport(), button, none, on_screen(maps, at))


def stored(workspace: Workspace, plan: SiteMap) -> SiteMap:
    return site_maps.get_map(workspace, plan.id)
