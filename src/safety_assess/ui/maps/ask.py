"""The map window's dialogs, each behind one function a test replaces: the plan file, a PDF's page, a distance,
north, and a marker's fields."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QWidget,
)

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.sitemap.checks import parse_resolution
from safety_assess.domain.sitemap.model import CameraSpec, MapError, Marker, MarkerKind
from safety_assess.services.site_maps import MarkerFields

LINKED = {MarkerKind.CAMERA: "Checklist &camera", MarkerKind.EXTERIOR_DOOR: "Checklist &entrance"}
"""The markers linked to an instance of a checklist group, and the field's label."""
PLAN_FILES = "Plans (*.png *.jpg *.jpeg *.pdf);;All files (*)"


def ask_plan_file(parent: QWidget | None) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Import a site or floor plan", str(Path.home()), PLAN_FILES)
    return Path(path) if path else None


def ask_pdf_page(parent: QWidget | None, name: str) -> int | None:
    page, ok = QInputDialog.getInt(parent, "Page of the PDF", f"Which page of {name} is the plan?", 1, 1, 9999)
    return page if ok else None


def ask_distance(parent: QWidget | None) -> float | None:
    metres, ok = QInputDialog.getDouble(
        parent, "Set the scale", "Distance between the two points, in metres:", 10.0, 0.01, 100_000.0, 2
    )
    return metres if ok else None


def ask_north(parent: QWidget | None, now: float | None) -> float | None:
    degrees, ok = QInputDialog.getDouble(
        parent, "Set north", "Where north points, degrees clockwise from the plan's up:", now or 0.0, 0.0, 359.9, 1
    )
    return degrees if ok else None


def ask_choice(parent: QWidget | None, title: str, label: str, texts: list[str]) -> int | None:
    """The number of the text chosen from the list; None when cancelled."""
    text, ok = QInputDialog.getItem(parent, title, label, texts, 0, False)
    return texts.index(text) if ok and text in texts else None


def ask_marker_fields(parent: QWidget | None, marker: Marker, instances: list[str]) -> MarkerFields | None:
    """The label; for a camera where it looks, how far it sees and which of the checklist's cameras it is; for an
    exterior door which of the checklist's entrances it is (``instances``: their labels, offered as the person
    types); None when cancelled."""
    dialog = MarkerDialog(parent, marker, instances)
    return dialog.fields if dialog.exec() == QDialog.DialogCode.Accepted else None


class MarkerDialog(QDialog):
    def __init__(self, parent: QWidget | None, marker: Marker, instances: list[str] | None = None) -> None:
        super().__init__(parent)
        self.marker = marker
        self.fields: MarkerFields | None = None
        self.setWindowTitle(f"{marker.kind.label}{': ' + marker.label if marker.label else ''}")
        form = QFormLayout(self)
        camera = marker.camera or CameraSpec()
        self.inputs: dict[str, QLineEdit] = {}
        self._add(form, "label", "&Label", marker.label)
        if marker.kind is MarkerKind.CAMERA:
            self._add(form, "heading", "&Heading (degrees clockwise from up)", f"{camera.heading:g}")
            self._add(form, "fov", "&Field of view (degrees)", f"{camera.fov:g}")
            self._add(form, "range", "&Range (metres; empty: from the resolution)", _number(camera.range_m))
            resolution = f"{camera.resolution[0]}x{camera.resolution[1]}" if camera.resolution else ""
            self._add(form, "resolution", "&Resolution (width x height)", resolution)
        if marker.kind in LINKED:
            self._add(form, "instance", LINKED[marker.kind], marker.camera_instance)
            completer = QCompleter(instances or [], self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.inputs["instance"].setCompleter(completer)
        self.problem = QLineEdit()
        self.problem.setReadOnly(True)
        self.problem.setFrame(False)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _add(self, form: QFormLayout, name: str, label: str, text: str) -> None:
        line = QLineEdit(text)
        line.setObjectName(f"marker_{name}")
        self.inputs[name] = line
        form.addRow(label, line)

    def _accept(self) -> None:
        try:
            self.fields = self.read()
        except SafetyAssessError as error:
            self.problem.setText(str(error))
            return
        self.accept()

    def read(self) -> MarkerFields:
        label = self.inputs["label"].text().strip()
        text = {name: line.text().strip() for name, line in self.inputs.items()}
        if self.marker.kind is MarkerKind.EXTERIOR_DOOR:
            return MarkerFields(label=label, camera_instance=text["instance"])
        if self.marker.kind is not MarkerKind.CAMERA:
            return MarkerFields(label=label)
        camera = CameraSpec(
            heading=_float(text["heading"], "heading") % 360,
            fov=_float(text["fov"], "field of view"),
            range_m=_float(text["range"], "range") if text["range"] else None,
            resolution=parse_resolution(text["resolution"]) if text["resolution"] else None,
        )
        return MarkerFields(label=label, camera=camera, camera_instance=text["instance"])


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _float(text: str, what: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise MapError(f"the {what} must be a number, not '{text}'") from None
