"""Markers placed, moved and removed by mouse and keyboard in the site-plan window, with undo; asserted on the
database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from safety_assess.base.jobs import Changes
from safety_assess.domain.sitemap.model import CameraSpec, Marker, MarkerKind, SiteMap
from safety_assess.services.assessments import start_assessment
from safety_assess.services.site_maps import MarkerFields
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.maps import ask
from safety_assess.ui.maps.view import BIG_NUDGE_PX, NUDGE_PX
from safety_assess.ui.maps.window import MapWindow
from tests.gui.maps.conftest import click, on_screen, stored


def test_a_camera_placed_by_clicking_is_stored_where_clicked_and_undone(  # type: ignore[no-untyped-def]
    qtbot, maps: MapWindow, workspace: Workspace, plan: SiteMap
) -> None:
    maps.actions_by_id["map.place_camera"].trigger()
    click(maps, (200, 150))
    [camera] = stored(workspace, plan).markers
    assert camera.kind is MarkerKind.CAMERA and camera.camera is not None
    assert camera.x == pytest.approx(200, abs=2) and camera.y == pytest.approx(150, abs=2)
    assert maps.scenes[plan.id].selected_keys() == [camera.id]  # placed and chosen
    qtbot.waitUntil(lambda: camera.id in maps.scenes[plan.id].cones)  # its cone is drawn soon after
    maps.actions_by_id["map.undo"].trigger()
    assert stored(workspace, plan).markers == ()
    maps.actions_by_id["map.redo"].trigger()
    assert [m.id for m in stored(workspace, plan).markers] == [camera.id]


def test_a_marker_placed_by_keyboard_goes_to_the_middle_of_the_view(
    maps: MapWindow, workspace: Workspace, plan: SiteMap
) -> None:
    maps.kind.setCurrentIndex(maps.kind.findData(MarkerKind.AED.value))
    QTest.keyClick(maps.view, Qt.Key.Key_M)
    QTest.keyClick(maps.view, Qt.Key.Key_Return)
    [aed] = stored(workspace, plan).markers
    middle = maps.view.centre()
    assert aed.kind is MarkerKind.AED and (aed.x, aed.y) == pytest.approx(middle, abs=1)


def test_escape_leaves_placing_without_a_marker(maps: MapWindow, workspace: Workspace, plan: SiteMap) -> None:
    QTest.keyClick(maps.view, Qt.Key.Key_D)
    assert maps.view.tool is not None
    QTest.keyClick(maps.view, Qt.Key.Key_Escape)
    click(maps, (100, 100))
    assert maps.view.tool is None and stored(workspace, plan).markers == ()


def test_a_marker_dragged_with_the_mouse_moves_and_undo_puts_it_back(
    maps: MapWindow, workspace: Workspace, plan: SiteMap
) -> None:
    maps.actions_by_id["map.place_door"].trigger()
    click(maps, (300, 300))
    [door] = stored(workspace, plan).markers
    viewport = maps.view.viewport()
    start, end = on_screen(maps, door.position), on_screen(maps, (400, 250))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    moved = stored(workspace, plan).marker(door.id)
    assert moved is not None and (moved.x, moved.y) == pytest.approx((400, 250), abs=3)
    maps.actions_by_id["map.undo"].trigger()
    back = stored(workspace, plan).marker(door.id)
    assert back is not None and back.position == door.position


def test_arrow_keys_move_the_chosen_marker_and_shift_moves_it_further(
    maps: MapWindow, workspace: Workspace, plan: SiteMap
) -> None:
    maps.actions_by_id["map.place_door"].trigger()
    click(maps, (300, 300))
    [door] = stored(workspace, plan).markers
    step = NUDGE_PX / maps.view.zoom
    QTest.keyClick(maps.view, Qt.Key.Key_Right)
    QTest.keyClick(maps.view, Qt.Key.Key_Up)
    QTest.keyClick(maps.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    moved = stored(workspace, plan).marker(door.id)
    assert moved is not None
    assert (moved.x, moved.y) == pytest.approx((door.x + step, door.y - step + BIG_NUDGE_PX / maps.view.zoom))
    for _ in range(3):
        maps.actions_by_id["map.undo"].trigger()
    back = stored(workspace, plan).marker(door.id)
    assert back is not None and back.position == pytest.approx(door.position)


def test_delete_removes_the_chosen_marker_and_undo_brings_it_back(
    maps: MapWindow, workspace: Workspace, plan: SiteMap
) -> None:
    maps.actions_by_id["map.place_camera"].trigger()
    click(maps, (200, 200))
    [camera] = stored(workspace, plan).markers
    QTest.keyClick(maps.view, Qt.Key.Key_Delete)
    assert stored(workspace, plan).markers == ()
    assert camera.id not in maps.scenes[plan.id].markers and camera.id not in maps.scenes[plan.id].cones
    maps.actions_by_id["map.undo"].trigger()
    assert [m.id for m in stored(workspace, plan).markers] == [camera.id]


def test_tab_goes_from_marker_to_marker(maps: MapWindow, workspace: Workspace, plan: SiteMap) -> None:
    for at in ((100, 100), (200, 200)):
        maps.actions_by_id["map.place_door"].trigger()
        click(maps, at)
    scene = maps.scenes[plan.id]
    first = scene.selected_keys()
    QTest.keyClick(maps.view, Qt.Key.Key_Tab)
    second = scene.selected_keys()
    QTest.keyClick(maps.view, Qt.Key.Key_Tab)
    assert len(second) == 1 and second != first and scene.selected_keys() == first


def test_f2_edits_a_cameras_label_heading_and_range_and_undo_puts_them_back(
    maps: MapWindow, workspace: Workspace, plan: SiteMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    maps.actions_by_id["map.place_camera"].trigger()
    click(maps, (200, 200))
    [placed] = stored(workspace, plan).markers
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"])
    WalkSession(workspace, summary.id).add_instance("camera", "Camera 4 - gym doors")
    asked: list[str] = []

    def answer(_parent: object, marker: Marker, instances: list[str]) -> MarkerFields:
        asked.append(marker.kind.value)
        assert instances == ["Camera 4 - gym doors"]  # the checklist's cameras, offered
        camera = CameraSpec(heading=90, fov=70, range_m=None, resolution=(2560, 1440))
        return MarkerFields(label="Gym doors", camera=camera, camera_instance="Camera 4 - gym doors")

    monkeypatch.setattr(ask, "ask_marker_fields", answer)
    QTest.keyClick(maps.view, Qt.Key.Key_F2)
    [edited] = stored(workspace, plan).markers
    assert asked == ["camera"] and edited.label == "Gym doors" and edited.camera_instance == "Camera 4 - gym doors"
    assert edited.camera == CameraSpec(heading=90, fov=70, range_m=None, resolution=(2560, 1440))
    maps.actions_by_id["map.undo"].trigger()
    [back] = stored(workspace, plan).markers
    assert (back.label, back.camera, back.camera_instance) == ("", placed.camera, "")


def test_the_marker_dialog_reads_a_cameras_fields_and_names_a_wrong_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    import uuid

    camera = Marker(uuid.uuid4(), uuid.uuid4(), MarkerKind.CAMERA, 10, 10, camera=CameraSpec())
    dialog = ask.MarkerDialog(None, camera)
    qtbot.addWidget(dialog)
    dialog.inputs["heading"].setText("370")
    dialog.inputs["resolution"].setText("1920x1080")
    assert dialog.read().camera == CameraSpec(heading=10, fov=90, range_m=None, resolution=(1920, 1080))
    dialog.inputs["fov"].setText("wide")
    dialog._accept()
    assert dialog.fields is None and "field of view" in dialog.problem.text()


def test_renumbering_numbers_the_exterior_doors_clockwise_and_undo_restores_them(
    maps: MapWindow, workspace: Workspace, plan: SiteMap
) -> None:
    for at in ((400, 100), (100, 300), (700, 300)):  # numbered 1, 2, 3 as placed: top, left, right
        maps.actions_by_id["map.place_door"].trigger()
        click(maps, at)
    before = {m.id: m.number for m in stored(workspace, plan).markers}
    maps.actions_by_id["map.renumber"].trigger()
    after = {(round(m.x, -1), round(m.y, -1)): m.number for m in stored(workspace, plan).markers}
    assert after == {(400, 100): 1, (700, 300): 2, (100, 300): 3}  # clockwise from door 1 at the top
    maps.actions_by_id["map.undo"].trigger()
    assert {m.id: m.number for m in stored(workspace, plan).markers} == before


def test_a_marker_outside_the_plan_is_refused_in_one_line_and_nothing_is_stored(
    maps: MapWindow, workspace: Workspace, plan: SiteMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, title, message: told.append((title, message)))
    maps.actions_by_id["map.place_door"].trigger()
    click(maps, (-20, -20))  # in the margin around the plan
    assert stored(workspace, plan).markers == () and maps.stack.count() == 0
    assert told and told[0][0] == "Place exterior door: not done" and "outside the plan" in told[0][1]
    assert "\n" not in told[0][1]


def test_every_change_is_published_for_the_campus(
    window: MainWindow, maps: MapWindow, workspace: Workspace, plan: SiteMap
) -> None:
    heard: list[tuple[Changes, object]] = []
    window.channel.subscribe(lambda changes, origin: heard.append((changes, origin)))
    maps.actions_by_id["map.place_camera"].trigger()
    click(maps, (200, 200))
    maps.actions_by_id["map.undo"].trigger()
    assert heard == [(Changes(maps=frozenset({plan.campus_id})), maps)] * 2
