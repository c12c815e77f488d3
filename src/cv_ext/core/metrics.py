"""Measured results: quantities with units, and ``label: before -> after`` changes."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from cv_ext.core.errors import ParseError
from cv_ext.core.pickling import quick_pickle

#: unit -> (dimension, factor to the dimension's base unit)
UNITS: dict[str, tuple[str, float]] = {
    "": ("number", 1.0),
    "%": ("percent", 1.0),
    "×": ("times", 1.0),
    "x": ("times", 1.0),
    "bit/s": ("bitrate", 1.0),
    "kbit/s": ("bitrate", 1e3),
    "Kbit/s": ("bitrate", 1e3),
    "Mbit/s": ("bitrate", 1e6),
    "Gbit/s": ("bitrate", 1e9),
    "Tbit/s": ("bitrate", 1e12),
    "bps": ("bitrate", 1.0),
    "kbps": ("bitrate", 1e3),
    "Mbps": ("bitrate", 1e6),
    "Gbps": ("bitrate", 1e9),
    "B/s": ("byterate", 1.0),
    "KB/s": ("byterate", 1e3),
    "MB/s": ("byterate", 1e6),
    "GB/s": ("byterate", 1e9),
    "B": ("bytes", 1.0),
    "KB": ("bytes", 1e3),
    "MB": ("bytes", 1e6),
    "GB": ("bytes", 1e9),
    "KiB": ("bytes", 1024.0),
    "MiB": ("bytes", 1024.0**2),
    "GiB": ("bytes", 1024.0**3),
    "ns": ("time", 1e-9),
    "µs": ("time", 1e-6),
    "us": ("time", 1e-6),
    "ms": ("time", 1e-3),
    "s": ("time", 1.0),
    "min": ("time", 60.0),
    "h": ("time", 3600.0),
}

# a decimal comma (1,3 Gbit/s in German) is read only with one or two decimals: "1,000"
# stays a thousands separator, which is refused as before
_QUANTITY_RE = re.compile(r"(~|≈|>=|<=|>|<)?\s*(\d+(?:\.\d+|,\d{1,2}(?!\d))?|\.\d+)\s*(\S*)")
_ARROW_RE = re.compile(r"->|→")
_CHANGE_RE = re.compile(r"([×x÷/])\s*(\d+(?:\.\d+)?)|([+-−])\s*(\d+(?:\.\d+)?)\s*%")


#: qualifiers that make a value approximate or a bound rather than a measurement
INEXACT = ("~", "≈", ">=", "<=", ">", "<")


@quick_pickle
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with an optional unit, as written (``~30 Mbit/s``)."""

    text: str
    value: float  # in the dimension's base unit
    dimension: str
    #: "~", "≈", ">", "<", ">=", "<=" as written before the number, or ""
    qualifier: str = ""

    @property
    def exact(self) -> bool:
        """Whether the value is stated as a measurement, not an estimate or a bound."""
        return not self.qualifier


def parse_quantity(text: str) -> Quantity:
    """Parse ``30 Mbit/s``, ``~1.3 Gbit/s`` (or ``1,3``), ``25%``, ``6×`` or ``42``."""
    value = " ".join(text.split())
    match = _QUANTITY_RE.fullmatch(value)
    if match is None:
        raise ParseError(f"invalid quantity {value!r}: expected a number and a unit")
    unit = match.group(3)
    if unit not in UNITS:
        known = ", ".join(sorted(u for u in UNITS if u))
        raise ParseError(f"unknown unit {unit!r} in {value!r}: known units are {known}")
    dimension, scale = UNITS[unit]
    number = float(match.group(2).replace(",", "."))
    return Quantity(value, number * scale, dimension, match.group(1) or "")


@quick_pickle
@dataclass(frozen=True, slots=True)
class Metric:
    """A measured change: ``label: before -> after`` or a relative ``label: ÷6``."""

    label: str
    before: str
    after: str
    #: after / before; a ratio of the values, so ``÷6`` is 1/6
    factor: float
    #: False when a value is approximate or a bound (``~30 Mbit/s``, ``>1 Gbit/s``): then
    #: the ratio is only an estimate, and no factor is stated
    exact: bool = True

    def factor_text(self) -> str:
        """``×43``, ``÷6``, ``×1.25``: the direction and size of the change; "" if inexact."""
        if not self.exact or self.factor == 0 or not math.isfinite(self.factor):
            return ""
        size = self.factor if self.factor >= 1 else 1 / self.factor
        sign = "×" if self.factor >= 1 else "÷"
        return sign + _round_factor(size)

    def text(self) -> str:
        """The metric as :func:`parse_metric` reads it."""
        if self.before:
            return f"{self.label}: {self.before} -> {self.after}"
        return f"{self.label}: {self.after}"

    def summary(self) -> str:
        """One readable line, e.g. ``peak throughput: ~30 Mbit/s → 1.3 Gbit/s (×43)``."""
        factor = self.factor_text()
        if not self.before:
            return f"{self.label}: {self.after}"
        return f"{self.label}: {self.before} → {self.after}" + (f" ({factor})" if factor else "")


def _round_factor(size: float) -> str:
    if size >= 10:
        return f"{round(size):d}"
    return f"{size:.2f}".rstrip("0").rstrip(".")


def parse_metric(text: str) -> Metric:
    """Parse one ``LABEL: BEFORE -> AFTER`` line, or ``LABEL: ×N`` / ``÷N`` / ``+N%``."""
    line = " ".join(text.split())
    label, colon, change = line.rpartition(": ")
    if not colon:
        label, colon, change = line.rpartition(":")
    label, change = label.strip(), change.strip()
    if not colon or not label or not change:
        raise ParseError(f"invalid metric {line!r}: expected 'LABEL: BEFORE -> AFTER'")
    parts = [part.strip() for part in _ARROW_RE.split(change, maxsplit=1)]
    arrow = len(parts) == 2
    before_text, after_text = (parts[0], parts[1]) if arrow else ("", change)
    if arrow:
        if not before_text or not after_text:
            raise ParseError(f"invalid metric {line!r}: expected 'LABEL: BEFORE -> AFTER'")
        before, after = parse_quantity(before_text), parse_quantity(after_text)
        if before.dimension != after.dimension:
            raise ParseError(
                f"invalid metric {line!r}: {before_text!r} and {after_text!r} "
                "are not in comparable units"
            )
        if before.value <= 0:
            raise ParseError(f"invalid metric {line!r}: the value before must be above zero")
        exact = before.exact and after.exact
        return Metric(label, before.text, after.text, after.value / before.value, exact)
    match = _CHANGE_RE.fullmatch(change)
    if match is None:
        raise ParseError(
            f"invalid metric {line!r}: expected 'LABEL: BEFORE -> AFTER', "
            "'LABEL: ×N', 'LABEL: ÷N' or 'LABEL: +N%'"
        )
    if match.group(1):
        size = float(match.group(2))
        if size <= 0:
            raise ParseError(f"invalid metric {line!r}: a factor must be above zero")
        factor = size if match.group(1) in "×x" else 1 / size
    else:
        percent = float(match.group(4))
        factor = 1 + (percent if match.group(3) == "+" else -percent) / 100
        if factor <= 0:
            raise ParseError(f"invalid metric {line!r}: a decrease must be below 100%")
    return Metric(label, "", change, factor)
