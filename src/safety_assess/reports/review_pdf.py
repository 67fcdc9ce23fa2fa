"""A PDF form's fields and their values, read with pikepdf from the AcroForm's field tree as any reader saved it.

Each terminal field's full name (its /T and its ancestors', joined by periods) maps to its value: the field's /V
(inherited from an ancestor when it has none); for a button without a value, the appearance state /AS of its
chosen widget (readers that fill only the widgets' states). Text comes back as str, a choice as '/name'; any
other kind of value is returned as it is, for the caller to refuse.
"""

from __future__ import annotations

from typing import Any

import pikepdf

FIELDS_MAX = 20_000
DEPTH_MAX = 32
OFF = "/off"


class FormError(ValueError):
    """A field tree that loops or nests too deep."""


def form_values(pdf: pikepdf.Pdf) -> dict[str, Any]:
    """Each terminal field's full name and value (None when it has none)."""
    return {name: value_of(field, inherited) for name, (field, inherited) in form_fields(pdf).items()}


def form_fields(pdf: pikepdf.Pdf) -> dict[str, tuple[pikepdf.Dictionary, Any]]:
    """Each terminal field by full name, with the value it inherits from its ancestors (None when none does)."""
    form = pdf.Root.get("/AcroForm")
    fields = form.get("/Fields") if isinstance(form, pikepdf.Dictionary) else None
    found: dict[str, tuple[pikepdf.Dictionary, Any]] = {}
    if isinstance(fields, pikepdf.Array):
        seen: set[tuple[int, int]] = set()
        for field in fields:
            _walk(field, "", None, (seen, found), 0)
    return found


def _walk(
    node: Any, prefix: str, inherited: Any, into: tuple[set[tuple[int, int]], dict[str, Any]], depth: int
) -> None:
    seen, found = into
    if not isinstance(node, pikepdf.Dictionary) or "/T" not in node:
        return  # a bare widget listed as a field: nothing to name
    if node.is_indirect:
        if node.objgen in seen:
            raise FormError("a field is its own ancestor")
        seen.add(node.objgen)
    if depth > DEPTH_MAX:
        raise FormError("the field tree is too deep")
    if len(found) >= FIELDS_MAX:
        return  # the caller refuses a form this large
    name = f"{prefix}.{node.T}" if prefix else str(node.T)
    value = node.get("/V", inherited)
    named_kids = [kid for kid in _kids(node) if isinstance(kid, pikepdf.Dictionary) and "/T" in kid]
    if not named_kids:
        found[name] = (node, value)
    for kid in named_kids:
        _walk(kid, name, value, into, depth + 1)


def _kids(node: pikepdf.Dictionary) -> list[Any]:
    kids = node.get("/Kids")
    return list(kids) if isinstance(kids, pikepdf.Array) else []


def value_of(field: pikepdf.Dictionary, inherited: Any) -> Any:
    value = field.get("/V", inherited)
    if value is None:
        value = _chosen_state(field)
    if isinstance(value, (pikepdf.String, pikepdf.Name)):
        return str(value)
    return value


def _chosen_state(field: pikepdf.Dictionary) -> Any:
    """The on-state of the field's chosen widget (the field itself when it is its own widget); None when none is."""
    for widget in _kids(field) or [field]:
        state = widget.get("/AS") if isinstance(widget, pikepdf.Dictionary) else None
        if isinstance(state, pikepdf.Name) and str(state).lower() != OFF:
            return state
    return None
