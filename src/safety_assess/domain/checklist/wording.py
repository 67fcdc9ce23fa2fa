"""Field problems of a checklist document in plain words, instead of the validation library's ("Input should be a
valid integer, unable to parse string as an integer"). Each says what the field takes and what it got."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic_core import ErrorDetails

from safety_assess.domain.checklist.answers import SLUG_PATTERN
from safety_assess.domain.checklist.model import SEMVER

FIELDS = "fields (name: value lines, or {name: value, ...})"
LIST = "a list (lines starting with '- ', or [a, b, ...])"


def shown(value: Any) -> str:
    """A value as the file would spell it: 'text' quoted, numbers and true/false as they are, null as nothing."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, Mapping):
        return "fields"
    if isinstance(value, list):
        return "a list"
    return json.dumps(value)


def _pattern(ctx: Mapping[str, Any], value: Any) -> str:
    pattern = ctx.get("pattern")
    if pattern == SLUG_PATTERN:
        return (
            f"{shown(value)} is not a valid id: use lowercase letters, digits, '_', '.' and '-', starting with a "
            "letter or digit (e.g. door-locked)"
        )
    if pattern == SEMVER:
        return f"expected a semantic version such as 1.2.0, got {shown(value)}"
    if pattern and "#" in pattern:
        return f"expected a colour as #rrggbb (e.g. #c62828), got {shown(value)}"
    return f"{shown(value)} does not have the expected form"


def _limit(kind: str, ctx: Mapping[str, Any], value: Any) -> str:
    words = {
        "greater_than_equal": ("at least", "ge"),
        "greater_than": ("more than", "gt"),
        "less_than_equal": ("at most", "le"),
        "less_than": ("less than", "lt"),
    }
    phrase, key = words[kind]
    bound = ctx.get(key)
    if isinstance(bound, float) and bound.is_integer():  # weight > 0.0 is "more than 0"
        bound = int(bound)
    return f"must be {phrase} {shown(bound)}, got {shown(value)}"


def _length(kind: str, ctx: Mapping[str, Any], value: Any) -> str:
    if kind == "string_too_short":
        return "must not be empty" if ctx.get("min_length") == 1 else f"needs at least {ctx['min_length']} characters"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters"
    count = len(value) if isinstance(value, list | Mapping) else 0
    if kind == "too_short":
        least = ctx.get("min_length")
        return f"needs at least {least} {'entry' if least == 1 else 'entries'}, has {count}"
    return f"has {count} entries; at most {ctx.get('max_length')} are allowed"


_TYPES = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "string_type": "text",
    "list_type": LIST,
    "dict_type": FIELDS,
    "model_type": FIELDS,
    "model_attributes_type": FIELDS,
}


def plain(detail: ErrorDetails) -> str:
    """The problem of one field in words (ruamel and JSON spelling of values, no library terms)."""
    kind, value = detail["type"], detail.get("input")
    ctx: Mapping[str, Any] = detail.get("ctx") or {}
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind in _TYPES:
        if value is None:
            return f"is empty; it takes {_TYPES[kind]}"
        return f"expected {_TYPES[kind]}, got {shown(value)}"
    if kind in ("literal_error", "enum"):
        return f"expected {ctx.get('expected')}, got {shown(value)}"
    if kind == "string_pattern_mismatch":
        return _pattern(ctx, value)
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return _limit(kind, ctx, value)
    if kind in ("string_too_short", "string_too_long", "too_short", "too_long"):
        return _length(kind, ctx, value)
    return str(detail["msg"]).removeprefix("Value error, ")
