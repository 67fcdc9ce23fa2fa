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
        "terms": None if rules.terms is None else [[name, f"{m:02d}-{d:02d}"] for name, (m, d) in rules.terms],
    }


def rules_from(document: Any) -> DrillRules:
    """The rules of a stored document; a document of a newer version, or damaged, is refused in one line."""
    if not isinstance(document, dict) or not isinstance(document.get("version"), int):
        raise SafetyAssessError("the district's drill rules are damaged: set them again (safety-assess drill require)")
    if document["version"] > SETTINGS_VERSION:
        raise SafetyAssessError("the district's drill rules were written by a newer version of the app: update it")
    try:
        month, day = _day(document["year_start"])
        required = {
            CampusKind(kind): {DrillType(t): _count(n) for t, n in counts.items()}
            for kind, counts in document["required"].items()
        }
        rules = DrillRules((month, day), frozen_counts(required)).starting(month, day)
        terms = document.get("terms")  # version 1 had none: the default semesters
        return rules if terms is None else rules.with_terms(tuple((str(name), _day(start)) for name, start in terms))
    except (KeyError, ValueError, TypeError, AttributeError, SafetyAssessError):
        raise SafetyAssessError(
            "the district's drill rules are damaged: set them again (safety-assess drill require)"
        ) from None


def _day(text: Any) -> tuple[int, int]:
    month, day = (int(part) for part in str(text).split("-"))
    return month, day


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_REQUIRED:
        raise ValueError(value)
    return value
