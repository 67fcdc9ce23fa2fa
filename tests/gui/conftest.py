"""GUI fixtures: the real main window on a temporary data folder; no test may leave a window open."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from safety_assess.services.workspace import Workspace
from safety_assess.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp: QApplication) -> Iterator[None]:
    before = set(QApplication.topLevelWidgets())
    yield
    QApplication.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
    for widget in leaked:
        widget.close()
    assert not leaked, f"test left windows open: {leaked}"


@pytest.fixture
def window(qtbot, workspace: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main
