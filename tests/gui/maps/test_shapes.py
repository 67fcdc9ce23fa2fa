"""Walls and zones edited in the site-plan window: selected, moved whole by mouse and arrow keys, a point dragged,
removed, a zone renamed; each undone; the cones and the coverage list follow. Asserted on the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from safety_assess.domain.sitemap.model import CameraSpec, MarkerKind, Point, SiteMap, Zone
from safety_assess.services import site_maps
from safety_assess.services.site_maps import MarkerFields
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.maps.shape_items import VertexHandle
from safety_assess.ui.maps.view import NUDGE_PX
from safety_assess.ui.maps.window import MapWindow
from tests.gui.maps.conftest import click, on_screen, stored

BUS_LOOP = ((600.0, 400.0), (750.0, 400.0), (750.0, 550.0), (600.0, 550.0))
"""Out of the camera's sight."""


@pytest.fixture
def drawn(workspace: Workspace, plan: SiteMap) -> SiteMap:
    """10 pixels a metre; a camera at (400, 100) looking south, a wall across its view 15 m below it, a zone off
    to the side that it does not see."""
    site_maps.set_scale(workspace, plan.id, (0, 0), (100, 0), 10)
    camera = MarkerFields(label="Cam 1", camera=CameraSpec(heading=180, fov=60, resolution=(1920, 1080)))
    site_maps.add_marker(workspace, plan.id, MarkerKind.CAMERA, (400, 100), camera)
    site_maps.add_wall(workspace, plan.id, [(200, 250), (600, 250)])
    return site_maps.add_zone(workspace, plan.id, "Bus loop", BUS_LOOP)[0]


@pytest.fixture
def shown(qtbot, maps: MapWindow, drawn: SiteMap) -> MapWindow:  # type: ignore[no-untyped-def]
    """The window showing the drawn plan, its cone drawn and its coverage listed."""
    maps.reload()
    camera = drawn.of_kind(MarkerKind.CAMERA)[0].id
    qtbot.waitUntil(lambda: camera in maps.scenes[drawn.id].cones and maps.coverage.model.rowCount() == 1)
    return maps


def drag(maps: MapWindow, start: Point, end: Point, drop: bool = True) -> None:
    """Press at ``start``, move to ``end`` in steps, and release there (unless ``drop`` is False)."""
    viewport, left, none = maps.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    begin, finish = on_screen(maps, start), on_screen(maps, end)
    QTest.mousePress(viewport, left, none, begin)
    for step in range(1, 6):
        QTest.mouseMove(viewport, begin + (finish - begin) * step / 5)
    if drop:
        QTest.mouseRelease(viewport, left, none, finish)


def release(maps: MapWindow, at: Point) -> None:
    QTest.mouseRelease(
        maps.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, on_screen(maps, at)
    )


def flat(points: tuple[Point, ...]) -> list[float]:
    return [value for point in points for value in point]


def cone_bottom(maps: MapWindow, plan: SiteMap) -> float:
    camera = plan.of_kind(MarkerKind.CAMERA)[0].id
    cones = maps.scenes[plan.id].cones.get(camera, [])  # none while it is drawn again
    return max((item.polygon().boundingRect().bottom() for item in cones), default=0.0)


def tab_to_zone(maps: MapWindow, plan: SiteMap) -> Zone:
    [zone] = plan.zones
    for _ in range(3):  # the camera, the wall, the zone
        QTest.keyClick(maps.view, Qt.Key.Key_Tab)
    assert maps.scenes[plan.id].selected_keys() == [zone.id]
    return zone


def zone_row(maps: MapWindow) -> str:
    [row] = maps.coverage.model.rows
    return row.what


def test_a_wall_clicked_then_dragged_moves_whole_and_the_cone_follows(  # type: ignore[no-untyped-def]
    qtbot, shown: MapWindow, workspace: Workspace, drawn: SiteMap
) -> None:
    [wall] = drawn.walls
    assert cone_bottom(shown, drawn) == pytest.approx(250, abs=1)
    click(shown, (300, 250))
    assert shown.scenes[drawn.id].selected_keys() == [wall.id]
    assert "Drag a white square" in shown.properties.text()
    drag(shown, (300, 250), (300, 450))
    [moved] = stored(workspace, drawn).walls
    assert flat(moved.points) == pytest.approx([200, 450, 600, 450], abs=3)
    qtbot.waitUntil(lambda: cone_bottom(shown, drawn) > 440)
    shown.actions_by_id["map.undo"].trigger()
    assert stored(workspace, drawn).walls[0].points == wall.points
    qtbot.waitUntil(lambda: 0 < cone_bottom(shown, drawn) < 260)


