"""The map window's parts: its models pass Qt's checks, no key has two meanings, a large plan is read in the
background at no more than 4096 pixels, and a turned plan shows turned."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from safety_assess.domain.records import Campus
from safety_assess.domain.sitemap.model import CameraSpec, MarkerKind, SiteMap
from safety_assess.services import site_maps
from safety_assess.services.site_maps import MarkerFields
from safety_assess.services.workspace import Workspace
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.maps.image import MAX_SIDE
from safety_assess.ui.maps.window import MapWindow
from tests.gui.test_keyboard_clashes import clashes


def test_the_models_pass_qt_model_checks(  # type: ignore[no-untyped-def]
    qtmodeltester, maps: MapWindow, workspace: Workspace, plan: SiteMap
) -> None:
    site_maps.set_scale(workspace, plan.id, (0, 0), (100, 0), 10)
    site_maps.add_marker(workspace, plan.id, MarkerKind.CAMERA, (400, 100), MarkerFields(camera=CameraSpec(180)))
    site_maps.add_marker(workspace, plan.id, MarkerKind.EXTERIOR_DOOR, (400, 250))
    site_maps.add_zone(workspace, plan.id, "Playground", [(10, 10), (100, 10), (100, 100)])
    maps.reload()
    maps.coverage.show_report(maps.seen.report(maps.current))  # type: ignore[arg-type]
    assert maps.coverage.model.rowCount() == 2
    qtmodeltester.check(maps.plans_model)
    qtmodeltester.check(maps.coverage.model)


def test_no_key_has_two_meanings_in_the_map_window(maps: MapWindow) -> None:
    assert clashes(maps) == []


def test_a_large_plan_is_read_in_the_background_no_larger_than_4096_pixels(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, campus: Campus, tmp_path: Path
) -> None:
    path = tmp_path / "Scan.png"
    Image.new("RGB", (6000, 1500), "white").save(path)  # 9 megapixels: read off the UI thread
    large = site_maps.add_map(workspace, campus.id, path)
    maps = window.windows.open_maps(campus.id)
    assert maps is not None
    scene = maps.scenes[large.id]
    qtbot.waitUntil(lambda: not scene.image_item.pixmap().isNull(), timeout=30_000)
    pixmap = scene.image_item.pixmap()
    assert (pixmap.width(), pixmap.height()) == (MAX_SIDE, 1024)
    assert scene.image_item.sceneBoundingRect().width() == 6000  # drawn at the plan's size


def test_a_turned_plan_shows_turned_and_arrows_move_as_seen(
    maps: MapWindow, workspace: Workspace, plan: SiteMap
) -> None:
    _, door = site_maps.add_marker(workspace, plan.id, MarkerKind.DOOR, (400, 300))
    maps.actions_by_id["map.rotate"].trigger()  # a quarter turn clockwise: the image's up is the screen's right
    assert site_maps.get_map(workspace, plan.id).rotation == 90
    top_left, right = maps.view.mapFromScene(0, 0), maps.view.mapFromScene(100, 0)
    assert right.y() > top_left.y() and abs(right.x() - top_left.x()) <= 1  # image x runs down the screen
    maps.select_item(door)
    before = site_maps.get_map(workspace, plan.id).marker(door)
    QTest.keyClick(maps.view, Qt.Key.Key_Down)  # down on screen: along the image's x
    after = site_maps.get_map(workspace, plan.id).marker(door)
    assert before is not None and after is not None
    assert after.x > before.x and after.y == before.y
