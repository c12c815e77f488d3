"""One value of a resume made what cv_ext carries: text, paragraphs, URLs, dates, lists."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from cv_ext.cli.importer.changes import SURROGATE, ChangeLog
from cv_ext.cli.importer.spellings import PRESENT, looks_like_host, to_iso
from cv_ext.core.errors import ParseError
from cv_ext.core.values import parse_email, parse_url

if TYPE_CHECKING:
    from cv_ext.cli.importer.changes import ChangeLog

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


# scalars ---------------------------------------------------------------------------------


def as_string(log: ChangeLog, path: str, value: Any) -> str | None:
    """*value* as clean text: numbers become text, unpaired surrogates and controls go."""
    if value is None:
        return None
    if isinstance(value, bool | int | float):
        text = json.dumps(value)
        log.note(path, value, "a number or boolean, kept as text", text)
        return text
    if not isinstance(value, str):
        log.note(path, value, "dropped: expected text")
        return None
    text = _CONTROL.sub("", SURROGATE.sub("\ufffd", value))
    if text != value:
        log.note(path, value, "unpaired surrogates and control characters removed", text)
    return text


def as_text(log: ChangeLog, path: str, value: Any) -> str:
    """One line of text, whitespace collapsed (as directives read their options)."""
    raw = as_string(log, path, value)
    if raw is None:
        return ""
    text = " ".join(raw.split())
    if text != raw and text:
        log.note(path, raw, "whitespace collapsed", text)
    elif not text and raw:
        log.note(path, raw, "dropped: only whitespace")
    return text


def as_paragraphs(log: ChangeLog, path: str, value: Any) -> str:
    """Paragraphs separated by blank lines; within one, whitespace collapsed."""
    raw = as_string(log, path, value)
    if raw is None:
        return ""
    parts = [" ".join(part.split()) for part in re.split(r"\n[ \t\r\f\v]*\n", raw)]
    text = "\n\n".join(part for part in parts if part)
    if text != raw and text:
        log.note(path, raw, "whitespace collapsed within paragraphs", text)
    elif not text and raw:
        log.note(path, raw, "dropped: only whitespace")
    return text


def as_url(log: ChangeLog, path: str, value: Any) -> str:
    """An absolute http(s) URL: a scheme-less one gets ``https://``; others are dropped."""
    text = as_text(log, path, value)
    if not text:
        return ""
    candidate = text
    if not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", candidate) and looks_like_host(candidate):
        candidate = "https://" + candidate.removeprefix("//")
    # characters a URL may not hold as they are, percent-encoded
    candidate = quote(candidate, safe="/:?#[]@!$&'()*+,;=%~-._")
    try:
        url = parse_url(candidate)
    except ParseError:
        log.note(path, text, "dropped: not an absolute http(s) URL")
        return ""
    if url != text:
        log.note(path, text, "URL completed", url)
    return url


def as_date(log: ChangeLog, path: str, value: Any) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; other spellings converted or dropped."""
    text = as_text(log, path, value)
    if not text:
        return ""
    iso = to_iso(text)
    if iso is None:
        log.note(path, text, "dropped: not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return ""
    if iso != text:
        log.note(path, text, "date converted", iso)
    return iso


def as_end(log: ChangeLog, path: str, value: Any) -> str | None:
    """An end date; "" for ongoing ("Present", "now", empty), None if unreadable."""
    text = as_text(log, path, value)
    if not text:
        return ""
    if text.lower() in PRESENT:
        log.note(path, text, "ongoing: no endDate")
        return ""
    iso = to_iso(text)
    if iso is None:
        log.note(path, text, "dropped: not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return None
    if iso != text:
        log.note(path, text, "date converted", iso)
    return iso


def as_words(log: ChangeLog, path: str, value: Any) -> list[str]:
    """A list of keywords or roles: commas split an item, exact repeats go."""
    if value is None:
        return []
    if not isinstance(value, list):
        log.note(path, value, "a single value, taken as a list of one")
        value = [value]
    result: list[str] = []
    for index, item in enumerate(value):
        text = as_text(log, f"{path}/{index}", item)
        if not text and item in ("", None):
            log.note(f"{path}/{index}", item, "dropped: empty")
        parts = [part.strip() for part in text.split(",")]
        if len(parts) > 1:
            log.note(f"{path}/{index}", text, "split at its commas", [p for p in parts if p])
        for part in parts:
            if not part:
                continue
            if part in result:
                log.note(f"{path}/{index}", part, "dropped: repeated")
                continue
            result.append(part)
    return result


def as_lines(log: ChangeLog, path: str, value: Any) -> list[str]:
    """Highlights or courses: one line each, empty ones dropped."""
    if value is None:
        return []
    if not isinstance(value, list):
        log.note(path, value, "a single value, taken as a list of one")
        value = [value]
    result = []
    for index, item in enumerate(value):
        if text := as_text(log, f"{path}/{index}", item):
            result.append(text)
        elif item in ("", None):
            log.note(f"{path}/{index}", item, "dropped: empty")
    return result


def as_email(log: ChangeLog, path: str, value: Any) -> str:
    """An e-mail address cv_ext accepts, or dropped."""
    text = as_text(log, path, value)
    if not text:
        return ""
    try:
        return parse_email(text)
    except ParseError:
        log.note(path, text, "dropped: not an e-mail address")
        return ""


def as_value(log: ChangeLog, kind: str, path: str, value: Any) -> Any:
    """A field of *kind* (see :data:`SECTIONS`)."""
    if kind == "text":
        return as_text(log, path, value)
    if kind == "paragraphs":
        return as_paragraphs(log, path, value)
    if kind == "url":
        return as_url(log, path, value)
    if kind in ("date", "start"):
        return as_date(log, path, value)
    if kind == "end":
        return as_end(log, path, value)
    if kind == "words":
        return as_words(log, path, value)
    if kind == "lines":
        return as_lines(log, path, value)
    return as_email(log, path, value)


# --- objects ---------------------------------------------------------------------------------
