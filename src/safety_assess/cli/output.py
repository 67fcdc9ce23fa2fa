"""Printing results: aligned text tables for people, JSON for scripts."""

from __future__ import annotations

import datetime as dt
import json
import sys
import unicodedata
import uuid
from collections.abc import Sequence
from typing import Any


def _default(value: object) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=_default)
    sys.stdout.write("\n")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """Text safe to print at a terminal: control characters (an escape, a bell, a newline), format characters (a
    right-to-left override) and line separators shown escaped (``\\x1b``, ``\\n``, ``\\u202e``); the rest as is."""
    return "".join(_escaped(c) if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)


def _escaped(char: str) -> str:
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Aligned columns; every cell printable (text that came in a bundle may hold terminal escapes)."""
    if not rows:
        print("(none)")
        return
    cells = [[str(c) for c in headers], *[[printable(str(c)) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for row in cells:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
