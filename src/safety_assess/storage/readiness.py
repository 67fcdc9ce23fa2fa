"""The district's readiness settings (drill rules with the school year and its terms, and the targets) as they
travel to laptops in campus packs, and where this installation's settings came from.

Settings are the district's: they go out in campus packs (district to laptop) and a laptop takes them, so it
computes due and overdue drills and progress as the district does. An installation on which someone set them (a
district computer: ``drill require``, ``terms set``, ``targets set`` ...) keeps its own and takes none from a bundle,
so a laptop's bundle, or a pack a laptop made, never changes the district's settings.
"""

from __future__ import annotations

import json
from typing import Any

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.readiness.rules_doc import rules_document, rules_from
from safety_assess.domain.readiness.targets import targets_document, targets_from
from safety_assess.storage import meta
from safety_assess.storage.database import Database
from safety_assess.storage.drills import RULES_KEY, rules
from safety_assess.storage.targets import TARGETS_KEY, targets

DOCUMENT_VERSION = 1


def set_here(database: Database) -> bool:
    """Whether someone set the settings on this installation (saving the drill rules or the targets marks it)."""
    return meta.get(database, meta.READINESS_SOURCE) == meta.SET_HERE


def readiness_document(database: Database) -> dict[str, Any]:
    """What a campus pack carries: the drill rules and the targets, each its own versioned document."""
    return {
        "document_version": DOCUMENT_VERSION,
        "drill_rules": rules_document(rules(database)),
        "targets": targets_document(targets(database)),
    }


def readiness_problem(document: Any) -> str | None:
    """What is wrong with a bundle's readiness document (None: nothing); its settings are read as they are stored."""
    if not isinstance(document, dict) or document.get("document_version") != DOCUMENT_VERSION:
        return "not a readiness document of version 1"
    try:
        rules_from(document.get("drill_rules"))
        targets_from(document.get("targets"))
    except SafetyAssessError as error:
        return str(error)
    return None


def take_readiness(database: Database, document: dict[str, Any], sender: str) -> bool:
    """Keep a campus pack's settings (checked by readiness_problem) unless they were set here; whether they changed
    anything."""
    if set_here(database):
        return False
    drill_rules = json.dumps(rules_document(rules_from(document["drill_rules"])), sort_keys=True)
    set_targets = json.dumps(targets_document(targets_from(document["targets"])), sort_keys=True)
    changed = meta.get(database, RULES_KEY) != drill_rules or meta.get(database, TARGETS_KEY) != set_targets
    meta.put_all(database, {RULES_KEY: drill_rules, TARGETS_KEY: set_targets, meta.READINESS_SOURCE: f"pack:{sender}"})
    return changed
