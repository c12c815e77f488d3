"""Dates, spans and periods, and how long they last: ``2017 - 2020, 2022 - present``.

Every parser here raises :class:`~cv_ext.core.errors.ParseError` with a message fit
to show an author.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Literal

from babel.dates import format_skeleton

from cv_ext.core.errors import ParseError
from cv_ext.core.pickling import quick_pickle

if TYPE_CHECKING:
    from collections.abc import Callable

    #: ``ngettext(singular, plural, n)``: the form of a message for *n* in some language
    PluralForms = Callable[[str, str, int], str]
    #: ``gettext(message)``: a message in some language
    Messages = Callable[[str], str]

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Precision(IntEnum):
    """How much of a date the author gave."""

    YEAR = 1
    MONTH = 2
    DAY = 3


@quick_pickle
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

    def display(self, locale: str | None = None) -> str:
        """A short rendering: ``2024``, ``Jun 2024``, ``23 Nov 2023``; CLDR's in *locale*."""
        if locale and not _english(locale):
            # babel knows every language's month names and date order (CLDR skeletons)
            skeleton = "yMMMd" if self.day else "yMMM" if self.month else "y"
            value = dt.date(self.year, self.month or 1, self.day or 1)
            return str(format_skeleton(skeleton, value, locale=locale.replace("-", "_")))
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


def _english(locale: str) -> bool:
    return locale.lower().replace("-", "_").split("_")[0] == "en"


def _same(message: str) -> str:
    return message


def _english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
PRESENT_WORDS = frozenset({"present", "now", "today", "current"})
#: an end that the sources do not give: the span started, and nothing is said of its end
UNKNOWN_WORDS = frozenset({"unknown", "open"})
#: what :func:`parse_end` gives besides a date
End = Literal["present", "unknown"]


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


def parse_end(text: str) -> Date | End:
    """An end date, ``"present"`` for an ongoing span (also "now"), or ``"unknown"`` for a
    span whose end no source gives (also "open")."""
    word = text.strip().lower()
    if word in PRESENT_WORDS:
        return "present"
    if word in UNKNOWN_WORDS:
        return "unknown"
    return parse_date(text)


@quick_pickle
@dataclass(frozen=True, slots=True)
class Span:
    """One continuous stretch of time; ``end=None`` is a single month, day or year.

    ``end="unknown"``: it started then, and nothing is claimed of when it ended. It counts
    as its start alone wherever a length or an end is needed.
    """

    start: Date
    end: Date | End | None = None

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

    @property
    def open_ended(self) -> bool:
        """Whether the span's end is unknown."""
        return self.end == "unknown"

    def end_date(self, today: Date) -> Date:
        """The last date known: *today* for ongoing spans, the start for single and
        open-ended ones."""
        if self.end == "present":
            return today
        return self.end if isinstance(self.end, Date) else self.start

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
        end = self.end.iso() if isinstance(self.end, Date) else self.end
        return f"{self.start.iso()} - {end}"


@quick_pickle
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
        """Newest-first ordering key: latest end, then latest start.

        A period that ends counts to the last day its end may mean ("2016" to 31 Dec);
        a single date, or a start whose end is unknown, counts as its first day, like a
        talk's date (:func:`~cv_ext.core.views.record_date`): never later than it may be.
        """
        last = self.spans[-1]
        if last.ongoing or isinstance(last.end, Date):
            return (last.end_date(today).sort_tuple(last=True), self.start.sort_tuple())
        return (last.start.sort_tuple(), (int(last.start.precision), 0, 0))

    def months(self, today: Date) -> int:
        """Total length in months, overlapping spans counted once."""
        return months_covered(self.spans, today)

    def duration(
        self, today: Date, ngettext: PluralForms = _english_plural, gettext: Messages = _same
    ) -> str:
        """Human duration such as ``2 yrs 10 mos`` or ``6 days``; empty for one year or day.

        *ngettext* picks a message's form for a number, *gettext* a message, in the reader's
        language.
        """
        single = self.spans[0]
        if any(span.open_ended for span in self.spans) or all(
            span.end is None and span.start.precision != Precision.MONTH for span in self.spans
        ):
            # "2015", a day or a few single days say nothing about how long; nor does a
            # span whose end is unknown
            return ""
        if len(self.spans) == 1 and (days := single.days(today)) is not None and days < 28:
            return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}
        return format_months(self.months(today), ngettext, gettext)

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
        if earlier.open_ended:
            raise ParseError(f"span {earlier.text()!r} has an unknown end: it must be the last")
        # to the precision given: "2020-07-14, 2020-07-19" are two days, "2020-07, 2020-07-19"
        # overlap
        if earlier.ongoing or last.sort_tuple(last=True) >= later.start.sort_tuple():
            raise ParseError(f"spans {earlier.text()!r} and {later.text()!r} overlap")
    return Period(spans)


def make_period(start: str | None, end: str | None) -> Period:
    """A one-span period from ``:start:``/``:end:`` option values."""
    if not start:
        raise ParseError("a start date is required")
    return Period((Span(parse_date(start), parse_end(end) if end else None),))


def format_months(
    months: int, ngettext: PluralForms = _english_plural, gettext: Messages = _same
) -> str:
    """``6 mos``, ``1 yr``, ``2 yrs 10 mos``; empty for zero; the callables as in ``duration``."""
    years, rest = divmod(max(months, 0), 12)
    year_text = ngettext("%(n)d yr", "%(n)d yrs", years) % {"n": years}
    month_text = ngettext("%(n)d mo", "%(n)d mos", rest) % {"n": rest}
    if years and rest:
        # "2 yrs 10 mos", "2年10か月": whether a space parts them is the language's
        return gettext("%(years)s %(months)s") % {"years": year_text, "months": month_text}
    return year_text if years else month_text if rest else ""
