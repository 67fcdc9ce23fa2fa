"""Schema revisions this version of the app knows, oldest first.

Kept as a constant so opening an up-to-date database needs no Alembic import; a test checks it
matches the migration scripts.
"""

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011")
HEAD = REVISIONS[-1]
