"""The district's drill rules as a versioned JSON document (kept in the database, one place for every computer)."""

from __future__ import annotations

from typing import Any

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.readiness.drills import CampusKind, DrillType
from safety_assess.domain.readiness.requirements import MAX_REQUIRED, SETTINGS_VERSION, DrillRules, frozen_counts


def rules_document(rules: DrillRules) -> dict[str, Any]:
    month, day = rules.year_start
    return {
        "version": SETTINGS_VERSION,
        "year_start": f"{month:02d}-{day:02d}",
        "required": {kind.value: {t.value: n for t, n in counts.items()} for kind, counts in rules.required.items()},
    }


def rules_from(document: Any) -> DrillRules:
    """The rules of a stored document; a document of a newer version, or damaged, is refused in one line."""
    if not isinstance(document, dict) or not isinstance(document.get("version"), int):
        raise SafetyAssessError("the district's drill rules are damaged: set them again (safety-assess drill require)")
    if document["version"] > SETTINGS_VERSION:
        raise SafetyAssessError("the district's drill rules were written by a newer version of the app: update it")
    try:
        month, day = (int(part) for part in str(document["year_start"]).split("-"))
        required = {
            CampusKind(kind): {DrillType(t): _count(n) for t, n in counts.items()}
            for kind, counts in document["required"].items()
        }
        return DrillRules((month, day), frozen_counts(required)).starting(month, day)
    except (KeyError, ValueError, TypeError, AttributeError, SafetyAssessError):
        raise SafetyAssessError(
            "the district's drill rules are damaged: set them again (safety-assess drill require)"
        ) from None


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_REQUIRED:
        raise ValueError(value)
    return value
