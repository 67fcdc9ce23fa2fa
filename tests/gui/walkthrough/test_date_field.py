"""The date field reads t, y, -3 and a day and month of this year, in the order it states next to the field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt

from safety_assess.domain.walk.slots import SlotKey
from safety_assess.ui.walkthrough.date_editor import DateEditor
from tests.gui.walkthrough.conftest import Open, stored

DRILL = SlotKey("last-drill")


@pytest.fixture
def us_locale() -> Iterator[None]:
    earlier = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(earlier)


def type_date(qtbot, open_walk: Open, text: str):  # type: ignore[no-untyped-def]
    window = open_walk("every-type")
    window.go_to(DRILL)
    editor = window.panel.editor
    assert isinstance(editor, DateEditor)
    qtbot.waitUntil(editor.hint.isVisible)  # shown once the layout places the new field
    qtbot.keyClicks(editor.line, text)
    return window, editor


@pytest.mark.parametrize(("text", "days_ago"), [("t", 0), ("y", 1), ("-3", 3)])
def test_t_y_and_days_ago_save_the_date_they_mean(qtbot, open_walk: Open, text: str, days_ago: int) -> None:
    window, editor = type_date(qtbot, open_walk, text)
    meant = dt.date.today() - dt.timedelta(days=days_ago)
    assert editor.meaning.text() == f"= {meant:%a %d %b %Y}"
    qtbot.keyClick(editor.line, Qt.Key.Key_Return)
    assert stored(window) == {("last-drill", None): meant.isoformat()}


def test_a_short_date_is_read_in_the_order_stated_next_to_the_field(qtbot, open_walk: Open, us_locale: None) -> None:
    window, editor = type_date(qtbot, open_walk, "12/3")
    assert "12/3 is December 3 (this year)" in editor.hint.text()
    qtbot.keyClick(editor.line, Qt.Key.Key_Return)
    assert stored(window) == {("last-drill", None): f"{dt.date.today().year}-12-03"}


def test_a_day_that_does_not_exist_is_named_and_not_saved(qtbot, open_walk: Open, us_locale: None) -> None:
    window, editor = type_date(qtbot, open_walk, "2/30")
    assert "February" in editor.meaning.text()
    qtbot.keyClick(editor.line, Qt.Key.Key_Return)
    assert stored(window) == {}
    assert window.panel.error.text()
