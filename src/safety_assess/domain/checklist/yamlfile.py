"""Read checklist YAML files, reporting each problem with the file's line number."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from safety_assess.domain.checklist.issues import ChecklistInvalid, Issue
from safety_assess.domain.checklist.issues import Path as DocPath
from safety_assess.domain.checklist.model import Checklist
from safety_assess.domain.checklist.parse import parse_checklist

MAX_FILE_BYTES = 5_000_000


def load_checklist_file(path: Path) -> Checklist:
    """Load and validate one checklist file; raise ChecklistInvalid with file and line on any problem."""
    text = _read_text(path)
    data = _parse_yaml(text, str(path))
    try:
        return parse_checklist(data)
    except ChecklistInvalid as error:
        located = [Issue(i.path, i.message, line_of(data, i.path)) for i in error.issues]
        located.sort(key=lambda issue: issue.line or 0)
        raise ChecklistInvalid(located, str(path)) from None


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ChecklistInvalid([Issue((), f"file is larger than {MAX_FILE_BYTES // 1_000_000} MB")], str(path))
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ChecklistInvalid(
            [Issue((), f"not UTF-8 text ({error.reason} at byte {error.start})")], str(path)
        ) from None
    except OSError as error:
        raise ChecklistInvalid([Issue((), f"cannot read file: {error.strerror}")], str(path)) from None


def _parse_yaml(text: str, source: str) -> Any:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = " ".join(str(error.problem or error.context or "malformed YAML").split())
        raise ChecklistInvalid([Issue((), f"malformed YAML: {problem}", line)], source) from None
    except YAMLError as error:
        raise ChecklistInvalid([Issue((), f"malformed YAML: {error}")], source) from None


def line_of(data: Any, path: DocPath) -> int | None:
    """The 1-based line of the deepest part of ``path`` that exists in the round-trip YAML ``data``."""
    line: int | None = None
    node = data
    for part in path:
        position = _position(node, part)
        if position is None:
            break
        line = position + 1
        node = node[part]
    if line is None:
        return _first_line(data)
    return line


def _position(node: Any, part: int | str) -> int | None:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        if isinstance(part, int) and isinstance(node, list):
            return int(lc.item(part)[0]) if 0 <= part < len(node) else None
        if isinstance(node, dict) and part in node:
            return int(lc.key(part)[0])
    except (KeyError, IndexError, TypeError):
        return None
    return None


def _first_line(data: Any) -> int | None:
    lc = getattr(data, "lc", None)
    return int(lc.line) + 1 if lc is not None and lc.line is not None else 1
