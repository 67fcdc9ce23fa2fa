"""Sync bundles in the app: export with progress and cancel, import by menu or drag and drop, district keys."""

from __future__ import annotations

from pathlib import Path

BUNDLE_SUFFIX = ".sabundle"


def bundle_paths(paths: list[Path]) -> list[Path]:
    """The bundles among dropped files."""
    return [p for p in paths if p.suffix.lower() == BUNDLE_SUFFIX and p.is_file()]
