"""How a report shows its numbers: the ratio of two medians, a number with its unit."""

from __future__ import annotations


def fmt(value: float | None, unit: str = "", digits: int = 2) -> str:
    """*value* with *digits* decimals and *unit*, or a dash if it was not measured."""
    return "–" if value is None else f"{value:.{digits}f}{unit}"


def ratio(a: float | None, b: float | None) -> float | None:
    """*a* / *b*, or None if either was not measured."""
    return a / b if a is not None and b else None
