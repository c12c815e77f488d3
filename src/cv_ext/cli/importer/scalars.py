"""One value of a resume made what the site shows: text, paragraphs, URLs, dates, lists.

Each reader returns the value as the site shows it, or "" / [] when there is nothing to
show; a value the site cannot show raises :class:`NotShown`, and the caller keeps it as
written for the export alone. Free of Sphinx.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from cv_ext.cli.importer.changes import SURROGATE
from cv_ext.cli.importer.spellings import PRESENT, looks_like_host, month_of, to_iso
from cv_ext.core.errors import ParseError
from cv_ext.core.values import parse_email, parse_image, parse_url

if TYPE_CHECKING:
    from collections.abc import Callable

    from cv_ext.cli.importer.changes import ChangeLog

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


class NotShown(Exception):  # noqa: N818  (a reason, not a failure)
    """A value the site cannot show: the export keeps it as written; the text says why."""


def as_string(log: ChangeLog, path: str, value: Any) -> str:
    """*value* as clean text: numbers become text, unpaired surrogates and controls go."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        text = json.dumps(value)
        log.note(path, value, "a number or boolean, shown as text", text)
        return text
    if not isinstance(value, str):
        raise NotShown("not text")
    text = _CONTROL.sub("", SURROGATE.sub("\ufffd", value))
    if text != value:
        log.note(path, value, "unpaired surrogates and control characters removed", text)
    return text


def as_text(log: ChangeLog, path: str, value: Any) -> str:
    """One line of text, whitespace collapsed (as directives read their options)."""
    raw = as_string(log, path, value)
    text = " ".join(raw.split())
    if text != raw and text:
        log.note(path, raw, "whitespace collapsed", text)
    elif not text and raw:
        log.note(path, raw, "dropped: only whitespace")
    return text


def as_paragraphs(log: ChangeLog, path: str, value: Any) -> str:
    """Paragraphs separated by blank lines; within one, whitespace collapsed."""
    raw = as_string(log, path, value)
    parts = [" ".join(part.split()) for part in re.split(r"\n[ \t\r\f\v]*\n", raw)]
    text = "\n\n".join(part for part in parts if part)
    if text != raw and text:
        log.note(path, raw, "whitespace collapsed within paragraphs", text)
    elif not text and raw:
        log.note(path, raw, "dropped: only whitespace")
    return text


def as_url(log: ChangeLog, path: str, value: Any) -> str:
    """An absolute http(s) URL (a scheme-less one gets ``https://``), else not shown."""
    text = as_text(log, path, value)
    if not text:
        return ""
    candidate = text
    if not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", candidate) and looks_like_host(candidate):
        candidate = "https://" + candidate.removeprefix("//")
    try:
        url = parse_url(candidate)
    except ParseError:
        # characters a URL may not hold as they are (a space), percent-encoded
        try:
            url = parse_url(quote(candidate, safe="/:?#[]@!$&'()*+,;=%~-._"))
        except ParseError:
            raise NotShown("not an http(s) address the site can link to") from None
    if url != text:
        log.note(path, text, "URL completed", url)
    return url


def as_image(log: ChangeLog, path: str, value: Any) -> str:
    """An image: an http(s) URL, or a path inside the site kept as written; else not shown."""
    text = as_text(log, path, value)
    if not text:
        return ""
    if looks_like_host(text) and not text.lower().startswith(("http:", "https:")):
        return as_url(log, path, text)
    try:
        return parse_image(text)
    except ParseError:
        raise NotShown("neither an http(s) URL nor a path inside the site") from None


def as_date(log: ChangeLog, path: str, value: Any) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; other spellings converted, else not shown."""
    text = as_text(log, path, value)
    if not text:
        return ""
    iso = to_iso(text)
    if iso is None and (month := month_of(text)) is not None:
        log.note(path, text, f"no such day: read as its month, {month}", month)
        return month
    if iso is None:
        raise NotShown("not a date the site can read (YYYY, YYYY-MM or YYYY-MM-DD)")
    if iso != text:
        log.note(path, text, "date converted", iso)
    return iso


def as_end(log: ChangeLog, path: str, value: Any) -> str:
    """An end date; "" for ongoing ("Present", "now", empty)."""
    text = as_text(log, path, value)
    if text.lower().rstrip(".") in PRESENT:
        log.note(path, text, "ongoing: no endDate")
        return ""
    return as_date(log, path, text)


def _as_list(log: ChangeLog, path: str, value: Any) -> list[Any]:
    """A list field as a list: a single value is a list of one; anything but text, not shown."""
    if value is None:
        return []
    if not isinstance(value, list):
        log.note(path, value, "a single value, taken as a list of one")
        value = [value]
    if not all(isinstance(item, str | int | float | type(None)) for item in value):
        raise NotShown("a list of more than text")
    return list(value)


def as_words(log: ChangeLog, path: str, value: Any, *, any_case: bool = False) -> list[str]:
    """Keywords or roles, each whole (commas and all); repeats go (regardless of case with
    *any_case*, as tags are read)."""
    result: list[str] = []
    for index, item in enumerate(_as_list(log, path, value)):
        text = as_text(log, f"{path}/{index}", item)
        if not text:
            if item in ("", None):
                log.note(f"{path}/{index}", item, "dropped: empty")
            continue
        if any(text == kept or (any_case and text.lower() == kept.lower()) for kept in result):
            log.note(f"{path}/{index}", text, "dropped: repeated")
            continue
        result.append(text)
    return result


def as_lines(log: ChangeLog, path: str, value: Any) -> list[str]:
    """Highlights or courses: one line each, empty ones dropped."""
    result = []
    for index, item in enumerate(_as_list(log, path, value)):
        if text := as_text(log, f"{path}/{index}", item):
            result.append(text)
        elif item in ("", None):
            log.note(f"{path}/{index}", item, "dropped: empty")
    return result


def as_email(log: ChangeLog, path: str, value: Any) -> str:
    """An e-mail address the site can link to, else not shown."""
    text = as_text(log, path, value)
    if not text:
        return ""
    try:
        return parse_email(text)
    except ParseError:
        raise NotShown("not an e-mail address") from None


def as_value(log: ChangeLog, kind: str, path: str, value: Any) -> Any:
    """A field of *kind* (see :data:`~cv_ext.cli.importer.fields.SECTIONS`)."""
    readers: dict[str, Callable[[ChangeLog, str, Any], Any]] = {
        "text": as_text,
        "paragraphs": as_paragraphs,
        "url": as_url,
        "image": as_image,
        "date": as_date,
        "start": as_date,
        "end": as_end,
        "words": as_words,
        "lines": as_lines,
        "email": as_email,
    }
    if kind == "tags":
        return as_words(log, path, value, any_case=True)
    return readers[kind](log, path, value)
