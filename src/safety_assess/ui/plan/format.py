"""How plan figures are written on screen (shared with the reports), and escaping for rich-text labels."""

from __future__ import annotations

import html

from safety_assess.domain.display import cost, cost_range, delta, money, percent, words

__all__ = ["cost", "cost_range", "delta", "escape", "money", "percent", "words"]


def escape(text: str) -> str:
    """Text for a rich-text label."""
    return html.escape(text, quote=False)
