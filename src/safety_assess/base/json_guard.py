"""JSON from an untrusted file, parsed within limits: a document nested past any real one, or too large, is refused
in plain words instead of exhausting the stack or memory."""

from __future__ import annotations

import json
from typing import Any, Final

MAX_DEPTH: Final = 32
"""Bundle documents nest about five levels deep (document, list, record, annotations, point)."""


class JsonProblem(ValueError):
    """Why the text is not usable JSON, in words that can follow a file and entry name."""


def parse_json(data: bytes, max_depth: int = MAX_DEPTH) -> Any:
    """The JSON value in ``data`` (UTF-8), or JsonProblem: not UTF-8, not JSON, or nested deeper than ``max_depth``."""
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise JsonProblem("it is not UTF-8 text") from None
    except RecursionError:
        raise JsonProblem(f"it is nested far deeper than any Safety Assess file (over {max_depth} levels)") from None
    except json.JSONDecodeError as error:
        raise JsonProblem(f"it is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})") from None
    except ValueError:  # a number of thousands of digits, which Python refuses to convert
        raise JsonProblem("it holds a number far longer than any Safety Assess file does") from None
    if _depth(value, max_depth) > max_depth:
        raise JsonProblem(f"it is nested deeper than any Safety Assess file (over {max_depth} levels)")
    return value


def _depth(value: Any, limit: int) -> int:
    """How deep ``value`` nests, counted without recursion, stopping once past ``limit``."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if not isinstance(item, dict | list):
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        children = item.values() if isinstance(item, dict) else item
        pending.extend((child, depth + 1) for child in children)
    return deepest
