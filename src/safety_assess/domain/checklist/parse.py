"""Turn a checklist document (plain data from YAML or a snapshot) into a checked ``Checklist``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from safety_assess.domain.checklist.answers import NUMERIC_TYPES, AnswerType
from safety_assess.domain.checklist.issues import ChecklistInvalid, Issue, Path
from safety_assess.domain.checklist.model import FORMAT_VERSION, Checklist
from safety_assess.domain.checklist.rules import check_rules
from safety_assess.domain.checklist.wording import FIELDS, plain, shown

__all__ = ["ChecklistInvalid", "Issue", "migrate_document", "parse_checklist"]

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _from_format_1(data: dict[str, Any]) -> dict[str, Any]:
    """Format 2 only added fields, each with a default that means what format 1 did: nothing to change."""
    return data


MIGRATIONS: dict[int, Migration] = {1: _from_format_1}
"""Step from format version N to N+1, applied in order to older documents."""

_ENTRY_TAGS = frozenset({"item", "group"})
_ANSWER_TAGS = frozenset(t.value for t in AnswerType)
_CONDITION_TAGS = frozenset({"range", "item", "any_of", "all_of"})
_RANGE_FIELDS = frozenset({"acceptable", "min", "max", "unit"})


def parse_checklist(data: object) -> Checklist:
    """Validate a document and return the checklist, or raise ChecklistInvalid listing every problem."""
    if not isinstance(data, Mapping):
        raise ChecklistInvalid([Issue((), not_fields(data))])
    document = migrate_document(dict(data))
    try:
        checklist = Checklist.model_validate(document)
    except ValidationError as error:
        raise ChecklistInvalid(_issues_from(error, document)) from None
    issues = check_rules(checklist)
    if issues:
        raise ChecklistInvalid(issues)
    return checklist


def not_fields(data: object) -> str:
    """Why a document that is not a set of fields is no checklist: empty, a list, or a line of text."""
    start = "a checklist is a set of fields: id:, title:, version: and sections:"
    if data is None:
        return f"the file is empty (or holds only comments): {start}"
    if isinstance(data, list):
        return f"the file is a list (its lines start with '- '): {start}, not a list"
    text = " ".join(str(data).split())
    return f"the file holds only the text '{text[:40]}': {start} (each line name: value)"


def document_format(data: object) -> int:
    """The format version a valid document states (the current one when it states none)."""
    version = data.get("schema_version", FORMAT_VERSION) if isinstance(data, Mapping) else FORMAT_VERSION
    return version if isinstance(version, int) else FORMAT_VERSION


def migrate_document(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older format version up to the current one; refuse a newer one."""
    version = data.get("schema_version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ChecklistInvalid([Issue(("schema_version",), f"must be a whole number from 1, got {version!r}")])
    if version > FORMAT_VERSION:
        raise ChecklistInvalid(
            [
                Issue(
                    ("schema_version",),
                    f"this file uses checklist format {version}; this version of Safety Assess "
                    f"reads up to format {FORMAT_VERSION}. Update Safety Assess to use it.",
                )
            ]
        )
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data


def _issues_from(error: ValidationError, document: Mapping[str, Any]) -> list[Issue]:
    issues: list[Issue] = []
    for detail in error.errors():
        path = _document_path(detail["loc"], document)
        issue = Issue(path, _message(detail, path, document))
        if issue not in issues:
            issues.append(issue)
    return issues


def _document_path(loc: tuple[int | str, ...], document: Mapping[str, Any]) -> Path:
    """Drop the union tags Pydantic puts in a location, keeping only real keys and indexes."""
    path: list[str | int] = []
    tagged = False
    for part in loc:
        if not tagged and _is_tag(path, part):
            tagged = True
            continue
        tagged = False
        path.append(part)
    return tuple(path)


def _is_tag(path: list[str | int], part: int | str) -> bool:
    """Pydantic names the union member it tried: 'item'/'group' after an entry's index, the type after 'answer',
    the kind of condition after 'acceptable' or an index of any_of / all_of."""
    if len(path) >= 2 and isinstance(path[-1], int) and path[-2] == "items":
        return part in _ENTRY_TAGS
    if path and (path[-1] == "acceptable" or (isinstance(path[-1], int) and path[-2:-1] in (["any_of"], ["all_of"]))):
        return part in _CONDITION_TAGS
    return bool(path) and path[-1] == "answer" and part in _ANSWER_TAGS


def _child(node: Any, part: int | str) -> Any:
    if isinstance(node, Mapping):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _message(detail: ErrorDetails, path: Path, document: Mapping[str, Any]) -> str:
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    if kind == "extra_forbidden":
        return _extra_message(path, document)
    if kind == "union_tag_invalid":
        expected = ", ".join(t.value for t in AnswerType)
        return f"unknown answer type {ctx.get('tag')!r}; expected one of: {expected}"
    if kind == "union_tag_not_found":
        if not isinstance(detail["input"], Mapping):
            return f"expected {FIELDS} such as {{type: yes_no, deficient_if: 'no'}}, got {shown(detail['input'])}"
        return "the answer needs a 'type' (yes_no, scale, rating, number, ...)"
    if kind == "string_type" and path and path[-1] == "version":
        return f"expected text, got {shown(detail['input'])} (quote it, e.g. '1.0.0')"
    return plain(detail)


def _extra_message(path: Path, document: Mapping[str, Any]) -> str:
    field = path[-1]
    if field in _RANGE_FIELDS and path[-2:-1] == ("answer",):
        return _answer_field_message(str(field), _child(_node_at(document, path[:-1]), "type"))
    return f"unknown field '{field}' (check the spelling against docs/checklist-format.md)"


def _answer_field_message(field: str, answer_type: object) -> str:
    numeric = {t.value for t in NUMERIC_TYPES}
    if field in ("min", "max") and answer_type in numeric:
        return f"'{field}' belongs under 'acceptable', e.g. acceptable: {{{field}: 10}}"
    if field == "unit" and answer_type == AnswerType.PERCENTAGE.value:
        return "a percentage takes no unit (it is always %)"
    listed = ", ".join(sorted(numeric - {AnswerType.PERCENTAGE.value} if field == "unit" else numeric))
    return f"'{field}' only applies to numeric answers ({listed}), not '{answer_type}'"


def _node_at(document: Mapping[str, Any], path: Path) -> Any:
    node: Any = document
    for part in path:
        node = _child(node, part)
    return node
