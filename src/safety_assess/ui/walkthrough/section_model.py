"""The walkthrough's section tree: sections, groups and their instances, and the items to answer.

A thin model over the domain's AssessmentState (never the ORM). Items hidden by a condition or by the filter are
not listed; sections show their progress.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from safety_assess.domain.checklist.answers import Outcome
from safety_assess.domain.checklist.model import Group, Section
from safety_assess.domain.records import GroupInstance
from safety_assess.domain.walk.slots import Slot, SlotKey
from safety_assess.domain.walk.state import AssessmentState, Filter

Index = QModelIndex | QPersistentModelIndex
Clashes = Mapping[tuple[str, str | None], tuple[str, ...]] | None
CLASH = "⚠ "
"""Marks an item two devices answered differently, until the conflict is resolved."""
ROOT = QModelIndex()
MARKS = {
    None: "○",
    Outcome.COMPLIANT: "✓",
    Outcome.DEFICIENT: "✗",
    Outcome.NOT_APPLICABLE: "–",
    Outcome.UNKNOWN: "?",
    Outcome.NEUTRAL: "•",
}


@dataclass
class Node:
    ref: Section | Group | GroupInstance | Slot
    parent: int  # index of the parent node, -1 at the top
    row: int
    children: list[int] = field(default_factory=list)


class SectionTreeModel(QAbstractItemModel):
    KeyRole = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self, state: AssessmentState, parent: Any = None, others: frozenset[str] = frozenset(), clashes: Clashes = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.others = others
        """Sections a team assessment gave to another team member: marked, and greyed."""
        self.clashes = clashes or {}
        """Items in merge conflict, by (item, instance label), with their clashes: marked ⚠, told in the tooltip."""
        self.kind = Filter.ALL
        self.text = ""
        self._nodes: list[Node] = []
        self._top: list[int] = []
        self._slot_node: dict[SlotKey, int] = {}
        self._build()

    def set_filter(self, kind: Filter, text: str) -> None:
        self.kind, self.text = kind, text
        self.rebuild()

    def set_state(self, state: AssessmentState, others: frozenset[str] = frozenset(), clashes: Clashes = None) -> None:
        """Show another reading of the assessment (and of its conflicts: a resolved one loses its mark)."""
        self.state, self.others, self.clashes = state, others, clashes or {}
        self.rebuild()

    def rebuild(self) -> None:
        """Recompute which rows exist (after an answer changed what shows, or instances changed)."""
        self.beginResetModel()
        self._build()
        self.endResetModel()

    def refresh(self, changed: SlotKey) -> bool:
        """An answer changed: rebuild if that changed which rows show (True), else repaint its row and parents."""
        if self._shown_keys() != self._built_keys:
            self.rebuild()
            return True
        index = self.index_of(changed)
        while index.isValid():
            self.dataChanged.emit(index, index)
            index = index.parent()
        return False

    def _shown_keys(self) -> list[SlotKey]:
        return [s.key for s in self.state.slots if self.state.matches(s, self.kind, self.text)]

    def _build(self) -> None:
        self._nodes = []
        self._top_building: list[int] = []
        shown = {s.key: s for s in self.state.slots if self.state.matches(s, self.kind, self.text)}
        self._built_keys = list(shown)
        keep_empty = self.kind == Filter.ALL and not self.text
        for section in self.state.checklist.sections:
            section_node = self._add(section, -1)
            for entry in section.items:
                if isinstance(entry, Group):
                    self._add_group(entry, section_node, shown, keep_empty)
                elif SlotKey(entry.id) in shown:
                    self._add(shown[SlotKey(entry.id)], section_node)
        self._rebuild_lookups()

    def _add_group(self, group: Group, parent: int, shown: dict[SlotKey, Slot], keep_empty: bool) -> None:
        per_instance = [
            (instance, [shown[k] for i in group.items if (k := SlotKey(i.id, instance.id)) in shown])
            for instance in self.state.group_instances(group)
        ]
        if not keep_empty and not any(slots for _, slots in per_instance):
            return
        group_node = self._add(group, parent)
        for instance, slots in per_instance:
            if slots or keep_empty:
                instance_node = self._add(instance, group_node)
                for slot in slots:
                    self._add(slot, instance_node)

    def _add(self, ref: Section | Group | GroupInstance | Slot, parent: int) -> int:
        siblings = self._nodes[parent].children if parent >= 0 else self._top_building
        self._nodes.append(Node(ref, parent, len(siblings)))
        siblings.append(len(self._nodes) - 1)
        return len(self._nodes) - 1

    def _rebuild_lookups(self) -> None:
        self._top = [n for n, node in enumerate(self._nodes) if node.parent == -1]
        self._slot_node = {node.ref.key: n for n, node in enumerate(self._nodes) if isinstance(node.ref, Slot)}

    # Qt model interface -------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        children = self._nodes[parent.internalId()].children if parent.isValid() else self._top
        return self.createIndex(row, column, children[row])

    def parent(self, child: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        up = self._nodes[child.internalId()].parent
        return QModelIndex() if up < 0 else self.createIndex(self._nodes[up].row, 0, up)

    def rowCount(self, parent: Index = ROOT) -> int:
        if parent.column() > 0:
            return 0
        return len(self._nodes[parent.internalId()].children) if parent.isValid() else len(self._top)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ref = self._nodes[index.internalId()].ref
        if role == self.KeyRole:
            return ref.key if isinstance(ref, Slot) else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(ref, accessible=role == Qt.ItemDataRole.AccessibleTextRole)
        if role == Qt.ItemDataRole.ForegroundRole and self._someone_elses(ref):
            return QColor("#757575")
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(ref, Section) and ref.id in self.others:
            return "Another team member walks this section; you can still look, and answer what you see."
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(ref, Slot):
            told = "".join(f"<p><b>⚠</b> {html.escape(line, quote=False)}</p>" for line in self._clashes(ref))
            return f"<p>{html.escape(ref.item.prompt)}</p>{told}"  # rich text: a long prompt wraps, not runs on
        return None

    def _text(self, ref: Section | Group | GroupInstance | Slot, accessible: bool) -> str:
        if isinstance(ref, Section):
            tally = self.state.section_tally(ref.id)
            deficient = f" · {tally.deficient} deficient" if tally.deficient else ""
            whose = " · another team member's" if ref.id in self.others else ""
            return f"{ref.title}  {tally.answered}/{tally.applicable}{deficient}{whose}"
        if isinstance(ref, Group):
            return f"{ref.title} ({len(self.state.group_instances(ref))})"
        if isinstance(ref, GroupInstance):
            return ref.label
        result = self.state.outcome(ref.key)
        clash = CLASH if self._clashes(ref) else ""
        if accessible:
            status = "not answered" if result is None else result.value.replace("_", " ")
            return f"{ref.item.prompt}, {status}{', in conflict' if clash else ''}"
        return f"{MARKS[result]}  {clash}{ref.item.prompt}"

    def _clashes(self, slot: Slot) -> tuple[str, ...]:
        label = slot.instance.label if slot.instance is not None else None
        return self.clashes.get((slot.item.id, label), ())

    def _someone_elses(self, ref: Section | Group | GroupInstance | Slot) -> bool:
        if isinstance(ref, Section | Slot):
            return (ref.id if isinstance(ref, Section) else ref.section.id) in self.others
        return False

    # Lookups for the window ---------------------------------------------------------------------------------
    def index_of(self, key: SlotKey) -> QModelIndex:
        node = self._slot_node.get(key)
        return QModelIndex() if node is None else self.createIndex(self._nodes[node].row, 0, node)

    def ref(self, index: Index) -> Section | Group | GroupInstance | Slot | None:
        return self._nodes[index.internalId()].ref if index.isValid() else None
