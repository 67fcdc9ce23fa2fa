"""How figures read: counts with the word for that many."""

from __future__ import annotations

import pytest

from safety_assess.domain.display import counted


@pytest.mark.parametrize(
    ("count", "word", "plural", "expected"),
    [
        (1, "campus", "", "1 campus"),
        (3, "campus", "", "3 campuses"),
        (0, "photo", "", "0 photos"),
        (1, "assessment", "", "1 assessment"),
        (2, "box", "", "2 boxes"),
        (2, "person", "people", "2 people"),
    ],
)
def test_a_count_reads_with_the_word_for_that_many(count: int, word: str, plural: str, expected: str) -> None:
    assert counted(count, word, plural) == expected
