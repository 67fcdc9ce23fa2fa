"""Commands on repeatable-group instances (add, rename, reorder, remove), mixed into the walkthrough window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from safety_assess.base.jobs import Changes
from safety_assess.domain.checklist.model import Group
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.walk.slots import SlotKey, next_instance_label
from safety_assess.ui import dialogs

if TYPE_CHECKING:
    from safety_assess.ui.walkthrough.window import WalkthroughWindow


class InstanceCommands:
    """Add, rename, reorder and remove instances of the group selected in the walkthrough window."""

    def __init__(self, window: WalkthroughWindow) -> None:
        self.window = window

    def _target_group(self) -> Group | None:
        """The group selected in the tree, or the group of the current item, or the only group of its section."""
        ref = self.window.model.ref(self.window.tree.currentIndex())
        if isinstance(ref, Group):
            return ref
        instance = self.window.selected_instance()
        groups = {g.group: g for _, g in self.window.session.checklist.iter_groups()}
        if instance is not None:
            return groups[instance.group_id]
        if self.window.current is not None:
            section = self.window.session.state.slot(self.window.current).section
            in_section = [g for s, g in self.window.session.checklist.iter_groups() if s is section]
            if len(in_section) == 1:
                return in_section[0]
        return next(iter(groups.values())) if len(groups) == 1 else None

    def add(self) -> None:
        group = self._target_group()
        if group is None:
            dialogs.show_error(self.window, "No group selected", "Select a repeatable group in the tree first.")
            return
        default = next_instance_label(group, self.window.session.state.instances)
        label = dialogs.ask_text(
            self.window, f"Add to {group.title}", f"Label of the new {group.instance_label.lower()}:", default
        )
        if label is None:
            return
        if not self._run_instance_change(lambda: self.window.session.add_instance(group.group, label)):
            return
        added = [
            i
            for i in self.window.session.state.instances
            if i.group_id == group.group and i.label == " ".join(label.split())
        ]
        if added:
            self.window.go_to(SlotKey(group.items[0].id, added[0].id))

    def rename(self) -> None:
        instance = self.window.selected_instance()
        if instance is None:
            return
        label = dialogs.ask_text(self.window, "Rename", "New label:", instance.label)
        if label is not None:
            self._run_instance_change(lambda: self.window.session.rename_instance(instance.id, label))

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, delta: int) -> None:
        instance = self.window.selected_instance()
        if instance is not None:
            self._run_instance_change(lambda: self.window.session.move_instance(instance.id, delta))

    def remove(self) -> None:
        instance = self.window.selected_instance()
        if instance is None:
            return
        answers = self.window.session.answers_in(instance.id)
        if answers and not dialogs.confirm(
            self.window,
            "Remove instance",
            f"Remove '{instance.label}' and its {answers} answer{'s' if answers != 1 else ''}? This cannot be undone.",
        ):
            return
        if self.window.current is not None and self.window.current.instance_id == instance.id:
            self.window.current = None
        self._run_instance_change(lambda: self.window.session.remove_instance(instance.id))
        if self.window.current is None:
            self.window.next_unanswered()

    def _run_instance_change(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except SafetyAssessError as error:
            dialogs.show_error(self.window, "Not changed", str(error))
            return False
        current = self.window.current
        self.window.model.rebuild()
        self.window.tree.expandAll()
        self.window.show_status()
        if current is not None and self.window.session.state.has(current):
            self.window.go_to(current)
        self.window.publish(Changes(answers=frozenset({self.window.session.id})))
        return True
