"""Review packets made from the reports' assessment, and filled as PDF readers fill them."""

from __future__ import annotations

import json
import subprocess
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter

from safety_assess.domain.review.model import PacketIdentity
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
    write_review_packet(out, identity, content, plan.actions)
    return content


def fill(source: Path, out: Path, values: Mapping[str, str], appearances: bool = True) -> Path:
    """Set field values as a reader does and save: with appearance streams made, or left to the reader."""
    writer = PdfWriter(clone_from=PdfReader(source))
    for page in writer.pages:
        writer.update_page_form_field_values(page, dict(values), auto_regenerate=appearances)
    writer.set_need_appearances_writer(not appearances)
    with out.open("wb") as file:
        writer.write(file)
    return out


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
        name = value["/T"][2:]
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
