"""Team assessments in the domain: the sections a pack gives, checked against the checklist, and the walk's order."""

from __future__ import annotations

import pytest

from safety_assess.base.resources import builtin_checklists_dir
from safety_assess.domain.checklist import Checklist
from safety_assess.domain.checklist.yamlfile import load_checklist_file
from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.team import assigned_first, chosen_sections


@pytest.fixture(scope="module")
def facility() -> Checklist:
    return load_checklist_file(builtin_checklists_dir() / "comprehensive-facility.yaml")


def test_sections_asked_for_come_in_the_checklists_order(facility: Checklist) -> None:
    assert chosen_sections(facility, ["entry", " grounds ", "entry"]) == ("grounds", "entry")


def test_no_sections_asked_for_means_every_one(facility: Checklist) -> None:
    every = tuple(s.id for s in facility.sections)
    assert chosen_sections(facility, None) == chosen_sections(facility, []) == chosen_sections(facility, [" "]) == every


def test_unknown_sections_are_named_with_the_valid_ones(facility: Checklist) -> None:
    with pytest.raises(NotFoundError) as refused:
        chosen_sections(facility, ["grounds", "roof", "moat"])
    message = str(refused.value)
    assert message.startswith("no sections 'roof', 'moat' in the checklist Comprehensive school facility")
    assert message.endswith("its sections are: grounds, parking, entry, visitor, interior, comms, utilities")
    with pytest.raises(NotFoundError, match=r"^no section 'roof' in"):
        chosen_sections(facility, ["roof"])


def test_the_walk_takes_the_assigned_sections_first_and_changes_nothing_else(facility: Checklist) -> None:
    walked = assigned_first(facility, ("entry", "comms"))
    assert [s.id for s in walked.sections] == [
        "entry",
        "comms",
        "grounds",
        "parking",
        "visitor",
        "interior",
        "utilities",
    ]
    assert walked.item_count() == facility.item_count() and facility.sections[0].id == "grounds"
