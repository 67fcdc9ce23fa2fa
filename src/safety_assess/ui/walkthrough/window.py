"""The walkthrough window: section tree, item panel, progress and the saved indicator."""

from __future__ import annotations

import datetime as dt
import html
import uuid

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from safety_assess.base.jobs import Changes
from safety_assess.domain.checklist.answers import Outcome
from safety_assess.domain.display import counted
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.records import GroupInstance
from safety_assess.domain.scoring.coverage import coverage
from safety_assess.domain.walk.slots import Slot, SlotKey
from safety_assess.domain.walk.state import Filter
from safety_assess.services.walkthrough import WalkSession
from safety_assess.ui import dialogs
from safety_assess.ui.actions import build_window_actions
from safety_assess.ui.camera import camera_status
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.operations import Operations
from safety_assess.ui.walkthrough import review as review_page
from safety_assess.ui.walkthrough.actions import SHORTCUT_HINT, WALK_ACTIONS
from safety_assess.ui.walkthrough.instances import InstanceCommands
from safety_assess.ui.walkthrough.item_panel import ItemPanel
from safety_assess.ui.walkthrough.photo_commands import PhotoCommands
from safety_assess.ui.walkthrough.section_model import SectionTreeModel
from safety_assess.ui.widgets.thumbnails import thumbnails

FILTERS = (
    ("All items", Filter.ALL),
    ("Unanswered", Filter.UNANSWERED),
    ("Deficient", Filter.DEFICIENT),
    ("Required, not answered", Filter.REQUIRED_MISSING),
)


YOURS_DONE = "Your sections are all answered; the next items are another team member's (answer what you saw)."


