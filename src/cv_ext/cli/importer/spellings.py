"""How resumes spell dates, "until now" and web addresses, and how to read them. Free of Sphinx."""

from __future__ import annotations

import re

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
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
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
    match = re.fullmatch(r"([A-Za-z]+)\.?,?\s+(\d{4})", value)
    if match and (month := MONTHS.get(match.group(1).lower())) is not None:
        candidates.append(f"{match.group(2)}-{month:02d}")
    if match := re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月", value):
        candidates.append(f"{match.group(1)}-{int(match.group(2)):02d}")
    for candidate in candidates:
        try:
            return parse_date(candidate).iso()
        except ParseError:
            continue
    return None