def test_the_cones_follow_a_dragged_wall_before_it_is_dropped(  # type: ignore[no-untyped-def]
    qtbot, shown: MapWindow, workspace: Workspace, drawn: SiteMap
) -> None:
    click(shown, (300, 250))
    drag(shown, (300, 250), (300, 450), drop=False)
    qtbot.waitUntil(lambda: cone_bottom(shown, drawn) > 440)  # behind the wall where it is now
    assert stored(workspace, drawn).walls == drawn.walls  # nothing stored yet
    release(shown, (300, 450))
    assert flat(stored(workspace, drawn).walls[0].points) == pytest.approx([200, 450, 600, 450], abs=3)


def test_a_wall_dropped_off_the_plan_goes_back_with_the_cones(  # type: ignore[no-untyped-def]
    qtbot, shown: MapWindow, workspace: Workspace, drawn: SiteMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "show_error", lambda *_args: None)
    click(shown, (300, 250))
    drag(shown, (300, 250), (300, 400), drop=False)
    qtbot.waitUntil(lambda: cone_bottom(shown, drawn) > 390)
    drag_end = (300, 640)  # the wall's points below the plan
    QTest.mouseMove(shown.view.viewport(), on_screen(shown, drag_end))
    release(shown, drag_end)
    assert stored(workspace, drawn).walls == drawn.walls
    qtbot.waitUntil(lambda: 0 < cone_bottom(shown, drawn) < 260)  # cut by the wall where it is stored


def test_the_coverage_list_follows_a_dragged_point_before_it_is_dropped(  # type: ignore[no-untyped-def]
    qtbot, shown: MapWindow, workspace: Workspace, drawn: SiteMap
) -> None:
    shown.select_item(drawn.zones[0].id)
    drag(shown, BUS_LOOP[0], (400, 200), drop=False)
    qtbot.waitUntil(lambda: shown.coverage.model.rows[0].covered)
    assert stored(workspace, drawn).zones == drawn.zones
    release(shown, (400, 200))
    assert stored(workspace, drawn).zones[0].points[0] == pytest.approx((400, 200), abs=3)


def test_the_drag_that_selects_a_zone_does_not_move_it(shown: MapWindow, workspace: Workspace, drawn: SiteMap) -> None:
    [zone] = drawn.zones
    drag(shown, (680, 480), (500, 300))
    assert stored(workspace, drawn).zones == (zone,) and shown.stack.count() == 0
    assert shown.scenes[drawn.id].selected_keys() == [zone.id]


def test_arrow_keys_move_the_chosen_zone_and_undo_puts_it_back(
    shown: MapWindow, workspace: Workspace, drawn: SiteMap
) -> None:
    zone = tab_to_zone(shown, drawn)
    QTest.keyClick(shown.view, Qt.Key.Key_Left)
    QTest.keyClick(shown.view, Qt.Key.Key_Up)
    step = NUDGE_PX / shown.view.zoom
    [moved] = stored(workspace, drawn).zones
    assert flat(moved.points) == pytest.approx([value - step for value in flat(BUS_LOOP)], abs=0.01)
    assert shown.scenes[drawn.id].selected_keys() == [zone.id]  # still chosen: the arrows go on moving it
    shown.actions_by_id["map.undo"].trigger()
    shown.actions_by_id["map.undo"].trigger()
    assert stored(workspace, drawn).zones[0].points == BUS_LOOP


def test_one_point_chosen_with_brackets_is_moved_alone_by_the_arrows(
    shown: MapWindow, workspace: Workspace, drawn: SiteMap
) -> None:
    zone, step = tab_to_zone(shown, drawn), NUDGE_PX / shown.view.zoom
    for _ in range(2):
        QTest.keyClick(shown.view, Qt.Key.Key_BracketRight)
    assert shown.statusBar().currentMessage().startswith("Point 2 of 4 chosen")
    QTest.keyClick(shown.view, Qt.Key.Key_Down)
    QTest.keyClick(shown.view, Qt.Key.Key_Down)  # the same point still: the plan shown again keeps it chosen
    corner = (BUS_LOOP[1][0], BUS_LOOP[1][1] + 2 * step)
    assert flat(stored(workspace, drawn).zones[0].points) == pytest.approx(flat((BUS_LOOP[0], corner, *BUS_LOOP[2:])))
    QTest.keyClick(shown.view, Qt.Key.Key_BracketLeft)  # back to the first point
    QTest.keyClick(shown.view, Qt.Key.Key_Left)
    assert stored(workspace, drawn).zones[0].points[0] == pytest.approx((BUS_LOOP[0][0] - step, BUS_LOOP[0][1]))
    QTest.keyClick(shown.view, Qt.Key.Key_Escape)  # the whole zone again
    before = stored(workspace, drawn).zones[0].points
    QTest.keyClick(shown.view, Qt.Key.Key_Up)
    after = stored(workspace, drawn).zones[0].points
    assert flat(after) == pytest.approx([v - step if n % 2 else v for n, v in enumerate(flat(before))])
    assert shown.scenes[drawn.id].selected_keys() == [zone.id]
    for _ in range(4):
        shown.actions_by_id["map.undo"].trigger()
    assert stored(workspace, drawn).zones[0].points == BUS_LOOP


