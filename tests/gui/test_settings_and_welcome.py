"""Settings, the first-run welcome and the user guide, driven from the main window and checked on disk."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPushButton

from safety_assess.base.settings import Settings, load_settings
from safety_assess.domain.display import money
from safety_assess.services.demo import CODE
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.settings import dialog as settings_dialog
from safety_assess.ui.settings import welcome
from safety_assess.ui.settings.dialog import SettingsContext, SettingsDialog
from safety_assess.ui.settings.welcome import WelcomeChoices, WelcomeDialog


def context(window: MainWindow) -> SettingsContext:
    return dataclasses.replace(window.housekeeping.settings_context(), use_district_key=lambda: "SD-1")


def test_the_settings_dialog_edits_a_copy(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    original = Settings(assessor_name="Ana")
    dialog = SettingsDialog(window, original, context(window))
    qtbot.addWidget(dialog)
    dialog.assessor.setText("  Ben Ortiz ")
    dialog.currency.setText("€")
    dialog.omits["photos"].setChecked(False)
    dialog.share_location.setChecked(True)
    dialog.phases["immediate"][0].setText("Before the next term")
    dialog.phases["long_term"][1].setValue(1500)
    [use_key] = [b for b in dialog.findChildren(QPushButton) if "district key" in b.text()]
    use_key.click()
    assert dialog.key.text() == "SD-1"
    chosen = dialog.value()
    assert (chosen.assessor_name, chosen.currency, chosen.share_photo_location) == ("Ben Ortiz", "€", True)
    assert "photos" not in chosen.public_report_omits and original.assessor_name == "Ana"
    assert (chosen.phase_names, chosen.phase_days) == ({"immediate": "Before the next term"}, {"long_term": 1500})


def test_site_plans_go_into_public_reports_only_when_unticked(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(window, Settings(), context(window))
    qtbot.addWidget(dialog)
    assert dialog.leave_out_plans.isChecked() and "Site plans" in dialog.leave_out_plans.text()
    assert dialog.value().public_report_plans is False
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.leave_out_plans, Qt.MouseButton.LeftButton)
    assert dialog.value().public_report_plans is True
    again = SettingsDialog(window, dialog.value(), context(window))
    qtbot.addWidget(again)
    assert not again.leave_out_plans.isChecked()


def test_settings_saved_and_applied_from_the_file_menu(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def change(_parent, settings: Settings, _context: SettingsContext) -> Settings:  # type: ignore[no-untyped-def]
        return dataclasses.replace(settings, assessor_name="Ben Ortiz", currency="CHF", district_name="Riverside")

    monkeypatch.setattr(settings_dialog, "ask_settings", change)
    window.actions_by_id["app.settings"].trigger()
    saved = load_settings(window.workspace.data_dir.settings)
    assert (saved.assessor_name, saved.currency, saved.district_name) == ("Ben Ortiz", "CHF", "Riverside")
    assert window.workspace.settings.assessor_name == "Ben Ortiz" and money(1200) == "1,200 CHF"


def test_a_bad_database_url_in_settings_is_refused_and_nothing_saved(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: errors.append(text))
    monkeypatch.setattr(
        settings_dialog,
        "ask_settings",
        lambda _parent, settings, _context: dataclasses.replace(settings, database_url="mysql://u:s3cret@db/x"),
    )
    window.actions_by_id["app.settings"].trigger()
    assert len(errors) == 1 and "'mysql' is not supported" in errors[0] and "s3cret" not in errors[0]
    assert not window.workspace.data_dir.settings.exists() and window.workspace.settings.database_url == ""


def test_the_welcome_saves_its_choices_and_adds_the_sample_campus(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = WelcomeDialog(window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.assessor, "Ana   Diaz")
    assert dialog.value() == WelcomeChoices("", "Ana Diaz", False, True)  # GPS off, sample on by default
    monkeypatch.setattr(
        welcome,
        "ask_welcome",
        lambda _parent, _district, _name, _sample: WelcomeChoices("Riverside", "Ana Diaz", False, True),
    )
    window.housekeeping.welcome()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=30_000)  # made in the background
    saved = load_settings(window.workspace.data_dir.settings)
    assert saved.welcomed and (saved.district_name, saved.assessor_name) == ("Riverside", "Ana Diaz")
    [campus] = window.workspace.campuses.list()
    assert campus.code == CODE and window.workspace.assessments.list()[0].assessors == ("Ana Diaz",)


def test_closing_the_welcome_still_marks_it_shown_and_no_sample_is_ticked_beside_data(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[bool] = []
    window.workspace.campuses.add("Lincoln High", "LHS")
    window.refresh()
    monkeypatch.setattr(welcome, "ask_welcome", lambda _parent, _district, _name, sample: offered.append(sample))
    window.housekeeping.welcome()
    assert load_settings(window.workspace.data_dir.settings).welcomed and offered == [False]  # data already there
    assert [c.code for c in window.workspace.campuses.list()] == ["LHS"]


def test_help_opens_the_bundled_user_guide_inside_the_app(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(dialogs, "open_file", lambda path: opened.append(path) or False)  # no browser here
    window.actions_by_id["help.guide"].trigger()
    guide = window.windows.guide
    assert guide is not None and guide.isVisible() and window.windows.show_guide() is guide  # one guide window
    page = Path(guide.browser.source().toLocalFile())
    assert page.name == "index.html" and "Safety Assess user guide" in guide.browser.toPlainText()
    text = page.read_text(encoding="utf-8")
    for image in ("welcome", "main-window", "walkthrough", "action-plan", "district", "settings"):
        assert f'src="images/{image}.png"' in text and (page.parent / "images" / f"{image}.png").is_file()
        shown = guide.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(f"images/{image}.png"))
        assert shown is not None and not shown.isNull()  # the screenshots are drawn in the guide itself
    guide.open_outside()
    assert opened == [page] and "No web browser" in guide.statusBar().currentMessage()
    guide.activateWindow()
    qtbot.waitUntil(guide.isActiveWindow)
    qtbot.keyClick(guide.browser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.windows.guide is None)


def test_settings_that_cannot_be_written_are_told_and_not_kept(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: errors.append(text))
    monkeypatch.setattr(
        settings_dialog,
        "ask_settings",
        lambda _parent, settings, _context: dataclasses.replace(settings, currency="CHF"),
    )
    window.workspace.data_dir.settings.mkdir()  # something in the way of the file
    window.actions_by_id["app.settings"].trigger()
    assert len(errors) == 1 and errors[0].startswith(f"cannot write {window.workspace.data_dir.settings}")
    assert window.workspace.settings.currency == "$" and money(1200) == "$1,200"
    monkeypatch.setattr(welcome, "ask_welcome", lambda *_args: None)
    window.housekeeping.welcome()  # from a timer at the first start: told, not a crash
    assert len(errors) == 2
