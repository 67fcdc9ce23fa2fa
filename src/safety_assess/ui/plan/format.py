"""How plan figures are written on screen: money, percentages, layer and status names."""

from __future__ import annotations

from safety_assess.domain.scoring.plan import CostRange


def money(value: float) -> str:
    return f"${value:,.0f}"


def cost_range(low: float, high: float) -> str:
    return money(low) if low == high else f"{money(low)}–{money(high)}"


def cost(total: CostRange) -> str:
    return cost_range(total.low, total.high)


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"


def delta(value: float | None) -> str:
    if value is None:
        return ""
    return "±0" if round(value) == 0 else f"{value:+.0f}"


def words(identifier: str | None) -> str:
    """'building_perimeter' -> 'Building perimeter'."""
    if not identifier or identifier == "unassigned":
        return "No layer" if identifier == "unassigned" else "–"
    text = identifier.replace("_", " ")
    return text[:1].upper() + text[1:]


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
