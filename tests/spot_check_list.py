"""A small checklist for spot-check tests whose runs must pass: each section's required items can all be answered
in a line (a real checklist's section asks a dozen things of several kinds)."""

from __future__ import annotations

from safety_assess.services.workspace import Workspace

CHECKLIST = "door-check"
TITLE = "Door check"
YAML = """\
schema_version: 2
id: door-check
title: Door check
version: 1.0.0
sections:
  - id: kit
    title: Go-kits
    items:
      - id: kit.classroom-present
        prompt: Is the classroom go-kit in place?
        answer: {type: yes_no, deficient_if: "no"}
        likelihood: 3
        severity: 3
        action: Restock the kit.
      - id: kit.note
        prompt: Anything else?
        answer: {type: text}
        required: false
  - id: doors
    title: Doors
    items:
      - id: doors.locked
        prompt: Are the exterior doors locked?
        answer: {type: yes_no, deficient_if: "no"}
        likelihood: 3
        severity: 4
        action: Lock them.
"""


def install(workspace: Workspace) -> str:
    """The checklist in the workspace's data folder, read; its id."""
    (workspace.data_dir.checklists / f"{CHECKLIST}.yaml").write_text(YAML, encoding="utf-8")
    workspace.reload_catalog()
    return CHECKLIST
