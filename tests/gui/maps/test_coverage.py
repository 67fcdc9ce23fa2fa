"""The coverage list and the cones: doors and zones no camera sees listed first and marked, a row chosen selects its
item on the plan, a camera moved is shown seeing what it now sees, and a wall cuts the cone drawn."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from safety_assess.domain.sitemap.model import CameraSpec, MarkerKind, SiteMap
from safety_assess.services import site_maps
from safety_assess.services.site_maps import MarkerFields
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.maps.models import UNSEEN_COLOR
from safety_assess.ui.maps.window import MapWindow
from tests.gui.maps.conftest import on_screen

SOUTH = CameraSpec(heading=180, fov=60, range_m=None, resolution=(1920, 1080))


@pytest.fixture
def scaled(workspace: Workspace, plan: SiteMap) -> SiteMap:
    """10 pixels a metre; a camera at (400, 100) looking south; door 1 below it, door 2 out of its sight."""
    site_maps.set_scale(workspace, plan.id, (0, 0), (100, 0), 10)
    site_maps.add_marker(workspace, plan.id, MarkerKind.CAMERA, (400, 100), MarkerFields(label="Cam 1", camera=SOUTH))
    site_maps.add_marker(workspace, plan.id, MarkerKind.EXTERIOR_DOOR, (400, 250))
    changed, _ = site_maps.add_marker(workspace, plan.id, MarkerKind.EXTERIOR_DOOR, (750, 550))
    return changed


def door(plan: SiteMap, number: int) -> uuid.UUID:
    return next(m.id for m in plan.of_kind(MarkerKind.EXTERIOR_DOOR) if m.number == number)


def open_maps(qtbot, window: MainWindow, plan: SiteMap) -> MapWindow:  # type: ignore[no-untyped-def]
    maps = window.windows.open_maps(plan.campus_id)
    assert maps is not None
    qtbot.waitUntil(lambda: maps.coverage.model.rowCount() > 0)
    return maps


def test_unseen_doors_come_first_marked_and_a_row_selects_the_door(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, scaled: SiteMap
) -> None:
    maps = open_maps(qtbot, window, scaled)
    rows = maps.coverage.model.rows
    assert [row.id for row in rows] == [door(scaled, 2), door(scaled, 1)]
    assert not rows[0].covered and rows[1].seen_by == ("Cam 1 (observation)",)  # 15 m away at 1920 px over 60°
    background = maps.coverage.model.data(maps.coverage.model.index(0, 0), 8)  # BackgroundRole
    assert background.color().name() == UNSEEN_COLOR
    assert "1 of 2 doors" in maps.coverage.summary.text()
    maps.coverage.table.selectRow(0)
    assert maps.scenes[scaled.id].selected_keys() == [door(scaled, 2)]


def test_a_camera_moved_is_shown_seeing_what_it_now_sees(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, scaled: SiteMap
) -> None:
    maps = open_maps(qtbot, window, scaled)
    camera = scaled.of_kind(MarkerKind.CAMERA)[0]
    maps.editing.move_marker(camera.id, (700, 450))  # as a drag ends: now above door 2, door 1 behind it
    assert site_maps.get_map(workspace, scaled.id).marker(camera.id).position == (700, 450)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: maps.coverage.model.rows[0].id == door(scaled, 1))
    assert [row.covered for row in maps.coverage.model.rows] == [False, True]
    assert "1 of 2 doors" in maps.coverage.summary.text()


def test_a_wall_cuts_the_cone_drawn(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, scaled: SiteMap
) -> None:
    maps = open_maps(qtbot, window, scaled)
    scene = maps.scenes[scaled.id]
    camera = scaled.of_kind(MarkerKind.CAMERA)[0].id
    qtbot.waitUntil(lambda: camera in scene.cones)
    assert max(item.polygon().boundingRect().bottom() for item in scene.cones[camera]) > 300
    site_maps.add_wall(workspace, scaled.id, [(200, 200), (600, 200)])  # across its view, 10 m below it
    maps.reload()
    qtbot.waitUntil(lambda: camera in scene.cones)
    assert max(item.polygon().boundingRect().bottom() for item in scene.cones[camera]) == pytest.approx(200, abs=1)
    assert [row.covered for row in maps.coverage.model.rows] == [False, False]


def test_a_dragged_camera_shows_what_it_sees_before_it_is_dropped(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, scaled: SiteMap
) -> None:
    maps = open_maps(qtbot, window, scaled)
    camera = scaled.of_kind(MarkerKind.CAMERA)[0]
    scene = maps.scenes[scaled.id]
    qtbot.waitUntil(lambda: camera.id in scene.cones)
    viewport = maps.view.viewport()
    start, end = on_screen(maps, camera.position), on_screen(maps, (700, 450))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, end)
    qtbot.waitUntil(lambda: maps.coverage.model.rows[0].id == door(scaled, 1))  # door 2 seen, door 1 not
    assert min(item.polygon().boundingRect().top() for item in scene.cones[camera.id]) >= 440  # the cone came along
    assert site_maps.get_map(workspace, scaled.id).marker(camera.id) == camera  # nothing stored yet
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    moved = site_maps.get_map(workspace, scaled.id).marker(camera.id)
    assert moved is not None and moved.position == pytest.approx((700, 450), abs=3)


def test_a_camera_dropped_outside_the_plan_goes_back_with_its_cone(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, scaled: SiteMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "show_error", lambda *_args: None)
    maps = open_maps(qtbot, window, scaled)
    camera = scaled.of_kind(MarkerKind.CAMERA)[0]
    scene = maps.scenes[scaled.id]
    qtbot.waitUntil(lambda: camera.id in scene.cones)
    viewport = maps.view.viewport()
    start, end = on_screen(maps, camera.position), on_screen(maps, (-25, 100))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert site_maps.get_map(workspace, scaled.id).marker(camera.id) == camera
    item = scene.markers[camera.id]
    assert (item.pos().x(), item.pos().y()) == camera.position
    qtbot.waitUntil(lambda: camera.id in scene.cones)
    assert min(i.polygon().boundingRect().left() for i in scene.cones[camera.id]) > 0
