"""The date field: a full date, or shorthand (t, y, -3, 12/3) read in the order it states next to the field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QWidget

from safety_assess.domain.dates import DateTextError
from safety_assess.domain.walk.date_shorthand import expand_date, shorthand_help
from safety_assess.ui.walkthrough.editors import TypedEditor


def day_first(locale: QLocale) -> bool:
    """Whether this locale writes the day before the month in a short date (3/12 for 3 December)."""
    form = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return form.find("d") < form.find("M")


class DateEditor(TypedEditor):
    def __init__(self, allow_na: bool, parent: QWidget | None = None) -> None:
        super().__init__("YYYY-MM-DD", "", allow_na, today=True, parent=parent)
        self.day_first = day_first(QLocale())
        self.hint.setText(f"Enter saves · {shorthand_help(self.day_first)}")
        self.hint.setWordWrap(True)
        self.meaning = QLabel()
        self.meaning.setObjectName("dateMeaning")
        self.meaning.setAccessibleName("Date meant")
        self.row.insertWidget(1, self.meaning)
        self.line.textChanged.connect(self._show_meaning)

    def typed(self, text: str) -> object:
        try:
            return expand_date(text, dt.date.today(), self.day_first)
        except DateTextError:
            return text  # the answer check says what is wrong with it

    def _show_meaning(self, text: str) -> None:
        """What the shorthand typed so far stands for, before Enter saves it."""
        try:
            iso = expand_date(text, dt.date.today(), self.day_first)
        except DateTextError as error:
            self.meaning.setText(str(error))
            return
        self.meaning.setText(f"= {dt.date.fromisoformat(iso):%a %d %b %Y}" if iso != text else "")
