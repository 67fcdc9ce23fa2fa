"""Slots: each answerable place in an assessment, one per item, or one per item and group instance."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from safety_assess.domain.checklist.model import Checklist, Group, Item, Section
from safety_assess.domain.records import GroupInstance


@dataclass(frozen=True)
class SlotKey:
    item_id: str
    instance_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Slot:
    key: SlotKey
    section: Section
    group: Group | None
    instance: GroupInstance | None
    item: Item

    @property
    def label(self) -> str:
        """Where the slot is, for lists and messages: 'Cameras / Camera 2 - gym'."""
        if self.group is None or self.instance is None:
            return self.section.title
        return f"{self.group.title} / {self.instance.label}"


def build_slots(checklist: Checklist, instances: list[GroupInstance]) -> list[Slot]:
    """Every slot in walking order: section by section; a group's items repeated for each of its instances."""
    by_group: dict[str, list[GroupInstance]] = {}
    for instance in sorted(instances, key=lambda i: (i.position, i.label.lower())):
        by_group.setdefault(instance.group_id, []).append(instance)
    slots: list[Slot] = []
    for section in checklist.sections:
        for entry in section.items:
            if isinstance(entry, Group):
                for instance in by_group.get(entry.group, []):
                    slots += [Slot(SlotKey(i.id, instance.id), section, entry, instance, i) for i in entry.items]
            else:
                slots.append(Slot(SlotKey(entry.id), section, None, None, entry))
    return slots


def next_instance_label(group: Group, instances: list[GroupInstance]) -> str:
    """'Camera 3' when Camera 1 and 2 exist: the lowest free number after the group's instance label."""
    taken = {i.label.lower() for i in instances if i.group_id == group.group}
    number = 1
    while f"{group.instance_label} {number}".lower() in taken:
        number += 1
    return f"{group.instance_label} {number}"
