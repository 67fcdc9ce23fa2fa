"""How plan figures read, on screen and in reports: money, cost ranges, percentages, changes, identifiers."""

from __future__ import annotations

from safety_assess.domain.plan.actions import CostRange

_CURRENCY = ["$"]
"""The currency symbol amounts are shown with: a display preference of the installation (settings), set once when
the settings are read, the same for the screens, the reports and the command line."""


def use_currency(symbol: str) -> None:
    _CURRENCY[0] = symbol.strip() or "$"


def money(value: float) -> str:
    return _with_symbol(f"{value:,.0f}")


def _with_symbol(amount: str) -> str:
    symbol = _CURRENCY[0]
    return f"{symbol}{amount}" if len(symbol) == 1 else f"{amount} {symbol}"  # $1,200; 1,200 CHF


def money_short(value: float) -> str:
    """An amount for a crowded table: in full below 10,000, else in thousands or millions ('$12k', '$1.2M')."""
    if abs(value) < 10_000:
        return money(value)
    if abs(value) < 1_000_000:
        return _with_symbol(f"{value / 1000:,.0f}k")
    return _with_symbol(f"{value / 1_000_000:,.1f}M")


def cost_short(total: CostRange) -> str:
    """A cost range for a crowded table ('$1,000–$11,000', '$10k–$100k'); the full amounts are shown elsewhere."""
    low, high = money_short(total.low), money_short(total.high)
    return low if low == high else f"{low}–{high}"


def cost_range(low: float, high: float) -> str:
    return money(low) if low == high else f"{money(low)}–{money(high)}"


def cost(total: CostRange) -> str:
    return cost_range(total.low, total.high)


def percent(value: float | None, missing: str = "–") -> str:
    return missing if value is None else f"{value:.0f}%"


def delta(value: float | None, unit: str = "", same: str = "±0") -> str:
    """A change in percentage points: '+5', '-12', '±0' (with ``unit`` after: '+5 points')."""
    if value is None:
        return ""
    return same if round(value) == 0 else f"{value:+.0f}{unit}"


def words(identifier: str | None) -> str:
    """'building_perimeter' -> 'Building perimeter'; 'unassigned' (no layer) -> 'No layer'."""
    if identifier == "unassigned":
        return "No layer"
    if not identifier:
        return "–"
    text = identifier.replace("_", " ")
    return text[:1].upper() + text[1:]


def counted(count: int, word: str, plural: str = "") -> str:
    """``count`` and the word for that many: "1 campus", "3 campuses", "0 photos" (``plural``: when adding "s" is
    not how the word's plural is made; words ending in s, x, z, ch or sh take "es")."""
    if count == 1:
        return f"1 {word}"
    many = plural or (f"{word}es" if word.endswith(("s", "x", "z", "ch", "sh")) else f"{word}s")
    return f"{count} {many}"
