"""Dates of a synthetic CV: as written in its sources, and as cv_ext shows them."""

from __future__ import annotations

TODAY = (2024, 9)  # the month of cv_today in synth_writer.CONF
TODAY_DATE = (2024, 9, 23)  # cv_today itself: where an ongoing entry ends
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def full_date(date: tuple[int, ...], *, last: bool = False) -> tuple[int, ...]:
    """*date* as (y, m, d): a missing month or day is the first, or with *last* the 31st."""
    return (*date, *((31 if last else 1,) * (3 - len(date))))


def iso(date: tuple[int, ...]) -> str:
    """*date* as a directive option takes it: ``2024-09`` or ``2024-09-23``."""
    return "-".join([f"{date[0]:04d}", *(f"{part:02d}" for part in date[1:])])


def display(date: tuple[int, ...]) -> str:
    """*date* as cv_ext shows it: ``Sep 2024`` or ``23 Sep 2024``."""
    if len(date) == 3:
        return f"{date[2]} {MONTHS[date[1] - 1]} {date[0]}"
    return f"{MONTHS[date[1] - 1]} {date[0]}"


def months(start: tuple[int, ...], end: tuple[int, ...]) -> int:
    """The months from *start* to *end*, both counted."""
    return (end[0] - start[0]) * 12 + end[1] - start[1] + 1


def format_months(count: int) -> str:
    """A duration as cv_ext shows it: ``1 yr 3 mos``."""
    years, rest = divmod(count, 12)
    parts = [f"{years} yr" if years == 1 else f"{years} yrs"] if years else []
    parts += [f"{rest} mo" if rest == 1 else f"{rest} mos"] if rest else []
    return " ".join(parts)
