"""Rules of the format-2 fields: compound acceptability, follow-ups, yes/no items with no deficient answer."""

from __future__ import annotations

from collections.abc import Iterator

from safety_assess.domain.checklist.answers import YesNoAnswer
from safety_assess.domain.checklist.conditions import ItemCondition, Range, walk
from safety_assess.domain.checklist.issues import Issue, Path
from safety_assess.domain.checklist.model import Checklist, Group, Item
from safety_assess.domain.checklist.units import known_unit, spoken
from safety_assess.domain.checklist.values import check_value
from safety_assess.domain.errors import AnswerError

Located = tuple[Path, Group | None, Item]


def rule_conditions(located: list[Located]) -> Iterator[tuple[Path, Group | None, Item, Path, Range | ItemCondition]]:
    """Every range and item condition of every compound ``acceptable``, with the path to it."""
    for path, group, item in located:
        acceptable = getattr(item.answer, "acceptable", None)
        if acceptable is not None:
            base = (*path, "answer", "acceptable")
            for below, condition in walk(acceptable):
                yield path, group, item, (*base, *below), condition


def check_format_2(checklist: Checklist, located: list[Located]) -> list[Issue]:
    issues = _yes_no_without_deficient(located)
    issues += _follow_ups(checklist, located)
    issues += _replaced(located)
    by_id = {item.id: (group, item) for _, group, item in located}
    for _, group, item, path, condition in rule_conditions(located):
        if isinstance(condition, Range):
            issues += _range_unit(item, path, condition)
        else:
            issues += _item_condition(checklist, by_id, group, item, path, condition)
    return issues


def _yes_no_without_deficient(located: list[Located]) -> list[Issue]:
    return [
        Issue(
            (*path, "answer"),
            f"item '{item.id}' needs deficient_if (yes or no), or informational: true when no answer is deficient",
        )
        for path, _, item in located
        if isinstance(item.answer, YesNoAnswer) and item.answer.deficient_if is None and not item.informational
    ]


def _replaced(located: list[Located]) -> list[Issue]:
    """An item replaced must be gone from the checklist, and be replaced by one item only."""
    ids, by = {item.id for _, _, item in located}, dict[str, str]()
    issues = []
    for path, _, item in located:
        for index, old in enumerate(item.replaces):
            where = (*path, "replaces", index)
            if old in ids:
                issues.append(
                    Issue(where, f"item '{item.id}' replaces '{old}', which is still an item of this checklist")
                )
            elif old in by:
                issues.append(Issue(where, f"'{old}' is replaced by both '{by[old]}' and '{item.id}'"))
            by.setdefault(old, item.id)
    return issues


def _follow_ups(checklist: Checklist, located: list[Located]) -> list[Issue]:
    issues = []
    for path, _, item in located:
        for index, value in enumerate(item.follow_up.when if item.follow_up else []):
            try:
                _ = check_value(checklist, item, value)
            except AnswerError as error:
                where = (*path, "follow_up", "when", index)
                issues.append(Issue(where, f"'{value}' can never be an answer of '{item.id}': {error}"))
    return issues


def _range_unit(item: Item, path: Path, condition: Range) -> list[Issue]:
    if condition.unit is None:
        return []
    ours, theirs = known_unit(getattr(item.answer, "unit", None) or ""), known_unit(condition.unit)
    if theirs is None:
        return [
            Issue((*path, "unit"), f"'{condition.unit}' is not a unit (units that convert: in, ft, m, cm; s, min, h)")
        ]
    if ours is None or ours.kind != theirs.kind or theirs.size is None or ours.size is None:
        item_unit = getattr(item.answer, "unit", None) or "no unit"
        return [
            Issue(
                (*path, "unit"),
                f"'{condition.unit}' does not convert to the unit of item '{item.id}' ({item_unit}): "
                f"give the range in {spoken(item_unit)}",
            )
        ]
    return []


def _item_condition(
    checklist: Checklist,
    by_id: dict[str, tuple[Group | None, Item]],
    group: Group | None,
    item: Item,
    path: Path,
    condition: ItemCondition,
) -> list[Issue]:
    target = by_id.get(condition.item)
    if condition.item == item.id:
        return [Issue((*path, "item"), f"'{item.id}' cannot depend on itself: use min and max without 'item'")]
    if target is None:
        return [Issue((*path, "item"), f"acceptable names '{condition.item}', which is not an item of this checklist")]
    if target[0] is not None and target[0] is not group:
        return [
            Issue(
                (*path, "item"),
                f"acceptable names '{condition.item}', inside repeatable group '{target[0].group}'; "
                "only items of the same group can depend on it",
            )
        ]
    issues = []
    for value in condition.accepted_values():
        try:
            _ = check_value(checklist, target[1], value)
        except AnswerError as error:
            field = "equals" if condition.equals is not None else "any_of"
            issues.append(Issue((*path, field), f"'{value}' can never be an answer of '{condition.item}': {error}"))
    return issues
