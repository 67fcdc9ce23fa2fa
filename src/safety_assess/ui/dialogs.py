"""Every dialog behind one patchable ``ask_…``/``show_…`` function, so tests never block in exec(). The dialogs of one
feature have theirs beside them (``ui.plan.editors.ask_action``, ``ui.settings.dialog.ask_settings``...), so a
feature folder depends on no other through this module."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from safety_assess import __version__
from safety_assess.domain.display import counted
from safety_assess.domain.readiness.drills import CampusKind
from safety_assess.domain.records import Campus

if TYPE_CHECKING:
    from safety_assess.bundles.importer import DeviceClaim


@dataclass(frozen=True)
class NewCampus:
    name: str
    code: str
    address: str
    kind: str = "elementary"
    """Which drills it must hold (domain/readiness/drills.py's CampusKind)."""


@dataclass(frozen=True)
class NewAssessment:
    campus_code: str
    checklist_id: str
    checklist_version: str
    assessors: list[str]
    assessed_on: dt.date


@dataclass(frozen=True)
class ChecklistChoice:
    id: str
    version: str
    title: str
    items: int


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(32)
    return edit


CAMPUS_DIALOG_WIDTH = 480
"""Wide enough for a full school name and a street address without scrolling inside the fields."""


class NewCampusDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New campus")
        self.setMinimumWidth(CAMPUS_DIALOG_WIDTH)
        self.name = _line("Campus name", "Lincoln High School")
        self.code = _line("Campus code", "LHS")
        self.address = _line("Address", "Street, city")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Campus kind")
        for kind in CampusKind:
            self.kind.addItem(kind.value.capitalize(), kind.value)
        self.buttons = ok_cancel(self)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Name:", self.name)
        form.addRow("&Code:", self.code)
        form.addRow("&Address:", self.address)
        form.addRow("&Kind:", self.kind)
        form.addRow(self.buttons)
        for edit in (self.name, self.code):
            edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(self.name.text().strip() and self.code.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def result_value(self) -> NewCampus:
        name, code, address = self.name.text().strip(), self.code.text().strip(), self.address.text().strip()
        return NewCampus(name, code, address, str(self.kind.currentData()))


class NewAssessmentDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        campuses: list[Campus],
        checklists: list[ChecklistChoice],
        assessor: str,
        selected_campus: str | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New assessment")
        self.campus = QComboBox()
        self.campus.setAccessibleName("Campus")
        for campus in campuses:
            self.campus.addItem(f"{campus.name} ({campus.code})", campus.code)
        if selected_campus is not None:
            self.campus.setCurrentIndex(max(0, self.campus.findData(selected_campus)))
        self.checklist = QComboBox()
        self.checklist.setAccessibleName("Checklist")
        for choice in checklists:
            self.checklist.addItem(f"{choice.title} {choice.version} ({counted(choice.items, 'item')})", choice)
        self.assessors = _line("Assessors", "Names, separated by commas")
        self.assessors.setText(assessor)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName("Assessment date")
        self.buttons = ok_cancel(self)
        form = QFormLayout(self)
        form.addRow("&Campus:", self.campus)
        form.addRow("Check&list:", self.checklist)
        form.addRow("&Assessors:", self.assessors)
        form.addRow("&Date:", self.date)
        form.addRow(self.buttons)
        ready = bool(campuses and checklists)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def result_value(self) -> NewAssessment:
        choice: ChecklistChoice = self.checklist.currentData()
        names = [n.strip() for n in self.assessors.text().split(",") if n.strip()]
        return NewAssessment(
            self.campus.currentData(),
            choice.id,
            choice.version,
            names,
            dt.date.fromisoformat(self.date.date().toString("yyyy-MM-dd")),
        )


def ask_new_campus(parent: QWidget | None) -> NewCampus | None:
    dialog = NewCampusDialog(parent)
    return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_new_assessment(
    parent: QWidget | None,
    campuses: list[Campus],
    checklists: list[ChecklistChoice],
    assessor: str,
    selected_campus: str | None,
) -> NewAssessment | None:
    dialog = NewAssessmentDialog(parent, campuses, checklists, assessor, selected_campus)
    return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def show_crash(parent: QWidget | None, summary: str, log_path: str) -> None:
    """An unforeseen error: what to tell a person, who can go on working."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Something went wrong")
    box.setText("Safety Assess ran into a problem it did not expect. Your saved work is safe; you can go on working.")
    box.setInformativeText(
        "If it happens again, send the log file to your support contact (it holds no photos, only what the app did):"
        f"\n{log_path}"
    )
    box.setDetailedText(summary)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def show_about(parent: QWidget | None, where: str, fingerprint: str = "") -> None:
    device = f"<p>Device fingerprint (for signed bundles): <code>{fingerprint}</code></p>" if fingerprint else ""
    QMessageBox.about(
        parent,
        "About Safety Assess",
        f"<h3>Safety Assess {__version__}</h3>"
        "<p>On-site school facility safety assessments: checklists, findings and phased action plans.</p>"
        f"<p><code>{html.escape(where)}</code></p>{device}"
        "<p>Assessment data is security-sensitive. Keep it confidential.</p>",
    )


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text, e.g. an instance label; None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value.strip() if ok and value.strip() else None


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, question, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_signoff(parent: QWidget | None, names: list[str]) -> list[str] | None:
    """The assessors signing the assessment off (names separated by commas); None when cancelled."""
    text = ask_text(parent, "Complete assessment", "Signed off by (names, separated by commas):", ", ".join(names))
    return [n.strip() for n in text.split(",") if n.strip()] if text else None


def ask_reopen_reason(parent: QWidget | None) -> str | None:
    return ask_text(parent, "Reopen assessment", "Why is it reopened? (kept with the new revision)")


PHOTO_FILTER = "Photos (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.heic *.heif);;All files (*)"


def ask_photo_files(parent: QWidget | None) -> list[Path]:
    """Photo files to attach (several may be chosen); empty when cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, "Add photos", "", PHOTO_FILTER)
    return [Path(name) for name in names]


def open_file(path: Path) -> bool:
    """Open a file with the desktop's own application for it (a browser for the user guide)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_message(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def show_notice(parent: QWidget | None, title: str, message: str) -> None:
    """Something to know that asks nothing: shown without waiting, so the app goes on starting behind it."""
    box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()


def ask_bundle_files(parent: QWidget | None) -> list[Path]:
    """Bundles to import (several may be chosen); empty when cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, "Import bundles", "", "Safety Assess bundles (*.sabundle)")
    return [Path(name) for name in names]


