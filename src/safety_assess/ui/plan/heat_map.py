"""The 5x5 risk matrix: how many findings sit in each likelihood/severity cell, coloured by band.

Clicking a cell lists its findings; clicking it again lists them all.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QWidget

from safety_assess.domain.scoring.risk import Band, band_for

SIZE = 5


class HeatMap(QWidget):
    cellChosen = Signal(object)
    """(likelihood, severity) of the chosen cell, or None when the choice is cleared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heatMap")
        self.setAccessibleName("Risk heat map")
        self.chosen: tuple[int, int] | None = None
        self.cells: dict[tuple[int, int], QPushButton] = {}
        grid = QGridLayout(self)
        grid.setSpacing(2)
        grid.setContentsMargins(0, 0, 0, 0)
        vertical = QLabel("Likelihood")
        grid.addWidget(vertical, 0, 0, SIZE, 1, Qt.AlignmentFlag.AlignCenter)
        for likelihood in range(SIZE, 0, -1):
            row = SIZE - likelihood
            grid.addWidget(QLabel(str(likelihood)), row, 1, Qt.AlignmentFlag.AlignCenter)
            for severity in range(1, SIZE + 1):
                cell = QPushButton()
                cell.setCheckable(True)
                cell.setMinimumSize(44, 32)
                cell.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                cell.clicked.connect(lambda _c=False, key=(likelihood, severity): self._clicked(key))
                grid.addWidget(cell, row, severity + 1)
                self.cells[(likelihood, severity)] = cell
        for severity in range(1, SIZE + 1):
            grid.addWidget(QLabel(str(severity)), SIZE, severity + 1, Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(QLabel("Severity"), SIZE + 1, 2, 1, SIZE, Qt.AlignmentFlag.AlignCenter)

    def set_counts(self, grid: Sequence[Sequence[int]], bands: Sequence[Band]) -> None:
        """``grid[l - 1][s - 1]`` findings per cell."""
        for (likelihood, severity), cell in self.cells.items():
            count = grid[likelihood - 1][severity - 1]
            band = band_for(likelihood * severity, bands)
            cell.setText(str(count) if count else "")
            plural = "finding" if count == 1 else "findings"
            cell.setAccessibleName(f"Likelihood {likelihood}, severity {severity}: {count} {plural}")
            cell.setToolTip(f"Risk {likelihood * severity} ({band.name}): {count} {plural}")
            border = "3px solid black" if (likelihood, severity) == self.chosen else "1px solid #666"
            weight = "bold" if count else "normal"
            cell.setStyleSheet(
                f"QPushButton {{ background: {band.color}; color: white; font-weight: {weight}; border: {border}; }}"
            )
            cell.setChecked((likelihood, severity) == self.chosen)

    def choose(self, key: tuple[int, int] | None) -> None:
        self.chosen = key
        for cell_key, cell in self.cells.items():
            cell.setChecked(cell_key == key)
        self.cellChosen.emit(key)

    def _clicked(self, key: tuple[int, int]) -> None:
        self.choose(None if self.chosen == key else key)
