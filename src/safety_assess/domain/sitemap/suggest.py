"""Answers the plan's coverage suggests for the checklist's camera-coverage items; the assessor confirms them.

A marker is linked to an instance of a checklist group by the instance's label (``Marker.camera_instance``, for doors
as well as cameras). Each ``Rule`` names a group, an item of it, the marker kinds it reads and the values to
suggest when cameras see every linked marker or not. An instance linked to several markers (a pair of doors) counts
as seen only when every one of them is seen. Pure: the caller finds the instances by label and offers the values.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from safety_assess.domain.sitemap.coverage import CoverageItem, CoverageReport
from safety_assess.domain.sitemap.model import Marker, MarkerKind, SiteMap


@dataclass(frozen=True)
class Rule:
    group: str
    """The checklist group whose instances the markers are linked to."""
    item_id: str
    kinds: tuple[MarkerKind, ...]
    seen: str
    """The value when a camera sees every linked marker."""
    unseen: str
    """The value otherwise."""
    unseen_hint: str = ""
    """Said with the unseen value: what the plan cannot know."""


RULES: tuple[Rule, ...] = (
    Rule(
        "exterior-entry",
        "entry.door-visibility",
        (MarkerKind.EXTERIOR_DOOR,),
        seen="camera",
        unseen="none",
        unseen_hint="choose 'Direct view from an occupied room only' if a staffed room looks onto it",
    ),
)
"""The comprehensive checklist's exterior entries: is the door's approach watched by a camera."""


@dataclass(frozen=True)
class Suggestion:
    group: str
    instance_label: str
    item_id: str
    value: str
    reason: str
    """One line for the assessor: which cameras see it, or that none does."""
    markers: tuple[uuid.UUID, ...]


def suggestions(plan: SiteMap, report: CoverageReport, rules: Sequence[Rule] = RULES) -> list[Suggestion]:
    """One suggestion per rule and linked instance, in the order of the instances' labels."""
    items = {item.id: item for item in report.items}
    found = []
    for rule in rules:
        linked: dict[str, list[Marker]] = {}
        for marker in plan.markers:
            if marker.kind in rule.kinds and marker.camera_instance.strip() and marker.id in items:
                linked.setdefault(marker.camera_instance.strip(), []).append(marker)
        for label in sorted(linked, key=str.lower):
            found.append(_suggest(rule, label, [items[m.id] for m in linked[label]]))
    return found


def _suggest(rule: Rule, label: str, items: list[CoverageItem]) -> Suggestion:
    ids = tuple(item.id for item in items)
    unseen = [item for item in items if not item.covered_by]
    if unseen:
        names = ", ".join(_name(item) for item in unseen)
        reason = f"no camera on the plan sees {names}"
        if rule.unseen_hint:
            reason += f"; {rule.unseen_hint}"
        return Suggestion(rule.group, label, rule.item_id, rule.unseen, reason, ids)
    seen = "; ".join(f"{_name(item)} by {_cameras(item)}" for item in items)
    return Suggestion(rule.group, label, rule.item_id, rule.seen, f"seen on the plan: {seen}", ids)


def _name(item: CoverageItem) -> str:
    kind = "exterior door" if item.kind == MarkerKind.EXTERIOR_DOOR.value else item.kind
    number = f" {item.number}" if item.number is not None else ""
    label = f" ({item.label})" if item.label else ""
    return f"{kind}{number}{label}"


def _cameras(item: CoverageItem) -> str:
    return ", ".join(
        f"{s.label or 'a camera'} ({s.level.text})" if s.level else (s.label or "a camera") for s in item.covered_by
    )
