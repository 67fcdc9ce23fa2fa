"""The JSON Schema of the checklist format, generated from the models and shipped as checklists/schema.json."""

from __future__ import annotations

import json
from typing import Any

from safety_assess.domain.checklist.model import Checklist


def checklist_json_schema() -> dict[str, Any]:
    schema = Checklist.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Safety Assess checklist",
        "description": "A checklist file for Safety Assess. See docs/checklist-format.md for every field.",
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }


def checklist_json_schema_text() -> str:
    return json.dumps(checklist_json_schema(), indent=2, ensure_ascii=False) + "\n"
