"""A resume's sections and items as the site carries them: every item, every field.

What the site shows goes into the item's fields; what it cannot show (a field beside the
schema's, a value it cannot read) goes as written into the item's :data:`EXTRA`, which
the export writes back. Nothing is dropped but empty values, exact repeats and what is
not an object where an item must be one; each change is reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cv_ext.cli.importer import scalars
from cv_ext.cli.importer.fields import (
    BASICS,
    EXTRA,
    LOCATION,
    PROFILE,
    RENAMES,
    SECTIONS,
    TITLES,
)
from cv_ext.core.dates import make_period
from cv_ext.core.errors import ParseError

if TYPE_CHECKING:
    from cv_ext.cli.importer.changes import ChangeLog

#: the fields of ``meta`` that the export writes itself
OWN_META = ("canonical", "version", "lastModified")


def read_renamed(log: ChangeLog, section: str, path: str, item: dict[str, Any]) -> dict[str, Any]:
    """*item* with pre-1.0 names replaced by 1.0 ones; where both are given, the old one
    is kept under its own name (a field beside the schema's)."""
    renames = RENAMES.get(section, {})
    result: dict[str, Any] = {}
    for key, value in item.items():
        new = renames.get(key)
        if new is None or key in SECTIONS.get(section, BASICS) or new in item:
            result.setdefault(key, value)
            continue
        log.note(f"{path}/{key}", value, f"pre-1.0 name, now {new!r}")
        result[new] = value
    return result


def read_fields(
    log: ChangeLog, kinds: dict[str, str], path: str, item: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(fields the site shows, in *kinds*' order; fields only the export keeps, as written)."""
    shown: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in item.items():
        kind = kinds.get(key)
        if kind is None:
            log.note(f"{path}/{key}", value, "kept in the export: a field the site does not show")
            extra[key] = value
            continue
        try:
            converted = scalars.as_value(log, kind, f"{path}/{key}", value)
        except scalars.NotShown as why:
            log.note(f"{path}/{key}", value, f"kept in the export as written: {why}")
            extra[key] = value
            continue
        if converted not in ("", []):
            shown[key] = converted
        elif value in ("", [], None):
            log.note(f"{path}/{key}", value, "dropped: empty")
    return {key: shown[key] for key in kinds if key in shown}, extra


def read_dated(log: ChangeLog, path: str, item: dict[str, Any], extra: dict[str, Any]) -> None:
    """Dates that cannot form a period go to the export alone, as written."""
    start, end = item.get("startDate", ""), item.get("endDate", "")
    reason = ""
    if end and not start:
        reason = "an endDate needs a startDate"
    elif start and "endDate" in extra:
        reason = "its endDate is not a date the site can read"
    elif start:
        try:
            make_period(start, end or None)
        except ParseError as error:
            reason = str(error)
    if not reason:
        return
    for key in ("startDate", "endDate"):
        if key in item:
            log.note(f"{path}/{key}", item[key], f"kept in the export only: {reason}")
            extra[key] = item.pop(key)


def read_entry(log: ChangeLog, section: str, path: str, raw: Any) -> dict[str, Any] | None:
    """One item of a list section; None (reported) for what cannot be an item."""
    if isinstance(raw, str) and raw.strip():
        title = TITLES[section][0]
        log.note(path, raw, f"a text, taken as the item's {title!r}")
        raw = {title: raw}
    if not isinstance(raw, dict):
        log.note(path, raw, "dropped: expected an object")
        return None
    item = read_renamed(log, section, path, raw)
    result, extra = read_fields(log, SECTIONS[section], path, item)
    if "startDate" in SECTIONS[section]:
        read_dated(log, path, result, extra)
    return result | ({EXTRA: extra} if extra else {})


def read_basics(log: ChangeLog, raw: Any) -> dict[str, Any]:
    """``basics``, with ``location`` and ``profiles``."""
    if not isinstance(raw, dict):
        if raw not in (None, ""):
            log.note("basics", raw, "dropped: expected an object")
        return {}
    item = read_renamed(log, "basics", "basics", raw)
    special = {key: item.pop(key) for key in ("location", "profiles") if key in item}
    result, extra = read_fields(log, BASICS, "basics", item)
    if "location" in special:
        location, location_extra = read_location(log, special["location"])
        result |= {"location": location} if location else {}
        extra |= {"location": location_extra} if location_extra else {}
    if "profiles" in special:
        profiles, profiles_extra = read_profiles(log, special["profiles"])
        result |= {"profiles": profiles} if profiles else {}
        if any(profiles_extra):
            extra["profiles"] = profiles_extra
    return result | ({EXTRA: extra} if extra else {})


def read_location(log: ChangeLog, raw: Any) -> tuple[dict[str, str], dict[str, Any]]:
    """``basics/location``: what the site shows, and what only the export keeps."""
    if not isinstance(raw, dict):
        if raw not in (None, ""):
            log.note("basics/location", raw, "dropped: expected an object")
        return {}, {}
    return read_fields(log, dict.fromkeys(LOCATION, "text"), "basics/location", raw)


def read_profiles(log: ChangeLog, raw: Any) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    """``basics/profiles``, and each one's fields the export alone keeps (by position).

    ``|`` separates a profile's fields on the page: within one, it becomes ``/``.
    """
    if not isinstance(raw, list):
        if raw is not None:
            log.note("basics/profiles", raw, "dropped: expected a list")
        return [], []
    result, extras = [], []
    for index, profile in enumerate(raw):
        path = f"basics/profiles/{index}"
        if not isinstance(profile, dict):
            log.note(path, profile, "dropped: expected an object")
            continue
        entry, extra = read_fields(log, PROFILE, path, profile)
        for key, text in entry.items():
            if "|" in text:
                log.note(f"{path}/{key}", text, "'|' replaced by '/'", text.replace("|", "/"))
                entry[key] = text.replace("|", "/")
        if not entry:
            if extra:
                log.note(path, profile, "dropped: nothing of it the site can show")
            continue
        result.append(entry)
        extras.append(extra)
    return result, extras


def read_section(log: ChangeLog, key: str, value: Any) -> list[dict[str, Any]]:
    """The items of one list section, in order."""
    if value in (None, [], ""):
        log.note(key, value, "dropped: empty")
        return []
    if not isinstance(value, list):
        log.note(key, value, "a single value, taken as a list of one")
        value = [value]
    items = [read_entry(log, key, f"{key}/{index}", item) for index, item in enumerate(value)]
    return [item for item in items if item is not None]


def read_resume(log: ChangeLog, data: dict[str, Any]) -> dict[str, Any]:
    """The whole document; top-level fields beside the schema's go to its :data:`EXTRA`."""
    result: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key == "basics":
            if basics := read_basics(log, value):
                result["basics"] = basics
        elif key in SECTIONS:
            if items := read_section(log, key, value):
                result[key] = items
        elif key == "$schema":
            log.note(key, value, "replaced: the export names the schema it follows")
        elif key == "meta" and isinstance(value, dict):
            if not value:
                log.note(key, value, "dropped: empty")
            for field, text in value.items():
                if field in OWN_META:
                    log.note(f"meta/{field}", text, "replaced: the export writes its own")
                else:
                    log.note(f"meta/{field}", text, "kept in the export")
                    extra.setdefault("meta", {})[field] = text
        elif key == "meta":
            log.note(key, value, "replaced: the export writes its own meta")
        else:
            log.note(key, value, "kept in the export: a section the site does not show")
            extra[key] = value
    order = ["basics", *SECTIONS]
    return {key: result[key] for key in order if key in result} | ({EXTRA: extra} if extra else {})
