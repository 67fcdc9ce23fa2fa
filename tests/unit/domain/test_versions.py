"""File format versions: a version no app wrote is damage; only a higher one asks for an update."""

from __future__ import annotations

import pytest

from safety_assess.domain.versions import Readable, readable, version_problem


@pytest.mark.parametrize(
    ("version", "state"),
    [
        *[(1, Readable.YES), (2, Readable.YES), (3, Readable.NEWER), (0, Readable.DAMAGED), (-1, Readable.DAMAGED)],
        *[(None, Readable.DAMAGED), ("2", Readable.DAMAGED), (True, Readable.DAMAGED), (1.0, Readable.DAMAGED)],
    ],
)
def test_only_a_higher_whole_number_is_a_newer_format(version: object, state: Readable) -> None:
    assert readable(version, 2) is state


def test_the_words_for_each_case() -> None:
    assert version_problem(1, 1) is None
    assert version_problem(4, 1, "import it") == (
        "it was written by a newer Safety Assess (format 4; this one reads up to 1): update Safety Assess to import it"
    )
    assert version_problem(0, 1) == "it is damaged (its format number 0 was never written by any Safety Assess)"
    assert version_problem("1", 1) == 'it is damaged (its format number "1" was never written by any Safety Assess)'
    assert version_problem(None, 1) == "it is damaged (it has no format number)"