class WalkthroughWindow(QMainWindow):
    reopened = Signal(uuid.UUID)
    """A new revision was made: open it."""
    planRequested = Signal(uuid.UUID)
    """Show this assessment's findings and action plan."""
    exportRequested = Signal(uuid.UUID)
    conflictsRequested = Signal(uuid.UUID)
    """Show this assessment's merge conflicts side by side."""
    """The action-plan report of this assessment was asked for: the registry asks its options and writes it."""

    def __init__(self, session: WalkSession, channel: ChangeChannel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.channel = channel
        self.current: SlotKey | None = None
        self.setObjectName("WalkthroughWindow")
        self.model = SectionTreeModel(session.state, self, session.others, session.clashes)
        self.instances: InstanceCommands = InstanceCommands(self)
        self.operations = Operations(channel, self)
        self.panel = ItemPanel(thumbnails(session.workspace.photo_store, self.operations, self))
        self.photos: PhotoCommands = PhotoCommands(self)
        self.tree = self._build_tree()
        self.panel_scroll = self._scrolling(self.panel)
        self.header, self.progress, self.saved = QLabel(), QProgressBar(), QLabel("No changes yet")
        self.conflicts = QPushButton()
        self.filter, self.search = QComboBox(), QLineEdit()
        self._build_layout()
        self.actions_by_id = build_window_actions(self, "Walkthrough", WALK_ACTIONS)
        self._connect()
        self._camera_available, self._camera_reason = camera_status()
        self.show_status()
        self.go_to(session.start_key())
        self.resize(1200, 760)
        channel.subscribe(self._follow)

    # Building ---------------------------------------------------------------------------------------------------
    def _build_tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setObjectName("sectionTree")
        tree.setAccessibleName("Sections and items")
        tree.setHeaderHidden(True)
        tree.setUniformRowHeights(True)
        tree.setModel(self.model)
        tree.expandAll()
        return tree

    @staticmethod
    def _scrolling(panel: ItemPanel) -> QScrollArea:
        """The item scrolls rather than squeezing its options into each other on a short screen."""
        scroll = QScrollArea()
        scroll.setObjectName("itemScroll")
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    def _build_layout(self) -> None:
        self.filter.setAccessibleName("Show")
        for text, kind in FILTERS:
            self.filter.addItem(text, kind)
        self.search.setAccessibleName("Search prompts and guidance")
        self.search.setPlaceholderText("Search (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.progress.setAccessibleName("Overall progress")
        self.progress.setMinimumWidth(280)
        self.progress.setTextVisible(True)
        self.saved.setObjectName("savedIndicator")
        self.saved.setAccessibleName("Save status")
        self.header.setObjectName("walkHeader")
        self.header.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.filter)
        filters.addWidget(self.search, 1)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.tree)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.panel_scroll)
        splitter.setSizes([420, 780])
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.conflicts)
        top.addWidget(self.progress)
        top.addWidget(self.saved)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        hint = QLabel(SHORTCUT_HINT)
        hint.setObjectName("shortcutHint")
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout.addWidget(hint)
        self.setCentralWidget(central)

    def _connect(self) -> None:
        self.conflicts.clicked.connect(lambda: self.conflictsRequested.emit(self.session.id))
        self.panel.answered.connect(self.answer)
        self.panel.noteChanged.connect(self.write_note)
        self.panel.follow_up.changed.connect(self.write_follow_up)
        self.panel.follow_up.done.connect(self.next_unanswered)
        self.panel.navigate.connect(lambda step: self.next_unanswered() if step > 0 else self.previous())
        self.panel.cleared.connect(self.clear_answer)
        self.panel.pasted.connect(self.photos.paste)
        self.panel.photos.addRequested.connect(self.photos.add_from_files)
        self.panel.photos.filesDropped.connect(self.photos.import_paths)
        self.panel.photos.view.activated.connect(lambda index: self.photos.open_viewer(index.row()))
        self.tree.selectionModel().currentChanged.connect(self._tree_moved)
        self.tree.activated.connect(lambda _: self.panel.focus_answer())
        self.filter.currentIndexChanged.connect(self._refilter)
        self.search.textChanged.connect(self._refilter)
        self.search.returnPressed.connect(self._first_match)

    # Navigation -------------------------------------------------------------------------------------------------
    def go_to(self, key: SlotKey | None) -> None:
        if key is None or not self.session.state.has(key):
            self.panel.setEnabled(False)
            return
        self.panel.setEnabled(True)
        self.panel.follow_up.flush()  # text typed for the item being left is saved for that item
        self.current = key
        slot = self.session.state.slot(key)
        state = self.session.state
        typed = self.session.typed(key)
        self.panel.show_slot(state.checklist, slot, state.value(key), state.note(key), self.session.read_only, typed)
        self._show_converted(key)
        self._show_follow_up(key)
        self.panel.mark_someone_elses(slot.section.id in self.session.others)
        self.panel_scroll.verticalScrollBar().setValue(0)
        self.show_photos()
        index = self.model.index_of(key)
        if index.isValid() and self.tree.currentIndex() != index:
            # Signals stay on: the view must hear that the previous row was deselected, or it keeps painting it
            # highlighted. _tree_moved ignores the move, since self.current is already this item.
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self._remember(key)

    def show_photos(self) -> None:
        if self.current is None:
            return
        photos = self.session.photos_for(self.current)
        slot = self.session.state.slot(self.current)
        deficient = self.session.state.outcome(self.current) == Outcome.DEFICIENT
        missing = deficient and slot.item.photo_required_when_deficient and not photos
        self.panel.show_photos(photos, missing, self.session.read_only)

    def _remember(self, key: SlotKey) -> None:
        """Where the assessor is, committed on every move, as durable as the answers (an answer writes the item
        it moves to in its own commit, so a key press still costs one commit)."""
        try:
            self.session.remember(key)
        except SafetyAssessError as error:
            self._show_saved(False, str(error))

    def _tree_moved(self, index: QModelIndex) -> None:
        ref = self.model.ref(index)
        if isinstance(ref, Slot) and ref.key != self.current:
            self.go_to(ref.key)

    def next_unanswered(self) -> None:
        self._move_to(self.session.state.next_unanswered(self.current))

    def previous(self) -> None:
        found = self.session.state.step(self.current, -1, self.model.kind, self.model.text)
        if found is not None:
            self.go_to(found.key)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def focus_tree(self) -> None:
        self.tree.setFocus()

    def _refilter(self) -> None:
        self.model.set_filter(self.filter.currentData(), self.search.text().strip())
        self.tree.expandAll()
        if self.current is not None:
            index = self.model.index_of(self.current)
            if index.isValid():
                self.tree.setCurrentIndex(index)

    def _first_match(self) -> None:
        found = self.session.state.step(None, 1, self.model.kind, self.model.text)
        if found is not None:
            self.go_to(found.key)

    # Answering --------------------------------------------------------------------------------------------------
    def answer(self, value: object) -> None:
        key = self.current
        if key is None:
            return
        # a multiple choice stays while options are ticked; an answer that asks a follow-up stays for its text
        advance = not isinstance(value, list) and not self.session.would_ask_follow_up(key, value)
        try:
            if advance:
                following = self.session.answer_and_advance(key, value)
            else:
                self.session.answer(key, value)
        except SafetyAssessError as error:
            self.panel.show_error(str(error))
            self._show_saved(False, str(error))
            return
        self._after_change(key)
        recorded, typed = self.session.recorded_as(key), self.session.typed(key)
        if recorded is not None:  # shown as typed, with what it was recorded as, here and where the walk goes on
            self.statusBar().showMessage(f"{self.session.state.slot(key).item.prompt}: {typed} recorded as {recorded}")
        if not advance and self.session.asks_follow_up(key):
            self.panel.follow_up.line.setFocus()
        if advance:
            self._move_to(following)
            if self.session.finished_own_sections(key, following):
                self.statusBar().showMessage(YOURS_DONE, 8000)

    def _move_to(self, found: Slot | None) -> None:
        if found is None:
            self.statusBar().showMessage("Every item is answered. Review and complete with Ctrl+R.", 8000)
        else:
            self.go_to(found.key)

    def write_note(self, text: str) -> None:
        if self.current is None:
            return
        try:
            self.session.note(self.current, text)
        except SafetyAssessError as error:
            self._show_saved(False, str(error))
            return
        self._after_change(self.current, show=False)

    def write_follow_up(self, text: str) -> None:
        if self.current is None:
            return
        try:
            self.session.follow_up(self.current, text)
        except SafetyAssessError as error:
            self._show_saved(False, str(error))
            return
        self._after_change(self.current, show=False)

    def _show_converted(self, key: SlotKey) -> None:
        """An amount typed in another unit: what was typed, and what it was recorded as."""
        recorded, typed = self.session.recorded_as(key), self.session.typed(key)
        self.panel.show_converted(typed, recorded)

    def _show_follow_up(self, key: SlotKey) -> None:
        item = self.session.state.slot(key).item
        asked = item.follow_up.prompt if item.follow_up and self.session.asks_follow_up(key) else None
        self.panel.show_follow_up(asked, self.session.state.follow_up(key), self.session.read_only)

    def clear_answer(self) -> None:
        if self.current is None or not self.session.state.is_answered(self.current):
            return
        try:
            self.session.clear(self.current)
        except SafetyAssessError as error:
            self._show_saved(False, str(error))
            return
        self._after_change(self.current)

    def undo(self) -> None:
        try:
            key = self.session.undo()
        except SafetyAssessError as error:
            self._show_saved(False, str(error))
            return
        if key is None:
            self.statusBar().showMessage("Nothing to undo.", 4000)
            return
        self._after_change(key, show=False)
        self.go_to(key)

    def _after_change(self, key: SlotKey, show: bool = True) -> None:
        if self.model.refresh(key):
            self.tree.expandAll()
        if show and key == self.current:
            self.panel.show_value(self.session.state.value(key), self.session.typed(key))
            self._show_converted(key)
            self._show_follow_up(key)
            self.show_photos()
        self.show_status()
        self._show_saved(True)
        self.publish(Changes(answers=frozenset({self.session.id})))

    def publish(self, changes: Changes) -> None:
        """Tell the other windows what was changed here."""
        self.channel.publish(changes, self)

    def _follow(self, changes: Changes, origin: object) -> None:
        """This assessment changed in another window or by an import. Its own changes are shown already: reading
        the assessment again would move the assessor and drop what they are typing."""
        if origin is self:
            return
        if self.session.id in changes.assessments | changes.answers:
            self.reload()
        elif self.session.id in changes.photos:
            self.session.reload_photos()
            self.show_photos()

    def reload(self) -> None:
        """Read the assessment again (a bundle brought a newer copy, say), staying on the current item."""
        current = self.current
        self.session = WalkSession(self.session.workspace, self.session.id)
        self.model.set_state(self.session.state, self.session.others, self.session.clashes)
        self.tree.expandAll()
        self.show_status()
        self.go_to(current if current is not None and self.session.state.has(current) else self.session.start_key())

    def _show_saved(self, ok: bool, problem: str = "") -> None:
        if ok:
            self.saved.setText(f"✓ Saved {dt.datetime.now():%H:%M:%S}")
            self.saved.setStyleSheet("")
        else:
            self.saved.setText("✗ Not saved")
            self.saved.setToolTip(problem)
            self.saved.setStyleSheet("color: #c62828; font-weight: bold;")
            self.statusBar().showMessage(f"Not saved: {problem}")

    def show_status(self) -> None:
        summary, tally = self.session.summary, self.session.state.overall()
        self.setWindowTitle(f"{summary.campus.name}: {summary.checklist.title} - Safety Assess")
        state = (
            f"Completed, signed off by {', '.join(summary.signed_off_by)}; read-only. Reopen to change it."
            if summary.read_only
            else f"Revision {summary.revision_no}, {summary.assessed_on.isoformat()}"
        )
        self.conflicts.setText(f"⚠ {counted(self.session.conflicts, 'conflict')} to resolve…")
        self.conflicts.setVisible(self.session.conflicts > 0)
        team = team_note(self.session) + ("" if self.session.checklist.scored else " · not scored (findings only)")
        self.header.setText(f"<b>{summary.campus.name}</b> · {summary.checklist.title} · {state}{team}")
        self.progress.setMaximum(max(tally.applicable, 1))
        self.progress.setValue(tally.answered)
        deficient = f" · {tally.deficient} deficient" if tally.deficient else ""
        self.progress.setFormat(f"{tally.answered}/{tally.applicable} answered{deficient}")
        for name in (
            "walk.undo",
            "walk.clear",
            "walk.add_instance",
            "walk.rename_instance",
            "walk.move_up",
            "walk.move_down",
            "walk.remove_instance",
        ):
            self.actions_by_id[name].setEnabled(not summary.read_only)
        self.actions_by_id["walk.reopen"].setEnabled(summary.read_only)
        self.actions_by_id["walk.add_photos"].setEnabled(not summary.read_only)
        take = self.actions_by_id["walk.take_photos"]
        take.setEnabled(self._camera_available and not summary.read_only)
        take.setToolTip(self._camera_reason or take.statusTip())

    # Review, complete, reopen -----------------------------------------------------------------------------------
    def review(self) -> None:
        self.panel.flush_note()
        covered = coverage(self.session.state)
        choice = review_page.ask_review(self, self.session.review(), self.session.read_only, covered)
        if choice.go_to is not None:
            self.go_to(choice.go_to)
        elif choice.complete:
            self._complete()

    def _complete(self) -> None:
        names = dialogs.ask_signoff(self, list(self.session.summary.assessors))
        if names is None:
            return
        try:
            self.session.complete(names)
        except SafetyAssessError as error:
            dialogs.show_error(self, "Not completed", str(error))
            return
        self.show_status()
        self.go_to(self.current)
        self.publish(Changes(assessments=frozenset({self.session.id})))

    def reopen(self) -> None:
        reason = dialogs.ask_reopen_reason(self)
        if reason is None:
            return
        try:
            new_id = self.session.reopen(reason)
        except SafetyAssessError as error:
            dialogs.show_error(self, "Not reopened", str(error))
            return
        self.publish(Changes(assessments=frozenset({self.session.id, new_id})))
        self.reopened.emit(new_id)
        self.close()

    def selected_instance(self) -> GroupInstance | None:
        ref = self.model.ref(self.tree.currentIndex())
        if isinstance(ref, GroupInstance):
            return ref
        if isinstance(ref, Slot):
            return ref.instance
        return None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel.flush_note()
        self.operations.wait_all(60_000)
        super().closeEvent(event)

    def show_plan(self) -> None:
        self.planRequested.emit(self.session.id)

    def export_plan(self) -> None:
        self.exportRequested.emit(self.session.id)


def team_note(session: WalkSession) -> str:
    """For a team assessment: whose it is and which sections are this laptop's, for the header; for a spot check's
    run, the sections it checks."""
    team = session.team
    if session.spot_check is not None:
        return f"<br>Spot check: {html.escape(', '.join(s.title for s in session.checklist.sections))}"
    if team is None:
        return ""
    titles = [s.title for s in session.checklist.sections if team.assigned(s.id)]
    lead = html.escape(team.lead_name or team.lead_fingerprint)
    return f"<br>Team assessment from {lead} · your sections: {html.escape(', '.join(titles))}"
