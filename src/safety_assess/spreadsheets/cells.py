"""How a field's value is written in a cell, and read back: friendly forms for the common columns (``>= 6``,
``6..10``, ``exit.locked = no``, ``a | b``) and compact YAML flow text (``{min: 6}``) for anything else.

A value is written in its friendly form only when reading that form back gives the same value; otherwise it is
written as flow text, which always reads back the same, so no value is ever changed by the way it is written.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

SLUG = r"[a-z0-9][a-z0-9_.-]*"
NUMBER = r"-?\d+(?:\.\d+)?"
_AT_LEAST = re.compile(rf"^(?:>=|≥)\s*({NUMBER})$")
_AT_MOST = re.compile(rf"^(?:<=|≤)\s*({NUMBER})$")
_BETWEEN = re.compile(rf"^({NUMBER})\s*\.\.\s*({NUMBER})$")
_SHOW_OUTCOME = re.compile(rf"^({SLUG})\s+is\s+([a-z_]+)$")
_SHOW_EQUALS = re.compile(rf"^({SLUG})\s*=\s*(.+)$")
FLOW_STARTS = ("{", "[")


def flow(value: Any) -> str:
    """``value`` as one line of YAML flow text: {when: [yes], prompt: Specify}."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = True
    yaml.width = 1_000_000
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    out = io.StringIO()
    yaml.dump(value, out)
    return out.getvalue().removesuffix("\n").removesuffix("\n...").strip()


def unflow(text: str) -> Any:
    """The value of YAML flow text; ValueError saying what is wrong."""
    try:
        return YAML(typ="safe", pure=True).load(text)
    except YAMLError as error:
        problem = getattr(error, "problem", None) or "not valid"
        raise ValueError(f"'{text[:60]}' is not a value written as YAML flow text ({problem})") from None


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def range_text(value: Any) -> str | None:
    if not isinstance(value, dict) or not set(value) <= {"min", "max"} or not value:
        return None
    low: Any = value.get("min")
    high: Any = value.get("max")
    if low is not None and high is not None:
        return f"{number(low)}..{number(high)}"
    return f">= {number(low)}" if low is not None else f"<= {number(high)}"


def read_range(text: str) -> dict[str, float]:
    for pattern, keys in ((_AT_LEAST, ("min",)), (_AT_MOST, ("max",)), (_BETWEEN, ("min", "max"))):
        found = pattern.match(text)
        if found:
            return {key: _to_number(found.group(i + 1)) for i, key in enumerate(keys)}
    raise ValueError(f"'{text}' is not a range: write >= 6, <= 10 or 6..10 (or YAML such as {{min: 6}})")


def show_if_text(value: Any) -> str | None:
    if not isinstance(value, dict) or "item" not in value or len(value) != 2:
        return None
    if "outcome" in value:
        return f"{value['item']} is {value['outcome']}"
    shown = [value["equals"]] if "equals" in value else value.get("any_of")
    if not isinstance(shown, list) or not shown:
        return None
    return f"{value['item']} = " + " | ".join(str(v) for v in shown)


def read_show_if(text: str) -> dict[str, Any]:
    found = _SHOW_OUTCOME.match(text)
    if found:
        return {"item": found.group(1), "outcome": found.group(2)}
    found = _SHOW_EQUALS.match(text)
    if not found:
        raise ValueError(
            f"'{text}' is not a condition: write item = value, item = a | b, or item is deficient "
            "(or YAML such as {item: x, equals: 'yes'})"
        )
    values: list[Any] = [_scalar(v.strip()) for v in found.group(2).split("|")]
    if len(values) == 1:
        return {"item": found.group(1), "equals": values[0]}
    return {"item": found.group(1), "any_of": values}


def list_text(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return " | ".join(value)


def read_list(text: str) -> list[str]:
    return [part.strip() for part in text.split("|") if part.strip()]


def _to_number(text: str) -> float:
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def _scalar(text: str) -> Any:
    return _to_number(text) if re.fullmatch(NUMBER, text) else text


Encoder = Callable[[Any], str | None]
Decoder = Callable[[str], Any]


def friendly(value: Any, encode: Encoder, decode: Decoder) -> str:
    """The friendly form of ``value`` when it reads back the same, else its flow text."""
    text = encode(value)
    if text is not None and not text.startswith(FLOW_STARTS):
        try:
            if decode(text) == value:
                return text
        except ValueError:
            pass
    return flow(value)


def read_friendly(text: str, decode: Decoder) -> Any:
    return unflow(text) if text.startswith(FLOW_STARTS) else decode(text)
