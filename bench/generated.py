"""A generated checklist for the benches: yes/no items with varied risk, a recommendation and a cost band each."""

from __future__ import annotations

from typing import Any

from safety_assess.domain.checklist import Checklist, parse_checklist


def generated_checklist(checklist_id: str, items: int, sections: int) -> Checklist:
    """``items`` yes/no items (likelihood and severity cycling through 1-5) spread evenly over ``sections``."""
    found: list[dict[str, Any]] = [
        {
            "id": f"i{n}",
            "prompt": f"Generated control {n}: is it in place and working as intended?",
            "likelihood": 1 + n % 5,
            "severity": 1 + (n // 5) % 5,
            "action": "Repair or replace the control and check it monthly.",
            "cost": "medium",
            "answer": {"type": "yes_no", "deficient_if": "no"},
        }
        for n in range(items)
    ]
    size = -(-items // sections)
    parts = [
        {"id": f"s{s}", "title": f"Section {s}", "items": found[s * size : (s + 1) * size]} for s in range(sections)
    ]
    return parse_checklist(
        {"id": checklist_id, "title": f"Bench {checklist_id}", "version": "1.0.0", "sections": parts}
    )
