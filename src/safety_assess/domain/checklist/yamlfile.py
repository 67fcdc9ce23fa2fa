"""Read checklist YAML files, reporting each problem with the file's line number."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from safety_assess.domain.checklist.issues import ChecklistInvalid, Issue
from safety_assess.domain.checklist.issues import Path as DocPath
from safety_assess.domain.checklist.model import Checklist
from safety_assess.domain.checklist.parse import document_format, parse_checklist
from safety_assess.domain.checklist.yaml_problems import BINARY, explain

MAX_FILE_BYTES = 5_000_000


def load_checklist_file(path: Path) -> Checklist:
    """Load and validate one checklist file; raise ChecklistInvalid with file and line on any problem."""
    return read_checklist_file(path)[0]


def read_checklist_file(path: Path) -> tuple[Checklist, int]:
    """``load_checklist_file``, with the format version the file is written in (older ones are read migrated)."""
    text = _read_text(path)
    data = _parse_yaml(text, str(path))
    try:
        return parse_checklist(data), document_format(data)
    except ChecklistInvalid as error:
        located = [Issue(i.path, i.message, line_of(data, i.path)) for i in error.issues]
        located.sort(key=lambda issue: issue.line or 0)
        raise ChecklistInvalid(located, str(path)) from None


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ChecklistInvalid(
                [Issue((), f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB, too large for a checklist")],
                str(path),
            )
        data = path.read_bytes()
    except OSError as error:
        raise ChecklistInvalid([Issue((), f"cannot read file: {error.strerror}")], str(path)) from None
    return _decoded(data, str(path))


def _decoded(data: bytes, source: str) -> str:
    """The file's text; a UTF-16 file, a binary file or text in another encoding is refused, saying which."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ChecklistInvalid([Issue((), "the file is saved as UTF-16 text: save it as UTF-8")], source)
    if b"\x00" in data[:8192]:
        raise ChecklistInvalid([Issue((), BINARY)], source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[data.rfind(b"\n", 0, error.start) + 1 : error.start].decode("utf-8", "replace")) + 1
        message = (
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} here comes from another encoding, such "
            "as Windows-1252): save it as UTF-8"
        )
        raise ChecklistInvalid([Issue((), message, line, column)], source) from None


def _parse_yaml(text: str, source: str) -> Any:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text)
    except YAMLError as error:
        found = explain(error, text)
        raise ChecklistInvalid([Issue((), found.message, found.line, found.column)], source) from None
    except RecursionError:  # thousands of nested [ or {: no checklist nests more than a few levels
        raise ChecklistInvalid(
            [Issue((), "the file nests lists or fields far deeper than any checklist")], source
        ) from None


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
