"""Which fields the checklist models have, read from the models themselves, so a field added to the format
later has a column without this package knowing its name."""

from __future__ import annotations

import types
from enum import Enum
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from safety_assess.domain.checklist.answers import ChoiceOption, ScaleDefinition, ScaleOption
from safety_assess.domain.checklist.model import Checklist, Group, Item, Section


@cache
def answer_models() -> dict[str, type[BaseModel]]:
    """Each answer type's model by its ``type`` value (yes_no: YesNoAnswer, ...)."""
    found: dict[str, type[BaseModel]] = {}
    for model in _members(Item.model_fields["answer"].annotation):
        if isinstance(model, type) and issubclass(model, BaseModel) and "type" in model.model_fields:
            for value in _members(model.model_fields["type"].annotation):
                found[str(value.value if isinstance(value, Enum) else value)] = model
    return found


@cache
def answer_fields() -> frozenset[str]:
    return frozenset(name for model in answer_models().values() for name in model.model_fields) - {"type"}


def item_fields() -> frozenset[str]:
    return frozenset(Item.model_fields)


def option_fields() -> frozenset[str]:
    return frozenset(ScaleOption.model_fields) | frozenset(ChoiceOption.model_fields)


def scale_fields() -> frozenset[str]:
    return frozenset(ScaleDefinition.model_fields) - {"options"}


def group_fields() -> frozenset[str]:
    return frozenset(Group.model_fields) - {"items"}


def section_fields() -> frozenset[str]:
    return frozenset(Section.model_fields) - {"items"}


def checklist_fields() -> frozenset[str]:
    return frozenset(Checklist.model_fields) - {"sections", "scales"}


_MODELS: dict[str, tuple[type[BaseModel], ...]] = {
    "item": (Item,),
    "option": (ScaleOption, ChoiceOption),
    "scale": (ScaleDefinition,),
    "group": (Group,),
    "section": (Section,),
    "checklist": (Checklist,),
}


def takes_text(where: str, name: str, answer_type: str | None = None) -> bool:
    """Whether the field holds plain text (a cell is taken as written), not a value written as YAML."""
    models = _MODELS.get(where, ())
    if where == "answer":
        model = answer_models().get(answer_type or "")
        models = (model,) if model else tuple(answer_models().values())
    for model in models:
        if name in model.model_fields:
            return _is_text(model.model_fields[name].annotation)
    return False


def _is_text(annotation: Any) -> bool:
    members = [m for m in _members(annotation) if m is not type(None)]
    return bool(members) and all(_text_member(m) for m in members)


def _text_member(member: Any) -> bool:
    if isinstance(member, str):
        return True  # a Literal's value
    return isinstance(member, type) and issubclass(member, str)


def _members(annotation: Any) -> list[Any]:
    """The types of a union, the values of a Literal, else the annotation itself (Annotated unwrapped)."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return [m for arg in get_args(annotation) for m in _members(arg)]
    if origin is Literal:
        return list(get_args(annotation))
    if origin is not None and hasattr(annotation, "__metadata__"):
        return _members(get_args(annotation)[0])
    return [annotation]
