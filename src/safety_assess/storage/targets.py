"""The district's targets per metric per term, kept in app_meta as a versioned document (domain/readiness/targets.py)
beside the drill rules: one place for every computer of a shared database."""

from __future__ import annotations

import json

from safety_assess.domain.readiness.targets import Targets, targets_document, targets_from
from safety_assess.storage import meta
from safety_assess.storage.database import Database

TARGETS_KEY = "district_targets"


def targets(database: Database) -> Targets:
    """The district's targets; none until the first is set. A damaged or newer document is refused (TargetError)."""
    stored = meta.get(database, TARGETS_KEY)
    if stored is None:
        return Targets()
    try:
        document = json.loads(stored)
    except ValueError:
        document = None
    return targets_from(document)


def save_targets(database: Database, changed: Targets) -> None:
    """Keep the targets, set here (this installation keeps its own from now on: storage/readiness.py)."""
    document = json.dumps(targets_document(changed), sort_keys=True)
    meta.put_all(database, {TARGETS_KEY: document, meta.READINESS_SOURCE: meta.SET_HERE})
