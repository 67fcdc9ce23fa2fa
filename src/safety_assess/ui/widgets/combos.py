"""Filter combo boxes refilled on reload, keeping what the user had chosen when it is still offered."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox


def refill(combo: QComboBox, first: tuple[str, object], choices: Iterable[tuple[str, object]]) -> None:
    """Offer ``first`` (text, value: the 'any' choice) then ``choices``; the current value stays chosen if offered.
    Emits no change signal: the caller applies the filter once afterwards."""
    kept = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(*first)
    for text, value in choices:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(kept)))
    combo.blockSignals(False)
