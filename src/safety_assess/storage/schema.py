"""Schema revisions this version of the app knows, oldest first.

Kept as a constant so opening an up-to-date database needs no Alembic import; a test checks it
matches the migration scripts.
"""

REVISIONS: tuple[str, ...] = tuple(f"{n:04d}" for n in range(1, 24))
HEAD = REVISIONS[-1]
