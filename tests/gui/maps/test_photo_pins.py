"""Photos on a plan: one of the newest assessment's photos chosen and pinned where clicked, with undo; a photo pin
opens the photo in the walkthrough's photo viewer. Asserted on the database."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from safety_assess.domain.records import PhotoRecord
from safety_assess.domain.sitemap.model import MarkerKind, SiteMap
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.services import site_maps
from safety_assess.services.assessments import start_assessment
from safety_assess.services.photos import add_photos
from safety_assess.services.site_maps import MarkerFields
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.maps import photo_chooser
from safety_assess.ui.maps.photo_chooser import PhotoChooser
from safety_assess.ui.maps.photo_pins import PhotoChoice, photo_choices
from safety_assess.ui.maps.window import MapWindow
from safety_assess.ui.walkthrough import photo_viewer
from tests import photo_files
from tests.gui.maps.conftest import click, on_screen, stored


@pytest.fixture
def photos(workspace: Workspace, plan: SiteMap) -> list[PhotoRecord]:
    """Two photos of the main door in the campus's newest assessment (an older one has one too)."""
    folder = photo_files.folder()
    older = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2025, 11, 2))
    add_photos(workspace, older.id, "door-locked", [folder / "hopper.tif"])
    newest = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    first = add_photos(workspace, newest.id, "door-locked", [folder / "hopper.jpg"], caption="Door propped open")
    second = add_photos(workspace, newest.id, "door-locked", [folder / "hopper_orientation_6.jpg"])
    return [*first.added, *second.added]


def test_a_photo_chosen_is_pinned_where_clicked_and_undone(
    maps: MapWindow, workspace: Workspace, plan: SiteMap, photos: list[PhotoRecord], monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def choose(_parent: object, choices: Sequence[PhotoChoice]) -> int:
        offered.extend(choice.text for choice in choices)
        return 1

    monkeypatch.setattr(photo_chooser, "ask_photo", choose)
    QTest.keyClick(maps.view, Qt.Key.Key_P)
    assert offered == ["Is the main door locked? · Door propped open · hopper.jpg", offered[1]]
    assert offered[1].startswith("Is the main door locked? · hopper_orientation_6")  # hopper.tif is older: not offered
    click(maps, (300, 200))
    [pin] = stored(workspace, plan).markers
    assert (pin.kind, pin.photo_id) == (MarkerKind.PHOTO, photos[1].id)
    assert pin.position == pytest.approx((300, 200), abs=2) and pin.label == "Is the main door locked?"
    maps.actions_by_id["map.undo"].trigger()
    assert stored(workspace, plan).markers == ()


def test_a_photo_chooser_cancelled_or_without_photos_pins_nothing(
    maps: MapWindow, workspace: Workspace, plan: SiteMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(photo_chooser, "ask_photo", lambda *_args: pytest.fail("no photos: nothing to choose"))
    QTest.keyClick(maps.view, Qt.Key.Key_P)
    assert maps.view.tool is None and "no photos to pin" in maps.statusBar().currentMessage()
    assert stored(workspace, plan).markers == ()


def test_the_chooser_shows_each_photo_with_its_thumbnail(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, plan: SiteMap, photos: list[PhotoRecord]
) -> None:
    choices = photo_choices(workspace, plan.campus_id)
    chooser = PhotoChooser(None, choices)
    qtbot.addWidget(chooser)
    assert chooser.list.count() == 2 and chooser.chosen() == 0
    assert not chooser.list.item(0).icon().isNull()  # the thumbnail rendition, made for the chooser
    chooser.list.setCurrentRow(1)
    QTest.keyClick(chooser.list, Qt.Key.Key_Return)
    assert chooser.result() == chooser.DialogCode.Accepted and chooser.chosen() == 1


@pytest.mark.parametrize("how", ["double-click", "enter"])
def test_a_photo_pin_opens_the_photo_in_the_photo_viewer(  # type: ignore[no-untyped-def]
    qtbot,
    window: MainWindow,
    workspace: Workspace,
    plan: SiteMap,
    photos: list[PhotoRecord],
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    shown: list[tuple[SlotKey, uuid.UUID]] = []
    monkeypatch.setattr(
        photo_viewer, "show_photos", lambda _parent, _session, key, start, _of: shown.append((key, start))
    )
    _, pin = site_maps.add_marker(workspace, plan.id, MarkerKind.PHOTO, (400, 300), MarkerFields(photo_id=photos[1].id))
    maps = window.windows.open_maps(plan.campus_id)
    assert maps is not None
    qtbot.waitExposed(maps)
    if how == "enter":
        maps.select_item(pin)
        maps.view.setFocus()
        QTest.keyClick(maps.view, Qt.Key.Key_Return)
    else:
        viewport, left = maps.view.viewport(), Qt.MouseButton.LeftButton
        QTest.mouseDClick(viewport, left, Qt.KeyboardModifier.NoModifier, on_screen(maps, (400, 300)))
    assert shown == [(SlotKey("door-locked"), photos[1].id)]
    walk = window.windows.walks[photos[1].assessment_id]
    assert walk.current == SlotKey("door-locked")  # the walkthrough shows the photo's item


def test_a_pin_of_a_photo_removed_since_says_so(  # type: ignore[no-untyped-def]
    qtbot,
    window: MainWindow,
    workspace: Workspace,
    plan: SiteMap,
    photos: list[PhotoRecord],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, message: told.append(message))
    monkeypatch.setattr(photo_viewer, "show_photos", lambda *_args: pytest.fail("no photo to show"))
    _, pin = site_maps.add_marker(workspace, plan.id, MarkerKind.PHOTO, (400, 300), MarkerFields(photo_id=photos[0].id))
    workspace.photos.delete(photos[0].id)
    maps = window.windows.open_maps(plan.campus_id)
    assert maps is not None
    qtbot.waitExposed(maps)
    maps.select_item(pin)
    maps.view.setFocus()
    QTest.keyClick(maps.view, Qt.Key.Key_Return)
    assert told == ["hopper.jpg was removed from its item"]
