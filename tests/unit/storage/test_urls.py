"""Database URLs: what is accepted, and that a refusal never shows the password."""

from __future__ import annotations

import pytest

from safety_assess.storage.urls import DatabaseUrlError, parse_database_url


def test_sqlite_and_postgresql_are_accepted_and_shown_without_password() -> None:
    assert parse_database_url("sqlite:////data/safety.sqlite3").is_sqlite
    target = parse_database_url("postgresql+psycopg://district:s3cret@db.example.org:5432/safety")
    assert not target.is_sqlite and target.shown == "postgresql+psycopg://district:***@db.example.org:5432/safety"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mysql://district:s3cret@db/safety", "the database 'mysql' is not supported"),
        ("postgresql://district:s3cret@db/safety", "name the driver"),
        ("postgresql+psycopg://district:s3cret@db", "name the database"),
        ("sqlite://", "must be a file"),
        ("not a url at all", "is not a database URL"),
        ("weird://district:s3cret@", "is not supported"),
    ],
)
def test_unusable_urls_are_refused_without_showing_the_password(text: str, message: str) -> None:
    with pytest.raises(DatabaseUrlError, match=message) as refused:
        parse_database_url(text)
    assert "s3cret" not in str(refused.value)
