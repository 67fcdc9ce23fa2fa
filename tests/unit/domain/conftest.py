from __future__ import annotations

from pathlib import Path

import pytest

from safety_assess.domain.checklist import Checklist, Item
from safety_assess.domain.checklist.yamlfile import load_checklist_file


@pytest.fixture(scope="session")
def every_type() -> Checklist:
    return load_checklist_file(Path(__file__).resolve().parents[2] / "data" / "checklists" / "every-type.yaml")


@pytest.fixture
def item(every_type: Checklist):  # type: ignore[no-untyped-def]
    def find(item_id: str) -> Item:
        found = every_type.find_item(item_id)
        assert found is not None, item_id
        return found[2]

    return find
