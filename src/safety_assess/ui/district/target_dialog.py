"""Set a term's target for one metric from the Progress tab: the metric, the value (bounded by the metric's range,
in its unit, with what "met" means), or no target at all."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from safety_assess.domain.readiness.metrics import Metric

Now = Callable[[Metric], float | None]
"""The term's target of a metric as it stands (None: none)."""


@dataclass(frozen=True)
class TargetAsked:
    metric: Metric
    value: float | None
    """None: no target for the term."""


class TargetDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        term: str,
        metrics: Sequence[Metric],
        chosen: Metric,
        now: Callable[[Metric], float | None],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Target for {term}")
        self.setMinimumWidth(440)
        self.metrics, self.now = list(metrics), now
        self.metric_choice = QComboBox()
        self.metric_choice.setAccessibleName("Metric")
        for metric in self.metrics:
            self.metric_choice.addItem(metric.label, metric.key)
        self.value = QDoubleSpinBox()
        self.value.setAccessibleName("Target")
        self.value.setDecimals(0)
        self.none = QCheckBox("&No target this term")
        self.meaning = QLabel()
        self.meaning.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.metric_choice.currentIndexChanged.connect(self._metric_changed)
        self.none.toggled.connect(lambda off: self.value.setEnabled(not off))
        form = QFormLayout(self)
        form.addRow("&Metric:", self.metric_choice)
        form.addRow("&Target:", self.value)
        form.addRow(self.none)
        form.addRow(self.meaning)
        form.addRow(buttons)
        self.metric_choice.setCurrentIndex(self.metrics.index(chosen))
        self._metric_changed()

    def chosen(self) -> Metric:
        return self.metrics[self.metric_choice.currentIndex()]

    def _metric_changed(self) -> None:
        metric = self.chosen()
        self.value.setRange(metric.low, metric.high)
        self.value.setSuffix(f" {metric.unit}" if metric.unit != "%" else " %")
        current = self.now(metric)
        self.value.setValue(
            current if current is not None else (metric.high if metric.higher_is_better else metric.low)
        )
        self.none.setChecked(current is None)
        self.value.setEnabled(current is not None)
        better = "at least" if metric.higher_is_better else "at most"
        self.meaning.setText(f"Met when the term's value is {better} the target ({metric.low:g} to {metric.high:g}).")

    def result_value(self) -> TargetAsked:
        return TargetAsked(self.chosen(), None if self.none.isChecked() else self.value.value())


def ask_target(
    parent: QWidget | None, term: str, metrics: Sequence[Metric], chosen: Metric, now: Now
) -> TargetAsked | None:
    """The metric and its target for the term as chosen; None when cancelled. Tests replace this function."""
    dialog = TargetDialog(parent, term, metrics, chosen, now)
    return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None
