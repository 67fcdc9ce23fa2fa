"""The New campus dialog is wide enough to type a campus's full name and address and see them."""

from __future__ import annotations

from safety_assess.ui import dialogs

NAME = "Washington Middle School of the Performing Arts"


def test_the_new_campus_dialog_has_room_for_a_long_name_and_address(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = dialogs.NewCampusDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() >= dialogs.CAMPUS_DIALOG_WIDTH
    metrics = dialog.name.fontMetrics()
    for edit, text in ((dialog.name, NAME), (dialog.address, "1200 North Riverside Avenue, Springfield")):
        assert edit.width() >= metrics.horizontalAdvance(text) + 16
