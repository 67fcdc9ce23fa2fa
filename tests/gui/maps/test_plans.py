"""The site-plan window's plans: opened from the main window (one per campus), imported, renamed, turned, given
north, removed and brought back; asserted on the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety_assess.domain.records import Campus
from safety_assess.domain.sitemap.model import SiteMap
from safety_assess.services import site_maps
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.maps import ask
from safety_assess.ui.maps.window import MapWindow
from tests import plan_files


def test_one_window_per_campus_brought_forward_and_listed_with_the_others(
    window: MainWindow, maps: MapWindow, campus: Campus, plan: SiteMap
) -> None:
    assert window.windows.open_maps(campus.id) is maps
    assert maps in window.windows.opened()
    assert maps.current == plan and maps.plans_model.rowCount() == 1
    assert maps.view.scene() is maps.scenes[plan.id]
    assert not maps.scenes[plan.id].image_item.pixmap().isNull()  # a small plan's image is read at once


def test_a_png_imported_through_the_file_dialog_is_added_and_undo_removes_it(  # type: ignore[no-untyped-def]
    qtbot, maps: MapWindow, workspace: Workspace, campus: Campus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "First floor.png"
    plan_files.drawing((600, 400)).save(path)
    monkeypatch.setattr(ask, "ask_plan_file", lambda _parent: path)
    with qtbot.waitSignal(maps.shownPlan, check_params_cb=lambda plan: plan.title == "First floor"):
        maps.actions_by_id["map.import"].trigger()
    assert [p.title for p in site_maps.list_maps(workspace, campus.id)] == ["Site", "First floor"]
    assert maps.current is not None and maps.current.title == "First floor"
    maps.actions_by_id["map.undo"].trigger()
    assert [p.title for p in site_maps.list_maps(workspace, campus.id)] == ["Site"]
    assert maps.plans_model.rowCount() == 1


def test_rename_turn_and_north_are_stored_and_undone(
    maps: MapWindow, workspace: Workspace, plan: SiteMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_text", lambda *_args, **_kw: "Site, east wing")
    monkeypatch.setattr(ask, "ask_north", lambda _parent, _now: 30.0)
    maps.actions_by_id["map.rename"].trigger()
    maps.actions_by_id["map.rotate"].trigger()
    maps.actions_by_id["map.north"].trigger()
    now = site_maps.get_map(workspace, plan.id)
    assert (now.title, now.rotation, now.north) == ("Site, east wing", 90, 30.0)
    assert maps.view.rotation == 90  # the plan shows turned
    for _ in range(3):
        maps.actions_by_id["map.undo"].trigger()
    back = site_maps.get_map(workspace, plan.id)
    assert (back.title, back.rotation, back.north) == ("Site", 0, None)
    assert maps.view.rotation == 0


def test_a_removed_plan_comes_back_with_undo(
    maps: MapWindow, workspace: Workspace, campus: Campus, plan: SiteMap
) -> None:
    maps.actions_by_id["map.remove"].trigger()
    assert site_maps.list_maps(workspace, campus.id) == [] and maps.current is None
    maps.actions_by_id["map.undo"].trigger()
    assert [p.id for p in site_maps.list_maps(workspace, campus.id)] == [plan.id]
    assert maps.current is not None and maps.current.id == plan.id


def test_a_change_made_elsewhere_is_shown(
    window: MainWindow, maps: MapWindow, workspace: Workspace, campus: Campus, plan: SiteMap
) -> None:
    from safety_assess.base.jobs import Changes
    from safety_assess.domain.sitemap.model import MarkerKind

    _, door = site_maps.add_marker(workspace, plan.id, MarkerKind.EXTERIOR_DOOR, (50, 50))
    window.channel.publish(Changes(maps=frozenset({campus.id})), window)
    assert door in maps.scenes[plan.id].markers


def test_the_district_view_opens_the_chosen_campus_site_plans(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, campus: Campus, plan: SiteMap
) -> None:
    district = window.windows.open_district()
    qtbot.waitUntil(lambda: district.overview is not None, timeout=30_000)
    district.actions_by_id["district.maps"].trigger()
    maps = window.windows.maps.get(campus.id)
    assert maps is not None and maps.current is not None and maps.current.id == plan.id


def test_a_pdf_page_is_imported_after_asking_which_page(  # type: ignore[no-untyped-def]
    qtbot, maps: MapWindow, workspace: Workspace, campus: Campus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = plan_files.pdf(tmp_path / "Floors.pdf", pages=2, size=(500, 300))
    monkeypatch.setattr(ask, "ask_plan_file", lambda _parent: path)
    pages: list[str] = []
    monkeypatch.setattr(ask, "ask_pdf_page", lambda _parent, name: pages.append(name) or 2)
    with qtbot.waitSignal(maps.shownPlan, check_params_cb=lambda plan: plan.title == "Floors, page 2", timeout=30_000):
        maps.actions_by_id["map.import"].trigger()
    assert pages == ["Floors.pdf"]
    assert [p.title for p in site_maps.list_maps(workspace, campus.id)] == ["Site", "Floors, page 2"]


def test_a_file_that_is_not_a_plan_is_refused_in_one_line(  # type: ignore[no-untyped-def]
    qtbot, maps: MapWindow, workspace: Workspace, campus: Campus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.png"
    path.write_text("not a picture")
    monkeypatch.setattr(ask, "ask_plan_file", lambda _parent: path)
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, title, message: told.append((title, message)))
    maps.actions_by_id["map.import"].trigger()
    qtbot.waitUntil(lambda: bool(told))
    assert told[0][0] == "Plan not imported" and "\n" not in told[0][1] and "notes.png" in told[0][1]
    assert len(site_maps.list_maps(workspace, campus.id)) == 1
