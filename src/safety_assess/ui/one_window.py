"""One window per assessment and kind: an open one is brought forward, a new one is kept in its registry until it
closes."""

from __future__ import annotations

import uuid
from collections.abc import Callable, MutableMapping
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def bring_forward(window: QWidget) -> None:
    window.raise_()
    window.activateWindow()


def show_registered(registry: MutableMapping[uuid.UUID, W], key: uuid.UUID, window: W) -> W:
    """Show a new ``window``, deleted when closed and listed in ``registry`` until then."""
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    registry[key] = window
    window.destroyed.connect(lambda *_: registry.pop(key, None))
    window.show()
    return window


def existing(
    registry: MutableMapping[uuid.UUID, W], key: uuid.UUID, refresh: Callable[[W], object] | None = None
) -> W | None:
    """The open window for ``key``, brought forward (and refreshed), if there is one."""
    window = registry.get(key)
    if window is not None:
        if refresh is not None:
            refresh(window)
        bring_forward(window)
    return window
