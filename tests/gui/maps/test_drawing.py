"""Walls, zones and the scale drawn in the site-plan window, with undo; asserted on the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from safety_assess.domain.sitemap.model import CameraSpec, MarkerKind, SiteMap
from safety_assess.services import site_maps
from safety_assess.services.site_maps import MarkerFields
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.maps import ask
from safety_assess.ui.maps.window import MapWindow
from tests.gui.maps.conftest import click, on_screen, stored


def near(points: tuple[tuple[float, float], ...], expected: list[tuple[float, float]]) -> bool:
    if len(points) != len(expected):
        return False
    return all(p == pytest.approx(e, abs=2) for p, e in zip(points, expected, strict=True))


def test_a_wall_clicked_point_by_point_and_ended_with_enter_is_stored_and_undone(
    maps: MapWindow, workspace: Workspace, plan: SiteMap
) -> None:
    QTest.keyClick(maps.view, Qt.Key.Key_W)
    corners = [(100.0, 100.0), (500.0, 100.0), (500.0, 400.0)]
    for at in corners:
        click(maps, at)
    assert stored(workspace, plan).walls == ()  # not until it is ended
    QTest.keyClick(maps.view, Qt.Key.Key_Return)
    [wall] = stored(workspace, plan).walls
    assert near(wall.points, corners) and maps.view.tool is None
    assert wall.id in maps.scenes[plan.id].walls
    maps.actions_by_id["map.undo"].trigger()
    assert stored(workspace, plan).walls == ()
    maps.actions_by_id["map.redo"].trigger()
    assert [w.id for w in stored(workspace, plan).walls] == [wall.id]


def test_escape_cancels_a_wall_and_one_point_is_not_a_wall(
    maps: MapWindow, workspace: Workspace, plan: SiteMap
) -> None:
    QTest.keyClick(maps.view, Qt.Key.Key_W)
    click(maps, (100, 100))
    QTest.keyClick(maps.view, Qt.Key.Key_Return)  # one point: the wall goes on
    assert maps.view.tool is not None
    QTest.keyClick(maps.view, Qt.Key.Key_Escape)
    assert maps.view.tool is None and stored(workspace, plan).walls == ()
    assert not [item for item in maps.scenes[plan.id].items() if item.zValue() == 20]  # no drawing left behind


def test_a_zone_ended_by_double_click_is_named_and_stored(
    maps: MapWindow, workspace: Workspace, plan: SiteMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_text", lambda *_args, **_kw: "Playground")
    QTest.keyClick(maps.view, Qt.Key.Key_Z)
    corners = [(100.0, 300.0), (300.0, 300.0), (300.0, 500.0)]
    for at in corners[:2]:
        click(maps, at)
    QTest.mouseDClick(
        maps.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, on_screen(maps, corners[2])
    )
    [zone] = stored(workspace, plan).zones
    assert zone.name == "Playground" and near(zone.points, corners)
    QTest.keyClick(maps.view, Qt.Key.Key_Tab)
    assert maps.scenes[plan.id].selected_keys() == [zone.id]  # Tab reaches zones too
    QTest.keyClick(maps.view, Qt.Key.Key_Delete)
    assert stored(workspace, plan).zones == ()
    maps.actions_by_id["map.undo"].trigger()
    assert [z.id for z in stored(workspace, plan).zones] == [zone.id]


@pytest.fixture
def metres(monkeypatch: pytest.MonkeyPatch) -> float:
    """The distance typed for a scale."""
    monkeypatch.setattr(ask, "ask_distance", lambda _parent: 25.0)
    return 25.0


def draw_scale(maps: MapWindow, first: tuple[float, float], second: tuple[float, float]) -> None:
    QTest.keyClick(maps.view, Qt.Key.Key_L)
    click(maps, first)
    click(maps, second)


def test_the_scale_from_two_clicks_and_a_distance(
    maps: MapWindow, workspace: Workspace, plan: SiteMap, metres: float
) -> None:
    draw_scale(maps, (100, 100), (600, 100))
    scale = stored(workspace, plan).scale
    assert scale is not None and scale.metres == metres
    assert scale.pixels_per_metre == pytest.approx(20, abs=0.2)
    draw_scale(maps, (100, 100), (100, 300))  # a second scale can be undone back to the first
    assert stored(workspace, plan).scale != scale
    maps.actions_by_id["map.undo"].trigger()
    assert stored(workspace, plan).scale == scale


def test_the_first_scale_is_undone_to_no_scale_and_redone(
    maps: MapWindow, workspace: Workspace, plan: SiteMap, metres: float
) -> None:
    draw_scale(maps, (100, 100), (600, 100))
    scale = stored(workspace, plan).scale
    assert scale is not None and maps.stack.count() == 1
    maps.actions_by_id["map.undo"].trigger()
    assert stored(workspace, plan).scale is None and "no scale yet" in maps.properties.text()
    maps.actions_by_id["map.redo"].trigger()
    assert stored(workspace, plan).scale == scale


def test_the_first_scale_is_kept_while_a_camera_has_a_range_in_metres(
    maps: MapWindow, workspace: Workspace, plan: SiteMap, metres: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, title, message: told.append((title, message)))
    draw_scale(maps, (100, 100), (600, 100))
    camera = MarkerFields(label="Gym", camera=CameraSpec(range_m=20.0))
    site_maps.add_marker(workspace, plan.id, MarkerKind.CAMERA, (300, 300), camera)  # elsewhere, not undoable here
    maps.actions_by_id["map.undo"].trigger()
    assert stored(workspace, plan).scale is not None
    assert told == [("Undo set scale: not done", told[0][1])] and "has a range in metres" in told[0][1]


def test_a_wall_drawn_with_the_keyboard_alone(maps: MapWindow, workspace: Workspace, plan: SiteMap) -> None:
    maps.view.zoom_by(2)  # the plan larger than the view: the arrows can move it
    QTest.keyClick(maps.view, Qt.Key.Key_W)
    first = maps.view.centre()
    QTest.keyClick(maps.view, Qt.Key.Key_Space)
    for _ in range(3):
        QTest.keyClick(maps.view, Qt.Key.Key_Right)
    second = maps.view.centre()
    QTest.keyClick(maps.view, Qt.Key.Key_Space)
    QTest.keyClick(maps.view, Qt.Key.Key_Return)
    [wall] = stored(workspace, plan).walls
    assert second[0] > first[0] and near(wall.points, [first, second])
