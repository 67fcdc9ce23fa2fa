"""An assessment in memory: answers by slot, which slots show, progress, filters and navigation."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import partial

from safety_assess.domain.checklist.answers import Outcome
from safety_assess.domain.checklist.conditions import ItemCondition, Other, walk
from safety_assess.domain.checklist.model import Checklist, Group, Item, ShowIf
from safety_assess.domain.checklist.outcomes import outcome
from safety_assess.domain.checklist.values import check_value
from safety_assess.domain.records import GroupInstance, Response
from safety_assess.domain.walk.slots import Slot, SlotKey, build_slots


@dataclass(frozen=True)
class Tally:
    """Progress of a set of slots: answered of applicable (visible and not N/A), and deficient answers."""

    answered: int = 0
    applicable: int = 0
    deficient: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.answered + other.answered, self.applicable + other.applicable, self.deficient + other.deficient
        )

    @property
    def percent(self) -> int:
        return 100 if self.applicable == 0 else round(100 * self.answered / self.applicable)


class Filter(StrEnum):
    ALL = "all"
    UNANSWERED = "unanswered"
    DEFICIENT = "deficient"
    REQUIRED_MISSING = "required_missing"


class AssessmentState:
    """Answers of one assessment against its checklist snapshot; recomputes what depends on them."""

    def __init__(
        self,
        checklist: Checklist,
        instances: Iterable[GroupInstance],
        responses: Iterable[Response],
        assessed_on: dt.date,
    ) -> None:
        self.checklist = checklist
        self.assessed_on = assessed_on
        self.instances = list(instances)
        self.responses = {SlotKey(r.item_id, r.instance_id): r for r in responses}
        self._group_of = {item.id: group for _, group, item in checklist.iter_items()}
        self._canonical: dict[int, list[object]] = {}
        self._ruled = any(_names_items(item) for _, _, item in checklist.iter_items())
        self.rebuild()

    def rebuild(self) -> None:
        """Call after instances change."""
        self.slots = build_slots(self.checklist, self.instances)
        self._index = {slot.key: n for n, slot in enumerate(self.slots)}
        self._visible: dict[SlotKey, bool] = {}
        self._outcomes: dict[SlotKey, Outcome | None] = {}

    def set_response(self, key: SlotKey, response: Response | None) -> None:
        """Record a response; what is shown and what it means are worked out again only if its value changed
        (a note, or the committed copy of an answer already applied, leaves them as they are)."""
        before = self.value(key)
        if response is None:
            self.responses.pop(key, None)
        else:
            self.responses[key] = response
        if self.value(key) != before:
            self._visible.clear()
            if self._ruled:
                self._outcomes.clear()  # a compound acceptable may name this item
            else:
                self._outcomes.pop(key, None)

    def slot(self, key: SlotKey) -> Slot:
        return self.slots[self._index[key]]

    def has(self, key: SlotKey) -> bool:
        return key in self._index

    def value(self, key: SlotKey) -> object:
        response = self.responses.get(key)
        return None if response is None else response.value

    def note(self, key: SlotKey) -> str:
        response = self.responses.get(key)
        return "" if response is None else response.note

    def follow_up(self, key: SlotKey) -> str:
        response = self.responses.get(key)
        return "" if response is None else response.follow_up

    def outcome(self, key: SlotKey) -> Outcome | None:
        """What the answer means (remembered until the answer changes: scores, findings and tiers all ask)."""
        if key in self._outcomes:
            return self._outcomes[key]
        value = self.value(key)
        found = None
        if value is not None:
            item = self.slot(key).item
            other = partial(self._other, key.instance_id)
            found = outcome(self.checklist, item, value, self.assessed_on, other)  # type: ignore[arg-type]
        self._outcomes[key] = found
        return found

    def _other(self, instance_id: uuid.UUID | None, item_id: str) -> Other:
        """Another item's answer and outcome for a compound ``acceptable`` (of the same instance in a group)."""
        target = SlotKey(item_id, instance_id if self._group_of.get(item_id) is not None else None)
        if not self.has(target) or not self.is_visible(target):
            return (None, None)
        value = self.value(target)
        if value is None:
            return None
        found = self.outcome(target)
        return value, None if found is None else found.value

    def is_visible(self, key: SlotKey) -> bool:
        """Shown unless a show_if (the item's, or its group's) does not hold; hidden targets hide dependents."""
        known = self._visible.get(key)
        if known is None:
            self._visible[key] = True  # a cycle cannot happen (checked at load); this guards recursion anyway
            known = self._visible[key] = self._compute_visible(key)
        return known

    def _compute_visible(self, key: SlotKey) -> bool:
        slot = self.slot(key)
        if slot.group is not None and slot.group.show_if and not self._holds(slot.group.show_if, None):
            return False
        return slot.item.show_if is None or self._holds(slot.item.show_if, key.instance_id)

    def _holds(self, condition: ShowIf, instance_id: object) -> bool:
        same_group = self._group_of.get(condition.item) is not None
        target = SlotKey(condition.item, instance_id if same_group else None)  # type: ignore[arg-type]
        if not self.has(target) or not self.is_visible(target):
            return False
        value = self.value(target)
        if value is None:
            return False
        if condition.outcome is not None:
            return self.outcome(target) == condition.outcome
        return any(_same(value, wanted) for wanted in self._wanted(condition))

    def _wanted(self, condition: ShowIf) -> list[object]:
        """The condition's values in canonical form (a label or '7' in the file means the stored value)."""
        cached = self._canonical.get(id(condition))
        if cached is None:
            found = self.checklist.find_item(condition.item)
            assert found is not None  # the checklist rules guarantee it
            cached = self._canonical[id(condition)] = [
                check_value(self.checklist, found[2], v) for v in condition.accepted_values()
            ]
        return cached

    def visible_slots(self) -> list[Slot]:
        return [slot for slot in self.slots if self.is_visible(slot.key)]

    def is_answered(self, key: SlotKey) -> bool:
        return self.value(key) is not None

    def tally(self, slots: Iterable[Slot]) -> Tally:
        answered = applicable = deficient = 0
        for slot in slots:
            if not self.is_visible(slot.key):
                continue
            result = self.outcome(slot.key)
            if result == Outcome.NOT_APPLICABLE:
                continue
            applicable += 1
            answered += result is not None
            deficient += result == Outcome.DEFICIENT
        return Tally(answered, applicable, deficient)

    def section_tally(self, section_id: str) -> Tally:
        return self.tally(s for s in self.slots if s.section.id == section_id)

    def overall(self) -> Tally:
        return self.tally(self.slots)

    def matches(self, slot: Slot, kind: Filter, text: str = "") -> bool:
        if not self.is_visible(slot.key):
            return False
        if text and not _contains(slot, text.lower()):
            return False
        if kind == Filter.UNANSWERED:
            return not self.is_answered(slot.key)
        if kind == Filter.DEFICIENT:
            return self.outcome(slot.key) == Outcome.DEFICIENT
        if kind == Filter.REQUIRED_MISSING:
            return slot.item.required and not self.is_answered(slot.key)
        return True

    def next_unanswered(self, after: SlotKey | None) -> Slot | None:
        """The first visible unanswered slot after ``after`` (wrapping round), or None when all are answered."""
        start = self._index[after] + 1 if after is not None and self.has(after) else 0
        order = self.slots[start:] + self.slots[:start]
        return next((s for s in order if self.is_visible(s.key) and not self.is_answered(s.key)), None)

    def step(self, current: SlotKey | None, delta: int, kind: Filter = Filter.ALL, text: str = "") -> Slot | None:
        """The next (delta 1) or previous (-1) slot that the filter shows, without wrapping."""
        shown = [s for s in self.slots if self.matches(s, kind, text)]
        if not shown:
            return None
        if current is None or not self.has(current):
            return shown[0]
        position = self._index[current]
        later = [s for s in shown if (self._index[s.key] - position) * delta > 0]
        if not later:
            return None
        return later[0] if delta > 0 else later[-1]

    def group_instances(self, group: Group) -> list[GroupInstance]:
        return sorted((i for i in self.instances if i.group_id == group.group), key=lambda i: i.position)


def _same(value: object, wanted: object) -> bool:
    if isinstance(value, list):  # multiple choice: every wanted option is chosen
        return all(w in value for w in wanted) if isinstance(wanted, list) else wanted in value
    if isinstance(value, int | float) and isinstance(wanted, int | float) and not isinstance(wanted, bool):
        return float(value) == float(wanted)
    return value == wanted


def _names_items(item: Item) -> bool:
    acceptable = getattr(item.answer, "acceptable", None)
    return acceptable is not None and any(isinstance(c, ItemCondition) for _, c in walk(acceptable))


def _contains(slot: Slot, text: str) -> bool:
    item = slot.item
    return text in item.prompt.lower() or text in item.guidance.lower() or text in item.id.lower()
