"""Acceptability of a numeric answer: a range, or ``any_of`` / ``all_of`` over conditions on this item and others.

The fence rule: ``{any_of: [{all_of: [{min: 6, unit: ft}, {item: fence.anti-climb, equals: "yes"}]}, {min: 8,
unit: ft}]}``. A condition holds, fails, or is unknown (None) while an item it names is unanswered; ``any_of``
holds when one holds, ``all_of`` when all do, and either is unknown when the unknown ones could still decide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from safety_assess.domain.checklist.fields import ShowValue, Slug, Strict
from safety_assess.domain.checklist.units import convert, known_unit

OutcomeName = Literal["compliant", "deficient", "not_applicable", "unknown", "neutral"]


class Range(Strict):
    """Acceptable range, inclusive. A value outside it is deficient."""

    min: float | None = None
    max: float | None = None
    unit: str | None = Field(None, description="Unit of min and max, when not the item's (converted to it).")

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min is None and self.max is None:
            raise ValueError("a range needs 'min', 'max' or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"range min {self.min:g} is greater than max {self.max:g}")
        return self

    def bounds(self, item_unit: str | None) -> tuple[float | None, float | None]:
        """min and max in the item's unit (converted from ``unit`` when it is another one)."""
        source, target = known_unit(self.unit or ""), known_unit(item_unit or "")
        if self.unit is None or source is None or target is None or source == target:
            return self.min, self.max

        def converted(bound: float | None) -> float | None:
            return None if bound is None else convert(bound, source, target)

        return converted(self.min), converted(self.max)


class ItemCondition(Strict):
    """A condition on another item's answer: equal to a value, one of values, an outcome, or a numeric range."""

    item: Slug
    equals: ShowValue | None = None
    any_of: list[ShowValue] | None = Field(None, min_length=1)
    outcome: OutcomeName | None = None
    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _one_condition(self) -> ItemCondition:
        given = [c for c in (self.equals, self.any_of, self.outcome) if c is not None]
        numeric = self.min is not None or self.max is not None
        if len(given) + numeric != 1:
            raise ValueError("a condition on an item needs exactly one of 'equals', 'any_of', 'outcome' or min/max")
        return self

    def accepted_values(self) -> list[ShowValue]:
        if self.equals is not None:
            return [self.equals]
        return list(self.any_of or [])


class AnyOf(Strict):
    any_of: list[Condition] = Field(min_length=1, description="Holds when at least one condition holds.")


class AllOf(Strict):
    all_of: list[Condition] = Field(min_length=1, description="Holds when every condition holds.")


def _condition_kind(value: Any) -> str:
    if isinstance(value, dict):
        if "item" in value:
            return "item"
        return "all_of" if "all_of" in value else "any_of" if "any_of" in value else "range"
    kinds: dict[type, str] = {ItemCondition: "item", AllOf: "all_of", AnyOf: "any_of"}
    return kinds.get(type(value), "range")


Condition = Annotated[
    Annotated[Range, Tag("range")]
    | Annotated[ItemCondition, Tag("item")]
    | Annotated[AnyOf, Tag("any_of")]
    | Annotated[AllOf, Tag("all_of")],
    Discriminator(_condition_kind),
]
Acceptable = Annotated[
    Annotated[Range, Tag("range")] | Annotated[AnyOf, Tag("any_of")] | Annotated[AllOf, Tag("all_of")],
    Discriminator(_condition_kind),
]
AnyOf.model_rebuild()
AllOf.model_rebuild()

Other = tuple[object, str | None] | None
"""Another item's answer and its outcome; None while it is unanswered; (None, None) when it does not apply."""
Lookup = Callable[[str], Other]


def holds(
    condition: Range | ItemCondition | AnyOf | AllOf, value: float, unit: str | None, other: Lookup
) -> bool | None:
    """Whether ``value`` (in ``unit``) and the other answers meet the condition; None while that is unknown."""
    if isinstance(condition, Range):
        low, high = condition.bounds(unit)
        return (low is None or value >= low - 1e-9) and (high is None or value <= high + 1e-9)
    if isinstance(condition, ItemCondition):
        return _item_holds(condition, other(condition.item))
    results = [
        holds(c, value, unit, other) for c in (condition.any_of if isinstance(condition, AnyOf) else condition.all_of)
    ]
    decisive = isinstance(condition, AnyOf)
    if decisive in results:
        return decisive
    return None if None in results else not decisive


def _item_holds(condition: ItemCondition, answer: Other) -> bool | None:
    if answer is None:
        return None
    value, outcome = answer
    if value is None:
        return False
    if condition.outcome is not None:
        return outcome == condition.outcome
    if condition.min is not None or condition.max is not None:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return False
        return (condition.min is None or value >= condition.min) and (condition.max is None or value <= condition.max)
    return any(_same(value, wanted) for wanted in condition.accepted_values())


def _same(value: object, wanted: ShowValue) -> bool:
    if isinstance(value, list):
        return any(_same(v, wanted) for v in value)
    if isinstance(value, int | float) and isinstance(wanted, int | float):
        return float(value) == float(wanted)
    return str(value).lower() == str(wanted).lower()


def walk(
    condition: Range | ItemCondition | AnyOf | AllOf, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Range | ItemCondition]]:
    """Every range and item condition inside ``condition``, with its path below it."""
    if isinstance(condition, AnyOf | AllOf):
        key = "any_of" if isinstance(condition, AnyOf) else "all_of"
        for index, inner in enumerate(getattr(condition, key)):
            yield from walk(inner, (*path, key, index))
    else:
        yield path, condition
