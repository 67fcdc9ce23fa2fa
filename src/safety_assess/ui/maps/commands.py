"""Undo steps of the map window. A change is made first (so a refused one is told and never enters the stack);
the step then only undoes and redoes it through the service. Every write returns the plan as it now stands, which
the window shows and announces (``Edits.shown``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.sitemap.model import SiteMap

Write = Callable[[], SiteMap | None]


class Step(QUndoCommand):
    def __init__(self, text: str, redo: Write, undo: Write, edits: Edits) -> None:
        super().__init__(text)
        self.redo_write, self.undo_write, self.edits = redo, undo, edits
        self.done = True
        """Made before it was pushed: the stack's first redo does nothing."""

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        self.edits.write(self.text(), self.redo_write, self)

    def undo(self) -> None:
        self.edits.write(f"Undo {self.text().lower()}", self.undo_write, self)


class Edits:
    """The window's undo stack, and what it does with each plan a write returns and each refusal."""

    def __init__(
        self, stack: QUndoStack, shown: Callable[[SiteMap | None], object], refused: Callable[[str, str], object]
    ) -> None:
        self.stack, self.shown, self.refused = stack, shown, refused
        """``shown(plan)`` after each write (None: a plan was removed or restored, read them all again);
        ``refused(title, message)`` when the service refused it (the window tells and shows the plan as stored)."""

    def make(self, text: str, change: Write, undo: Write, redo: Write | None = None) -> bool:
        """Make ``change`` now; when it is made, an undo step that runs ``undo`` and then ``redo`` (default the
        same change again). A change refused (MapError, or the database) is told and leaves no step."""
        if not self.write(text, change):
            return False
        self.stack.push(Step(text, redo or change, undo, self))
        return True

    def write(self, text: str, change: Write, step: QUndoCommand | None = None) -> bool:
        try:
            plan = change()
        except SafetyAssessError as error:
            if step is not None:  # what it undoes is gone or changed elsewhere: the step cannot be taken again
                step.setObsolete(True)
            self.refused(f"{text}: not done", str(error))
            return False
        self.shown(plan)
        return True
