"""The CV model: dates, periods, durations, metrics and slugs, free of Sphinx.

Every parser here raises :class:`ParseError` (a ``ValueError``) with a message
fit to show an author, and nothing else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import math
import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum
from typing import Literal

from anyascii import anyascii

__all__ = [
    "Date",
    "Metric",
    "ParseError",
    "Period",
    "Precision",
    "Quantity",
    "Span",
    "format_months",
    "parse_date",
    "parse_email",
    "parse_end",
    "parse_list",
    "parse_metric",
    "parse_period",
    "parse_tags",
    "parse_url",
    "slug_or_digest",
    "slugify",
    "unique_id",
]

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class ParseError(ValueError):
    """Text that is not a valid date, period, metric, slug or URL."""


class Precision(IntEnum):
    """How much of a date the author gave."""

    YEAR = 1
    MONTH = 2
    DAY = 3


@dataclass(frozen=True, slots=True, order=True)
class Date:
    """A calendar date known to year, month or day precision."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> Precision:
        """How precise this date is."""
        if self.day:
            return Precision.DAY
        return Precision.MONTH if self.month else Precision.YEAR

    def iso(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: also the HTML ``datetime`` value."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def display(self) -> str:
        """A short English rendering: ``2024``, ``Jun 2024`` or ``23 Nov 2023``."""
        if not self.month:
            return str(self.year)
        month = MONTHS[self.month - 1]
        return f"{self.day} {month} {self.year}" if self.day else f"{month} {self.year}"

    def sort_tuple(self, *, last: bool = False) -> tuple[int, int, int]:
        """(year, month, day), a missing part being the first (or *last*) possible."""
        month = self.month or (12 if last else 1)
        return (self.year, month, self.day or (31 if last else 1))

    def month_index(self, *, last: bool = False) -> int:
        """Months since year 0; a year-only date is its January (or December if *last*)."""
        month = self.month or (12 if last else 1)
        return self.year * 12 + month - 1

    @classmethod
    def from_date(cls, value: dt.date) -> Date:
        """The day-precise date of a :class:`datetime.date`."""
        return cls(value.year, value.month, value.day)


_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
PRESENT_WORDS = frozenset({"present", "now", "today", "current"})


def parse_date(text: str) -> Date:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; reject impossible dates."""
    value = text.strip()
    match = _DATE_RE.fullmatch(value)
    if match is None:
        raise ParseError(f"invalid date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(group) if group else 0 for group in match.groups())
    if year < 1:
        raise ParseError(f"invalid date {value!r}: year 0000 does not exist")
    if match.group(2) and not 1 <= month <= 12:
        raise ParseError(f"invalid date {value!r}: month {month} does not exist")
    if match.group(3):
        try:
            dt.date(year, month, day)
        except ValueError:
            raise ParseError(f"invalid date {value!r}: day {day} does not exist") from None
    return Date(year, month, day)


def parse_end(text: str) -> Date | Literal["present"]:
    """An end date, or ``"present"`` for an ongoing span (also "now")."""
    if text.strip().lower() in PRESENT_WORDS:
        return "present"
    return parse_date(text)


@dataclass(frozen=True, slots=True)
class Span:
    """One continuous stretch of time; ``end=None`` is a single month, day or year."""

    start: Date
    end: Date | Literal["present"] | None = None

    def __post_init__(self) -> None:
        end = self.end
        if isinstance(end, Date) and (
            end.month_index(last=True) < self.start.month_index()
            or (end.precision == self.start.precision == Precision.DAY and end < self.start)
        ):
            raise ParseError(f"end {end.iso()} is before start {self.start.iso()}")

    @property
    def ongoing(self) -> bool:
        """Whether the span runs to the present."""
        return self.end == "present"

    def end_date(self, today: Date) -> Date:
        """The concrete last date: *today* for ongoing spans, the start for single ones."""
        if self.end == "present":
            return today
        return self.end or self.start

    def yearly(self) -> bool:
        """Whether either end is known only to the year."""
        end = self.end if isinstance(self.end, Date) else None
        return self.start.precision == Precision.YEAR or (
            end is not None and end.precision == Precision.YEAR
        )

    def months(self, today: Date) -> int:
        """Length in whole months, both ends counted (Jun-Nov is 6)."""
        end = self.end_date(today)
        if self.yearly():
            # "2013 - 2016" says three years, not the 48 months Jan 2013-Dec 2016 would give
            return max(end.year - self.start.year, 0) * 12
        return max(end.month_index() - self.start.month_index() + 1, 0)

    def days(self, today: Date) -> int | None:
        """Length in days, both ends counted, when both ends are known to the day."""
        end = self.end_date(today)
        if self.start.precision != Precision.DAY or end.precision != Precision.DAY:
            return None
        start_day = dt.date(self.start.year, self.start.month, self.start.day)
        return (dt.date(end.year, end.month, end.day) - start_day).days + 1

    def text(self) -> str:
        """The span as the author wrote it, normalised: ``2017 - 2020``."""
        if self.end is None:
            return self.start.iso()
        end = self.end if self.end == "present" else self.end.iso()
        return f"{self.start.iso()} - {end}"


@dataclass(frozen=True, slots=True)
class Period:
    """One or more spans, oldest first: ``2017 - 2020, 2022 - present``."""

    spans: tuple[Span, ...]

    @property
    def start(self) -> Date:
        """The first date of the period."""
        return self.spans[0].start

    @property
    def ongoing(self) -> bool:
        """Whether the period runs to the present."""
        return self.spans[-1].ongoing

    def sort_key(self, today: Date) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        """Newest-first ordering key: latest end, then latest start."""
        return (self.spans[-1].end_date(today).sort_tuple(last=True), self.start.sort_tuple())

    def months(self, today: Date) -> int:
        """Total length in months, overlapping spans counted once."""
        return months_covered(self.spans, today)

    def duration(self, today: Date) -> str:
        """Human duration such as ``2 yrs 10 mos`` or ``6 days``; empty for one year or day."""
        single = self.spans[0]
        if len(self.spans) == 1:
            if single.end is None and single.start.precision != Precision.MONTH:
                return ""  # "2015" or a single day says nothing about how long
            if (days := single.days(today)) is not None and days < 28:
                return f"{days} day" if days == 1 else f"{days} days"
        return format_months(self.months(today))

    def text(self) -> str:
        """The period in the form :func:`parse_period` reads."""
        return ", ".join(span.text() for span in self.spans)


def months_covered(spans: tuple[Span, ...] | list[Span], today: Date) -> int:
    """Months covered by *spans*, overlaps counted once."""
    total, covered_to = 0, -1
    # each span as [first month, first month + length): a yearly span starts in January
    for begin, end in sorted(
        (span.start.month_index(), span.start.month_index() + span.months(today)) for span in spans
    ):
        total += max(end - max(begin, covered_to), 0)
        covered_to = max(covered_to, end)
    return total


_SPAN_SPLIT = re.compile(r"\s+[-–—]\s*|\s*[-–—]\s+|\s*–\s*|\s+to\s+")


def parse_span(text: str) -> Span:
    """Parse ``START``, ``START - END`` or ``START - present``."""
    value = text.strip()
    parts = _SPAN_SPLIT.split(value)
    if len(parts) == 1:
        return Span(parse_date(parts[0]))
    if len(parts) != 2:
        raise ParseError(f"invalid span {value!r}: expected START - END")
    return Span(parse_date(parts[0]), parse_end(parts[1]))


def parse_period(text: str) -> Period:
    """Parse spans separated by commas, semicolons or "and", e.g. ``2017 - 2020, 2022 - now``."""
    chunks = [chunk for chunk in re.split(r"\s*[,;]\s*|\s+and\s+", text.strip()) if chunk]
    if not chunks:
        raise ParseError("empty period: expected e.g. '2017 - 2020, 2022 - present'")
    spans = tuple(sorted((parse_span(chunk) for chunk in chunks), key=lambda s: s.start))
    for earlier, later in itertools.pairwise(spans):
        last = earlier.end if isinstance(earlier.end, Date) else earlier.start
        if earlier.ongoing or last.month_index(last=True) >= later.start.month_index():
            raise ParseError(f"spans {earlier.text()!r} and {later.text()!r} overlap")
    return Period(spans)


def make_period(start: str | None, end: str | None) -> Period:
    """A one-span period from ``:start:``/``:end:`` option values."""
    if not start:
        raise ParseError("a start date is required")
    return Period((Span(parse_date(start), parse_end(end) if end else None),))


def format_months(months: int) -> str:
    """``6 mos``, ``1 yr``, ``2 yrs 10 mos``; empty for zero."""
    years, rest = divmod(max(months, 0), 12)
    parts = []
    if years:
        parts.append(f"{years} yr" if years == 1 else f"{years} yrs")
    if rest:
        parts.append(f"{rest} mo" if rest == 1 else f"{rest} mos")
    return " ".join(parts)


# --- metrics -------------------------------------------------------------------------------------

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

_QUANTITY_RE = re.compile(r"(~|≈|>=|<=|>|<)?\s*(\d+(?:\.\d+)?|\.\d+)\s*(\S*)")
_ARROW_RE = re.compile(r"->|→")
_CHANGE_RE = re.compile(r"([×x÷/])\s*(\d+(?:\.\d+)?)|([+-−])\s*(\d+(?:\.\d+)?)\s*%")


#: qualifiers that make a value approximate or a bound rather than a measurement
INEXACT = ("~", "≈", ">=", "<=", ">", "<")


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
    """Parse ``30 Mbit/s``, ``~1.3 Gbit/s``, ``25%``, ``6×`` or ``42``."""
    value = " ".join(text.split())
    match = _QUANTITY_RE.fullmatch(value)
    if match is None:
        raise ParseError(f"invalid quantity {value!r}: expected a number and a unit")
    unit = match.group(3)
    if unit not in UNITS:
        known = ", ".join(sorted(u for u in UNITS if u))
        raise ParseError(f"unknown unit {unit!r} in {value!r}: known units are {known}")
    dimension, scale = UNITS[unit]
    return Quantity(value, float(match.group(2)) * scale, dimension, match.group(1) or "")


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


# --- text options --------------------------------------------------------------------------------


def slugify(text: str) -> str:
    """A stable, URL-safe id: lowercase ASCII words joined by hyphens.

    Latin letters lose their accents; letters of other scripts are transliterated
    (``Москва`` gives ``moskva``, ``北京`` gives ``beijing``) by anyascii, so that
    ids stay readable. ASCII punctuation separates words; other symbols vanish.
    """
    ascii_text = "".join(_ascii(char) for char in unicodedata.normalize("NFC", text))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:
        raise ParseError(f"cannot make an id from {text!r}: give one with :name:")
    return slug


def _ascii(char: str) -> str:
    """One character as ASCII: accents dropped, other scripts' letters transliterated."""
    if char == "ß":
        return "ss"
    plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    if plain or char.isascii():
        return plain
    if unicodedata.category(char)[0] in "LN":
        # one word per character of scripts without spaces would be unreadable:
        # anyascii gives "BeiJing" for 北京; the case change is dropped with the case
        return str(anyascii(char))
    # other symbols and marks vanish, as they always did: ids of Latin text stay as they were
    return ""


def digest_id(prefix: str, text: str) -> str:
    """A short stable id for text with nothing to transliterate: ``prefix-3f2a9c01d4``."""
    return f"{prefix}-{hashlib.sha256(text.encode('utf8', 'surrogatepass')).hexdigest()[:10]}"


def slug_or_digest(text: str, prefix: str) -> str:
    """:func:`slugify`, or :func:`digest_id` when *text* yields no letters or digits."""
    try:
        return slugify(text)
    except ParseError:
        return digest_id(prefix, text)


def unique_id(base: str, taken: set[str] | dict[str, object]) -> str:
    """*base*, or ``base-2``, ``base-3``, ... : the first one not in *taken*."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def parse_list(text: str) -> tuple[str, ...]:
    """Comma-separated items, trimmed, deduplicated in order (case kept)."""
    seen: dict[str, None] = {}
    for item in text.split(","):
        if cleaned := " ".join(item.split()):
            seen.setdefault(cleaned, None)
    return tuple(seen)


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags, trimmed, deduplicated in order regardless of case."""
    seen: dict[str, str] = {}
    for tag in parse_list(text):
        seen.setdefault(tag.lower(), tag)
    return tuple(seen.values())


def parse_email(text: str) -> str:
    """An e-mail address of the plain ``name@host.domain`` form."""
    email = text.strip()
    if re.fullmatch(r"[^@\s<>\"'`]+@[^@\s<>\"'`]+\.[^@\s<>\"'`.]+", email) is None:
        raise ParseError(f"invalid e-mail address {email!r}")
    return email


def parse_url(text: str) -> str:
    """An absolute ``http(s)`` URL; anything else (``javascript:``, relative) is refused."""
    url = text.strip()
    if re.fullmatch(r"https?://[^\s/?#<>\"`]+[^\s<>\"`]*", url) is None:
        raise ParseError(
            f"refused URL {url!r}: only absolute http:// and https:// URLs are allowed"
        )
    return url
