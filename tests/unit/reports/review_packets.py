"""Review packets made from the reports' assessment, and filled as PDF readers fill them: in the file's objects with
pikepdf (values, or the chosen widgets' states alone, appearance streams removed), with qpdf's JSON update, and with
pikepdf's form helpers (which make appearance streams). ``values`` name the reviewer's name field
``packet_reviewer`` whatever identity its name carries."""

from __future__ import annotations

import json
import subprocess
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Name
from pikepdf.form import CheckboxField, DefaultAppearanceStreamGenerator, Form, RadioButtonGroup

from safety_assess.domain.review.model import PacketIdentity
from safety_assess.reports import review_fields as names
from safety_assess.reports.content import ReportContent, ReportOptions
from safety_assess.reports.review_packet import write_review_packet
from safety_assess.services.plan import load_plan
from safety_assess.services.workspace import Workspace
from tests.unit.reports.conftest import CLOCK

IDENTITY = PacketIdentity(uuid.UUID("5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f"), plan_revision=3, packet_no=2)


def make_packet(
    workspace: Workspace, assessment_id: uuid.UUID, out: Path, public: bool = False, identity: PacketIdentity = IDENTITY
) -> ReportContent:
    plan = load_plan(workspace, assessment_id)
    omits = frozenset({"photos", "locations", "finding_details", "notes"})
    content = ReportContent(plan, ReportOptions(public=public, omits=omits, generated_at=CLOCK, district="Springfield"))
    assert write_review_packet(out, identity, content, plan.actions) == []  # every character has a glyph
    return content


def fill(source: Path, out: Path, values: Mapping[str, str], appearances: bool = True) -> Path:
    """Set field values as a reader does and save: with appearance streams made (pikepdf's form helpers), or in the
    fields' objects with the appearance streams removed, left to the reader to draw."""
    if appearances:
        return fill_with_pikepdf(source, out, values)
    return fill_objects(source, out, values)


def given_name(name: str) -> str:
    """The name ``values`` give a field: the reviewer's name field is ``packet_reviewer``."""
    return names.REVIEWER if names.is_reviewer_field(name) else name


def fill_objects(source: Path, out: Path, values: Mapping[str, str], states_only: bool = False) -> Path:
    """Set each field's /V (text as a string, a choice as a name) and separately each radio button's or
    checkbox's /AS (the chosen widget on, the others off); or (``states_only``) a choice's /AS alone. Every
    widget's appearance streams are removed, and the form asks the reader to draw them."""
    with pikepdf.open(source) as pdf:
        for field in pdf.Root.AcroForm.Fields:
            value = values.get(given_name(str(field.T)))
            widgets = list(field.get("/Kids", [field]))
            if value is not None:
                _set_object(field, widgets, value, states_only)
            for widget in widgets:
                if "/AP" in widget:
                    del widget["/AP"]
        pdf.Root.AcroForm.NeedAppearances = True
        pdf.save(out)
    return out


def _set_object(field: pikepdf.Dictionary, widgets: list[Any], value: str, states_only: bool) -> None:
    if not value.startswith("/"):
        field.V = pikepdf.String(value)
        return
    if not states_only:
        field.V = Name(value)
    for widget in widgets:
        widget.AS = Name(value) if value in widget.AP.N else Name.Off


def fill_with_qpdf(source: Path, out: Path, values: Mapping[str, str], states_only: bool = False) -> Path:
    """Set field values in the file's objects with qpdf's JSON update, as a tool working on the PDF's objects does:
    text as the field's value; a choice as the group's value, or (``states_only``) as the chosen button's
    appearance state alone. ``values`` may also rename a field: {"rename:old": "new"}."""
    dump = subprocess.run(
        ["qpdf", "--json-output", "--json-key=qpdf", str(source), "-"], capture_output=True, check=True
    )
    header, objects = json.loads(dump.stdout)["qpdf"]
    changed: dict[str, object] = {}
    for key, entry in objects.items():
        value = entry.get("value")
        if not isinstance(value, dict) or not str(value.get("/T", "")).startswith("u:"):
            continue
        name = given_name(value["/T"][2:])
        if f"rename:{name}" in values:
            changed[key] = {"value": {**value, "/T": "u:" + values[f"rename:{name}"]}}
        elif name in values:
            changed.update(_set(key, value, values[name], objects, states_only))
    update = out.with_suffix(".json")
    update.write_text(json.dumps({"qpdf": [header, changed]}))
    subprocess.run(["qpdf", str(source), f"--update-from-json={update}", str(out)], check=True)
    return out


def _set(key: str, field: dict[str, Any], text: str, objects: dict[str, Any], states_only: bool) -> dict[str, object]:
    if not text.startswith("/"):
        return {key: {"value": {**field, "/V": f"u:{text}"}}}
    changed: dict[str, object] = {} if states_only else {key: {"value": {**field, "/V": text}}}
    for kid in field.get("/Kids", []):
        widget = objects[f"obj:{kid}"]["value"]
        state = text if text in widget["/AP"]["/N"] else "/Off"
        changed[f"obj:{kid}"] = {"value": {**widget, "/AS": state}}
    return changed


def fill_with_pikepdf(source: Path, out: Path, values: Mapping[str, str]) -> Path:
    """Fill through qpdf's form helpers (pikepdf.form), which also make the fields' appearance streams."""
    with pikepdf.open(source) as pdf:
        form = Form(pdf, generate_appearances=DefaultAppearanceStreamGenerator)
        fields = {given_name(name): field for name, field in form.items()}
        for name, value in values.items():
            field = fields[name]
            if isinstance(field, CheckboxField):
                field.checked = value == "/Yes"
            elif isinstance(field, RadioButtonGroup):
                field.value = Name(value)
            else:
                field.value = value
        pdf.save(out)
    return out
