"""How backups are protected, as chosen in Settings > Data and backups: a radio button per way, the district key
only when one is loaded, the passphrase asked for when first chosen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QButtonGroup, QLabel, QPushButton, QRadioButton, QVBoxLayout, QWidget

CHOICES = {
    "district": "Encrypted &to the district key",
    "passphrase": "Encrypted &with a passphrase",
    "none": "&Not encrypted",
}
MEANS = {
    "": "Choose how backups are protected: until you do, none are made.",
    "district": "Only the district can open them, with its own key; this computer cannot. If it is lost, the "
    "district restores its backup for you.",
    "passphrase": "Restoring one asks for the passphrase; without it nobody can open them, not even you.",
    "none": "Anyone who finds the drive they are on can read every assessment and photo.",
}


NO_DISTRICT_KEY = (
    "No district key is loaded on this computer: load the key file the district gave you with "
    '"Use district key file…" (You and the district tab, or Sync > Use district key file).'
)


class BackupProtection(QWidget):
    def __init__(
        self, chosen: str, district_key: str, passphrase_set: bool, set_passphrase: Callable[[], bool]
    ) -> None:
        super().__init__()
        self.set_passphrase_now = set_passphrase
        self.passphrase_set = passphrase_set
        self.chosen = chosen
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for mode, text in CHOICES.items():
            button = QRadioButton(text)
            button.setObjectName(f"protect-{mode}")
            self.group.addButton(button)
            layout.addWidget(button)
        district = self.button("district")
        district.setEnabled(bool(district_key) or chosen == "district")
        if not district.isEnabled():  # a disabled choice says why, and how to make it possible
            district.setToolTip(NO_DISTRICT_KEY)
            district.setText(f"{district.text()} (no district key loaded)")
        self.shown = chosen or ("district" if district_key else "")
        if self.shown:
            self.button(self.shown).setChecked(True)
        self.button("passphrase").clicked.connect(self._passphrase_chosen)
        change = QPushButton("Set pa&ssphrase…")
        change.clicked.connect(self.set_passphrase)
        layout.addWidget(change)
        self.note = QLabel(MEANS[self.shown])
        self.note.setObjectName("protectionMeans")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.group.buttonClicked.connect(lambda _button: self.note.setText(MEANS[self._checked()]))

    def button(self, mode: str) -> QRadioButton:
        found = self.findChild(QRadioButton, f"protect-{mode}")
        assert found is not None
        return found

    def value(self) -> str:
        """The way chosen; left as shown, an open choice stays open (the district key is used while one is loaded,
        whichever it is)."""
        mode = self._checked()
        return self.chosen if mode == self.shown else mode

    def _checked(self) -> str:
        checked = self.group.checkedButton()
        return checked.objectName().removeprefix("protect-") if checked is not None else ""

    def set_passphrase(self) -> bool:
        """Ask for a new passphrase (kept at once); chosen when set."""
        if not self.set_passphrase_now():
            return False
        self.passphrase_set = True
        self.button("passphrase").setChecked(True)
        self.note.setText(MEANS["passphrase"])
        return True

    def _passphrase_chosen(self) -> None:
        """Choosing the passphrase asks for it when none is set; cancelled, the choice goes back."""
        if self.passphrase_set or self.set_passphrase():
            return
        self.group.setExclusive(False)
        self.button("passphrase").setChecked(False)
        self.group.setExclusive(True)
        if self.shown:
            self.button(self.shown).setChecked(True)
        self.note.setText(MEANS[self.shown])
