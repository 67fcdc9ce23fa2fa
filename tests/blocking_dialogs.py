"""Real modal dialogs fail the test at once, instead of waiting for a click nobody makes.

The app shows every dialog through a patchable function of ``safety_assess.ui.dialogs``, which tests replace. One that
slips past them would wait in its own event loop until the run is killed (offscreen, nobody can click it). Under this
guard it raises BlockingDialog naming the dialog's title and text. Dialogs shown without blocking, with ``show()`` or
``open()``, work as usual. tests/conftest.py applies the guard to every test once Qt's widgets are loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QColorDialog, QDialog, QFileDialog, QFontDialog, QInputDialog, QMessageBox

ASKING = {
    QMessageBox: ("information", "warning", "critical", "question", "about", "aboutQt"),
    QFileDialog: (
        "getOpenFileName",
        "getOpenFileNames",
        "getSaveFileName",
        "getExistingDirectory",
        "getOpenFileUrl",
        "getOpenFileUrls",
        "getSaveFileUrl",
        "getExistingDirectoryUrl",
    ),
    QInputDialog: ("getText", "getMultiLineText", "getInt", "getDouble", "getItem"),
    QColorDialog: ("getColor",),
    QFontDialog: ("getFont",),
}
"""The static functions that build a dialog and wait for it, by class."""
WAITING = {QDialog: ("exec", "exec_")}
"""The methods that wait for a dialog already built (QMessageBox, QFileDialog, QProgressDialog... inherit them)."""
HINT = "replace the safety_assess.ui.dialogs function that shows it (monkeypatch), or show it without waiting"


class BlockingDialog(AssertionError):
    """A real modal dialog or message box was about to wait for a click."""


def forbid_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until the test ends, every way of waiting for a dialog raises BlockingDialog instead."""
    for cls, names in ASKING.items():
        for name in names:
            monkeypatch.setattr(cls, name, staticmethod(_refusing(f"{cls.__name__}.{name}")))
    for cls, names in WAITING.items():
        for name in names:
            monkeypatch.setattr(cls, name, _refuse_to_wait)


def _refusing(what: str) -> Callable[..., Any]:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        words = [a for a in (*args, *kwargs.values()) if isinstance(a, str)][:2]  # title and text (or folder)
        raise BlockingDialog(f"{what}({', '.join(map(repr, words))}) would wait for a click: {HINT}")

    return refuse


def _refuse_to_wait(self: QDialog, *args: Any, **kwargs: Any) -> Any:
    text = f" saying {self.text()!r}" if isinstance(self, QMessageBox) else ""
    raise BlockingDialog(f"{type(self).__name__} {self.windowTitle()!r}{text} would wait for a click (exec): {HINT}")
