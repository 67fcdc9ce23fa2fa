"""At its default size (1280x800), the district view shows every column: costs whole, the campus name gives way."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QColor, QPalette

from safety_assess.domain.plan.actions import Action
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.ui.district.trend import chart_colors
from tests.gui.district.test_district_window import open_district

NAMES = ("Washington Middle School of the Performing Arts", "Roosevelt Elementary", "Lincoln High")


def test_every_column_and_cost_in_sight_at_the_default_size(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    for number, name in enumerate(NAMES):
        code = f"C{number}"
        workspace.campuses.add(name, code)
        summary = start_assessment(workspace, code, "every-type", ["Ana"], dt.date(2026, 4, 1))
        record_answer(workspace, summary.id, "door-locked", "no")
        plan = load_plan(workspace, summary.id)
        door = plan.finding("item:door-locked:")
        for phase in ("immediate", "short_term", "long_term"):
            PlanEditor(workspace, summary.id).add_action(
                door, Action(door.key, f"Fix {phase}", phase, 10_000, 1_250_000), plan.phases
            )
    window = open_district(qtbot, workspace)
    assert (window.width(), window.height()) == (1280, 800)
    table, header = window.table, window.table.horizontalHeader()
    assert sum(header.sectionSize(n) for n in range(header.count())) <= table.viewport().width()
    titles = [title.replace("\n", " ") for title in window.campuses.titles()]
    metrics = table.fontMetrics()
    for title in ("Immediate", "Short term", "Long term", "Total cost", "Compliance", "Answered"):
        column = titles.index(title)
        for row in range(window.campus_filter.rowCount()):
            text = window.campus_filter.index(row, column).data()
            assert metrics.horizontalAdvance(text) + 8 <= header.sectionSize(column), (title, text)
    assert window.campus_filter.index(0, titles.index("Total cost")).data() == "$30k–$3.8M"
    assert "Conflicts" not in titles  # no conflicting copies: no column of blanks
    history = window.history_view
    window.table.selectRow(0)
    history_header = history.horizontalHeader()
    assert sum(history_header.sectionSize(n) for n in range(history_header.count())) <= history.viewport().width()


def _contrast(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(color: QColor) -> float:
        channels = [c / 255 for c in (color.red(), color.green(), color.blue())]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("background", ["#fafafa", "#2b2b2b", "#4a4a4a"])
def test_the_trend_chart_reads_on_a_light_and_a_dark_theme(background: str) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(background))
    colors = chart_colors(palette)
    assert _contrast(colors["line"], QColor(background)) >= 3  # the compliance line and its axis labels
    assert _contrast(colors["bars"], QColor(background)) >= 3  # the count of high and critical findings
