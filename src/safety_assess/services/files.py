"""Writing a file the user asked for: whole, or not at all (see safety_assess.atomic)."""

from __future__ import annotations

from safety_assess.atomic import WriteError, replacing

__all__ = ["WriteError", "replacing"]
