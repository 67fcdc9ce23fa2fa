"""A checklist written as YAML the way the built-in files are: the format's key order, block style with short
answers, tags and conditions on one line, long text folded, and words YAML 1.1 reads as true/false quoted."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from safety_assess.domain.checklist.model import Checklist
from safety_assess.spreadsheets.cells import flow

_QUOTED = frozenset({"yes", "no", "y", "n", "on", "off", "true", "false", "null", "~"})
_ONE_LINE = frozenset({"answer", "tags", "show_if", "acceptable", "labels"})
_FLOW_WIDTH = 100
_FOLD_AT = 100


def checklist_yaml(checklist: Checklist, header: list[str]) -> str:
    """The checklist as YAML text, after ``header`` as comment lines."""
    document = checklist.model_dump(mode="json", exclude_defaults=True)
    document = {"schema_version": checklist.schema_version, **document}
    yaml = YAML()
    yaml.width = 110
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    out.write("".join(f"# {line}\n" for line in header))
    yaml.dump(_styled(document, None), out)
    return out.getvalue()


def _styled(value: Any, key: str | None) -> Any:
    if isinstance(value, dict):
        styled = CommentedMap((k, _styled(v, k)) for k, v in value.items())
        if key in _ONE_LINE and len(flow(value)) <= _FLOW_WIDTH:
            styled.fa.set_flow_style()
        return styled
    if isinstance(value, list):
        seq = CommentedSeq(_styled(v, None) for v in value)
        if all(not isinstance(v, dict | list) for v in value) and len(flow(value)) <= _FLOW_WIDTH:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str):
        if value.lower() in _QUOTED:
            return DoubleQuotedScalarString(value)
        if len(value) > _FOLD_AT and "\n" not in value and value == value.strip() and "  " not in value:
            return FoldedScalarString(value)
    return value