def ask_trust_device(parent: QWidget | None, claim: DeviceClaim, own: bool = False) -> bool:
    """Whether to trust a device seen for the first time, after comparing its fingerprint with the assessor's;
    ``own`` when the bundles were signed by this installation's own device key."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Import this installation's own bundles?" if own else "Trust a new device?")
    box.setText(_trust_text(claim, own))
    box.setInformativeText(
        f"Device fingerprint:\n{claim.fingerprint}\n\n"
        + (
            "It is the fingerprint shown in this installation's Help > About box."
            if own
            else "Ask the assessor to read out the fingerprint shown in their Help > About box. Trust the device "
            "only if every group matches."
        )
    )
    trust = box.addButton("&Import them" if own else "&Trust this device", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Do not import", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is trust


def _trust_text(claim: DeviceClaim, own: bool) -> str:
    who = claim.exporter or "an unnamed assessor"
    if own:
        return f"These bundles were exported by this installation itself (its own device key), by {who}."
    return f"These bundles come from a device this installation does not know yet, exported by {who}."


def show_import_results(parent: QWidget | None, lines: list[str], imported: int, not_imported: int) -> None:
    """One line per bundle: what was added, updated, unchanged, in conflict, or why it was refused."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if not_imported else QMessageBox.Icon.Information)
    box.setWindowTitle(import_results_title(imported, not_imported))
    box.setText("\n\n".join(lines))
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 520px; }")
    box.exec()


def import_results_title(imported: int, not_imported: int) -> str:
    if not not_imported:
        return "Bundles imported"
    if not imported:
        return "Nothing imported" if not_imported > 1 else "Bundle not imported"
    return f"{imported} bundle{'s' if imported != 1 else ''} imported, {not_imported} not"


def ask_district_key_file(parent: QWidget | None) -> Path | None:
    """The district key file an assessor was given; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, "Use district key", "", "District keys (*.sadistrictkey)")
    return Path(name) if name else None


def ask_district_key_target(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to write the district's public key file; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(
        parent, "Export district key", str(suggested), "District keys (*.sadistrictkey)"
    )
    return Path(name) if name else None


def ask_save_path(parent: QWidget | None, title: str, suggested: Path, file_filter: str) -> Path | None:
    """Where to write a file; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(name) if name else None


def ask_folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    """A folder (new folders can be made in the dialog); None when cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(name) if name else None


def ask_passphrase(parent: QWidget | None, title: str, label: str) -> str | None:
    """A passphrase, typed hidden; None when cancelled or left empty."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return value if ok and value else None
