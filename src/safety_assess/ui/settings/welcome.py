"""The first-run welcome: what the app is for, the few settings that matter on day one, and a sample campus to try
every feature on without touching real data."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

INTRO = (
    "<h2>Welcome to Safety Assess</h2>"
    "<p>Walk a campus with its checklist, answer with the keyboard, take photos, and every deficiency becomes a "
    "finding with a risk score and phased corrective actions: the campus's action plan and budget, as a PDF for "
    "the advisory group and a bundle for the district.</p>"
    "<p>Everything stays on this computer until you export it. Assessments describe how a school could be harmed: "
    "treat them, and every file you export, as confidential.</p>"
)


@dataclass(frozen=True)
class WelcomeChoices:
    district: str
    assessor: str
    share_photo_location: bool
    sample: bool


class WelcomeDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, district: str = "", assessor: str = "", sample_ticked: bool = True
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to Safety Assess")
        self.setObjectName("WelcomeDialog")
        self.setMinimumWidth(560)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.district = QLineEdit(district)
        self.district.setPlaceholderText("e.g. Riverside Unified School District")
        self.assessor = QLineEdit(assessor)
        self.assessor.setPlaceholderText("Your name, as it goes on assessments")
        self.share_location = QCheckBox("Exported photos keep where they were taken (GPS)")
        self.share_location.setToolTip("Off is safer; change it later in Settings")
        self.sample = QCheckBox("Add a sample campus with a half-finished assessment to try things out")
        self.sample.setChecked(sample_ticked)  # not when the data folder already holds campuses
        form = QFormLayout()
        form.addRow("&District:", self.district)
        form.addRow("Your &name:", self.assessor)
        form.addRow("Privacy:", self.share_location)
        form.addRow("", self.sample)
        hint = QLabel("All of this can be changed later in File > Settings. Help > User guide explains the rest.")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Start")
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def value(self) -> WelcomeChoices:
        return WelcomeChoices(
            self.district.text().strip(),
            " ".join(self.assessor.text().split()),
            self.share_location.isChecked(),
            self.sample.isChecked(),
        )


def ask_welcome(parent: QWidget | None, district: str, assessor: str, sample: bool) -> WelcomeChoices | None:
    """The first-run choices; None when the welcome was closed without them."""
    dialog = WelcomeDialog(parent, district, assessor, sample)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
