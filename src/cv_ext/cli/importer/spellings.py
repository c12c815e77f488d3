"""How resumes spell dates, "until now" and web addresses, and how to read them. Free of Sphinx."""

from __future__ import annotations

import re
from functools import cache

from babel import Locale

from cv_ext.core.dates import parse_date
from cv_ext.core.errors import ParseError

#: what "until now" is called in the resumes seen: the end becomes "ongoing"
PRESENT = frozenset(
    {
        "present",
        "now",
        "today",
        "current",
        "currently",
        "ongoing",
        "heute",
        "aktuell",
        "jetzt",
        "actualidad",
        "presente",
        "actual",
        "hoy",
        "aujourd'hui",
        "aujourd’hui",
        "présent",
        "en cours",
        "至今",
        "现在",
        "今",
        "現在",
        "현재",
        "настоящее время",
        "по настоящее время",
        "сейчас",
    }
)
#: languages whose month names a resume may use ("Oktober 2022", "mars 2024", "мая 2020")
MONTH_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "sv", "da", "nb", "fi",
    "cs", "tr", "ca", "ro", "hu",
)  # fmt: skip


@cache
def months() -> dict[str, int]:
    """Month names and their abbreviations in :data:`MONTH_LANGUAGES`, lower case -> number.

    From babel's CLDR data, written and stand-alone forms (Russian "мая" and "май");
    a name that meant different months in two languages would be left out.
    """
    names: dict[str, set[int]] = {}
    for language in MONTH_LANGUAGES:
        locale = Locale.parse(language)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    names.setdefault(name.lower().rstrip("."), set()).add(int(number))
    names.setdefault("sept", {9})
    return {name: next(iter(numbers)) for name, numbers in names.items() if len(numbers) == 1}


FILE_SUFFIXES = frozenset({"jpg", "jpeg", "png", "gif", "svg", "webp", "pdf", "html", "htm", "md"})


def looks_like_host(text: str) -> bool:
    """Whether *text* starts with a host name (``github.com/x``), not a file (``photo.jpg``)."""
    host = re.split(r"[/?#]", text.removeprefix("//"), maxsplit=1)[0]
    labels = host.split(".")
    if len(labels) < 2 or not all(re.fullmatch(r"[\w-]+", label) for label in labels):
        return False
    tld = labels[-1]
    return tld.isalpha() and 2 <= len(tld) <= 24 and tld.lower() not in FILE_SUFFIXES


def to_iso(text: str) -> str | None:
    """*text* as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` if it is a date spelt some common way."""
    value = text.strip()
    candidates = [value]
    if match := re.fullmatch(r"(\d{4}-\d{2}-\d{2})[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?", value):
        candidates.append(match.group(1))
    if match := re.fullmatch(r"(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?\.?", value):
        candidates.append(
            "-".join(f"{int(g):02d}" if i else g for i, g in enumerate(match.groups()) if g)
        )
    if match := re.fullmatch(r"(\d{1,2})[/.](\d{4})", value):
        candidates.append(f"{match.group(2)}-{int(match.group(1)):02d}")
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
        candidates.append(f"{match.group(1)}-{int(match.group(2)):02d}")
    match = re.fullmatch(r"(\w+)\.?,?\s+(\d{4})", value)
    if match and (month := months().get(match.group(1).lower())) is not None:
        candidates.append(f"{match.group(2)}-{month:02d}")
    if match := re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月", value):
        candidates.append(f"{match.group(1)}-{int(match.group(2)):02d}")
    for candidate in candidates:
        try:
            return parse_date(candidate).iso()
        except ParseError:
            continue
    return None


def month_of(text: str) -> str | None:
    """``YYYY-MM`` of a ``YYYY-MM-DD`` whose day does not exist (``2024-09-31``), else None."""
    match = re.fullmatch(r"(\d{4}-\d{2})-\d{2}", text.strip())
    if match is None or to_iso(text) is not None:
        return None
    return to_iso(match.group(1))