def test_a_point_chosen_is_forgotten_when_another_item_is_chosen(shown: MapWindow, drawn: SiteMap) -> None:
    shown.select_item(drawn.walls[0].id)
    QTest.keyClick(shown.view, Qt.Key.Key_BracketRight)
    scene = shown.scenes[drawn.id]
    assert scene.chosen_point == (drawn.walls[0].id, 0)
    QTest.keyClick(shown.view, Qt.Key.Key_Tab)
    assert scene.chosen_point is None and scene.walls[drawn.walls[0].id].chosen is None


def test_a_zones_corner_dragged_and_the_coverage_list_follows(  # type: ignore[no-untyped-def]
    qtbot, shown: MapWindow, workspace: Workspace, drawn: SiteMap
) -> None:
    [zone] = drawn.zones
    assert zone_row(shown) == "Zone: Bus loop" and not shown.coverage.model.rows[0].covered
    shown.select_item(zone.id)
    handles = [item for item in shown.scenes[drawn.id].items() if isinstance(item, VertexHandle)]
    assert len(handles) == 4
    drag(shown, BUS_LOOP[0], (400, 200))  # the first corner into the camera's view, before the wall
    [moved] = stored(workspace, drawn).zones
    assert moved.points[0] == pytest.approx((400, 200), abs=3) and moved.points[1:] == BUS_LOOP[1:]
    qtbot.waitUntil(lambda: shown.coverage.model.rows[0].covered)
    assert shown.coverage.model.rows[0].seen_by[0].startswith("Cam 1")
    shown.actions_by_id["map.undo"].trigger()
    assert stored(workspace, drawn).zones[0].points == BUS_LOOP
    qtbot.waitUntil(lambda: not shown.coverage.model.rows[0].covered)


def test_a_point_dragged_off_the_plan_is_refused_and_shown_where_it_is_stored(
    shown: MapWindow, workspace: Workspace, drawn: SiteMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, message: told.append(message))
    [zone] = drawn.zones
    shown.select_item(zone.id)
    drag(shown, BUS_LOOP[1], (830, 400))
    assert stored(workspace, drawn).zones == (zone,) and shown.stack.count() == 0
    assert len(told) == 1 and "outside the plan" in told[0]
    item = shown.scenes[drawn.id].zones[zone.id]
    assert not item.edited() and item.edited_points() == BUS_LOOP


def test_delete_removes_a_wall_and_undo_brings_it_back(shown: MapWindow, workspace: Workspace, drawn: SiteMap) -> None:
    [wall] = drawn.walls
    click(shown, (500, 250))
    QTest.keyClick(shown.view, Qt.Key.Key_Delete)
    assert stored(workspace, drawn).walls == ()
    assert wall.id not in shown.scenes[drawn.id].walls
    shown.actions_by_id["map.undo"].trigger()
    assert stored(workspace, drawn).walls == (wall,)


@pytest.mark.parametrize("key", [Qt.Key.Key_F2, Qt.Key.Key_Return])
def test_a_zone_is_renamed_with_f2_or_enter_and_undo_gives_its_name_back(  # type: ignore[no-untyped-def]
    qtbot, shown: MapWindow, workspace: Workspace, drawn: SiteMap, monkeypatch: pytest.MonkeyPatch, key: Qt.Key
) -> None:
    asked: list[str] = []

    def answer(_parent: object, _title: str, _label: str, text: str = "") -> str:
        asked.append(text)
        return "Front office"

    monkeypatch.setattr(dialogs, "ask_text", answer)
    [zone] = drawn.zones
    shown.select_item(zone.id)
    QTest.keyClick(shown.view, key)
    assert asked == ["Bus loop"] and stored(workspace, drawn).zones[0].name == "Front office"
    qtbot.waitUntil(lambda: zone_row(shown) == "Zone: Front office")
    shown.actions_by_id["map.undo"].trigger()
    assert stored(workspace, drawn).zones[0].name == "Bus loop"


def test_a_double_click_on_a_zones_name_renames_it(
    shown: MapWindow, workspace: Workspace, drawn: SiteMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_text", lambda *_args: "Bus lane")
    middle = on_screen(shown, (675, 475))  # where the name is written
    QTest.mouseDClick(shown.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    assert stored(workspace, drawn).zones[0].name == "Bus lane"


def test_a_wall_has_no_name_to_ask(shown: MapWindow, drawn: SiteMap, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "ask_text", lambda *_args: pytest.fail("a wall has no name"))
    shown.select_item(drawn.walls[0].id)
    QTest.keyClick(shown.view, Qt.Key.Key_F2)
    assert shown.stack.count() == 0 and "A wall has no name" in shown.statusBar().currentMessage()
