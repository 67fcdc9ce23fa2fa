"""Sync tests reuse the reports' assessment: findings, actions, notes in several languages, photos (one redacted)."""

from __future__ import annotations

from tests.unit.reports.conftest import reported  # noqa: F401  (a fixture)
