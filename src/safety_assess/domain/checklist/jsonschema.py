"""The JSON Schema of the checklist format, generated from the models and shipped as checklists/schema.json."""

from __future__ import annotations

import json
from typing import Any

from safety_assess.domain.checklist.model import FORMAT_VERSION, Checklist


def checklist_json_schema() -> dict[str, Any]:
    schema = Checklist.model_json_schema()
    version = schema["properties"]["schema_version"]
    version.pop("const", None)
    version["enum"] = list(range(1, FORMAT_VERSION + 1))  # an older file is read migrated: no editor warning
    version["description"] = "Version of this file format; older ones are read as the current one."
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Safety Assess checklist",
        "description": "A checklist file for Safety Assess. See docs/checklist-format.md for every field.",
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }


def checklist_json_schema_text() -> str:
    return json.dumps(checklist_json_schema(), indent=2, ensure_ascii=False) + "\n"
