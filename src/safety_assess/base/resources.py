"""Where the files shipped with the app live: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_CHECKOUT = _PACKAGE.parent.parent


def _shipped(name: str) -> Path:
    inside = _PACKAGE / "_data" / name
    return inside if inside.is_dir() else _CHECKOUT / name


def builtin_checklists_dir() -> Path:
    return _shipped("checklists")


def resources_dir() -> Path:
    return _shipped("resources")


def user_guide() -> Path:
    """The user guide's first page (HTML, with its screenshots beside it)."""
    return _shipped("docs") / "user-guide" / "index.html"
