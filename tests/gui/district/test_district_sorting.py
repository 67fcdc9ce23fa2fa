"""The campus and action tables sort in their models (one Python sort, not a proxy asking every row's data for each
comparison): by any column, either way, keeping the chosen campus and the filter, and again after a refresh."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from safety_assess.services.assessments import record_answer
from safety_assess.services.workspace import Workspace
from safety_assess.ui.district.window import DistrictWindow
from tests.gui.district.test_district_window import assess, district, open_district, shown_codes

__all__ = ["district"]  # the fixture, used by name


def sort_by(window: DistrictWindow, title: str, order: Qt.SortOrder) -> None:
    window.table.sortByColumn(window.campuses.titles().index(title), order)


def test_campuses_sort_by_any_column_keeping_the_chosen_one(qtbot, qtmodeltester, district: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = open_district(qtbot, district)
    assert shown_codes(window) == ["LHS", "AES", "GRA"]  # by rank: the door finding first, not assessed last
    window.table.selectRow(1)
    assert window._chosen_campus() == window.campuses.rows[1].campus.id

    sort_by(window, "Campus", Qt.SortOrder.AscendingOrder)
    assert shown_codes(window) == ["AES", "GRA", "LHS"]
    assert window.table.currentIndex().row() == 0 and window.table.currentIndex().data() is not None
    assert window.campus_filter.index(window.table.currentIndex().row(), 2).data() == "AES"  # still chosen
    sort_by(window, "Campus", Qt.SortOrder.DescendingOrder)
    assert shown_codes(window) == ["LHS", "GRA", "AES"]
    assert window.campus_filter.index(window.table.currentIndex().row(), 2).data() == "AES"
    sort_by(window, "Latest", Qt.SortOrder.AscendingOrder)
    assert shown_codes(window) == ["LHS", "AES", "GRA"]  # dates, then 'not assessed'
    sort_by(window, "#", Qt.SortOrder.DescendingOrder)
    assert shown_codes(window) == ["GRA", "AES", "LHS"]
    qtmodeltester.check(window.campus_filter)

    window.search.setText("a")  # Adams and Grant; not Lincoln High (LHS)
    assert shown_codes(window) == ["GRA", "AES"]
    window.search.setText("")


def test_a_refresh_keeps_the_order_asked_for(qtbot, district: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = open_district(qtbot, district)
    sort_by(window, "Code", Qt.SortOrder.AscendingOrder)
    assert shown_codes(window) == ["AES", "GRA", "LHS"]
    grant = assess(district, "GRA", dt.date(2026, 5, 1), ["door-locked", "gate"])
    record_answer(district, grant, "door-hard", "no")
    before = window.overview
    window.reload()
    qtbot.waitUntil(lambda: window.overview is not before, timeout=30_000)
    assert shown_codes(window) == ["AES", "GRA", "LHS"]
    assert window.campus_filter.index(1, window.campuses.titles().index("Latest")).data() == "2026-05-01"
    sort_by(window, "#", Qt.SortOrder.AscendingOrder)
    assert shown_codes(window)[-1] == "AES"  # Grant's findings now rank it above Adams


def test_actions_sort_in_their_model(qtbot, district: Workspace) -> None:  # type: ignore[no-untyped-def]
    window = open_district(qtbot, district)
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.actions_model.rowCount() > 0, timeout=30_000)
    view, titles = window.actions_view, window.actions_model.titles()
    view.sortByColumn(titles.index("Cost"), Qt.SortOrder.DescendingOrder)
    assert window.actions_filter.rowCount() > 0
    assert window.actions_model.sorted_by == (titles.index("Cost"), Qt.SortOrder.DescendingOrder)
    highs = [a.line.cost_high for a in window.actions_filter.shown()]
    assert highs == sorted(highs, reverse=True)
