"""A resume's sections and items made what cv_ext carries: renamed, dated, required, ordered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cv_ext.cli.importer import scalars
from cv_ext.cli.importer.fields import (
    BASICS,
    KEPT_ON_SITE,
    LOCATION,
    PROFILE,
    RENAMES,
    REQUIRED,
    SECTIONS,
    SITE_TAGS,
)
from cv_ext.core.dates import make_period
from cv_ext.core.errors import ParseError

if TYPE_CHECKING:
    from cv_ext.cli.importer.changes import ChangeLog


def read_renamed(log: ChangeLog, section: str, path: str, item: dict[str, Any]) -> dict[str, Any]:
    """*item* with pre-1.0 names replaced by 1.0 ones (a 1.0 name present wins)."""
    renames = RENAMES.get(section, {})
    result: dict[str, Any] = {}
    for key, value in item.items():
        new = renames.get(key)
        if new is None or key in SECTIONS.get(section, BASICS):
            result.setdefault(key, value)
            continue
        if new in item:
            log.note(f"{path}/{key}", value, f"dropped: {new!r} is given as well")
            continue
        log.note(f"{path}/{key}", value, f"pre-1.0 name, now {new!r}")
        result[new] = value
    return result


def read_dated(log: ChangeLog, path: str, item: dict[str, Any]) -> None:
    """Drop dates that cannot form a period: an end alone, an end before its start."""
    start, end = item.get("startDate", ""), item.get("endDate", "")
    if end and not start:
        log.note(f"{path}/endDate", end, "dropped: an endDate needs a startDate")
        item.pop("endDate")
        return
    if start:
        try:
            make_period(start, end or None)
        except ParseError as error:
            log.note(f"{path}/startDate", start, f"dropped with the endDate: {error}")
            log.note(f"{path}/endDate", end, f"dropped with the startDate: {error}")
            item.pop("startDate")
            item.pop("endDate", None)


def read_entry(log: ChangeLog, section: str, path: str, raw: Any) -> dict[str, Any] | None:
    """One item of a list section, or None (reported) if cv_ext cannot show it."""
    if not isinstance(raw, dict):
        log.note(path, raw, "dropped: expected an object")
        return None
    item = read_renamed(log, section, path, raw)
    fields = SECTIONS[section]
    result: dict[str, Any] = {}
    for key, value in item.items():
        kind = fields.get(key)
        if kind is None:
            if (section, key) in KEPT_ON_SITE:
                log.note(f"{path}/{key}", value, "shown as the entry's tags; not exported")
                if tags := scalars.as_words(log, f"{path}/{key}", value):
                    result[SITE_TAGS] = tags
            else:
                log.note(f"{path}/{key}", value, "dropped: not a JSON Resume field")
            continue
        converted = scalars.as_value(log, kind, f"{path}/{key}", value)
        if converted is None:
            continue
        if converted in ("", []):
            if value not in ("", [], None):
                continue  # reported already
            log.note(f"{path}/{key}", value, "dropped: empty")
            continue
        result[key] = converted
    # the schema's order, whatever the file's
    result = {key: result[key] for key in [*fields, SITE_TAGS] if key in result}
    if "startDate" in fields:
        read_dated(log, path, result)
    required = REQUIRED[section]
    alternatives = (required,) if isinstance(required, str) else required
    if not any(result.get(name) for name in alternatives):
        needed = " or ".join(repr(name) for name in alternatives)
        log.note(path, raw, f"dropped: cv_ext needs its {needed}")
        return None
    return result


def read_basics(log: ChangeLog, raw: Any) -> dict[str, Any]:
    """``basics``, with ``location`` and ``profiles``."""
    if not isinstance(raw, dict):
        if raw is not None:
            log.note("basics", raw, "dropped: expected an object")
        return {}
    item = read_renamed(log, "basics", "basics", raw)
    result: dict[str, Any] = {}
    for key, value in item.items():
        path = f"basics/{key}"
        if key in BASICS:
            converted = scalars.as_value(log, BASICS[key], path, value)
            if converted:
                result[key] = converted
            elif value not in ("", None):
                pass  # reported already
            else:
                log.note(path, value, "dropped: empty")
        elif key == "location":
            location = read_location(log, value)
            if location:
                result[key] = location
        elif key == "profiles":
            profiles = read_profiles(log, value)
            if profiles:
                result[key] = profiles
        else:
            log.note(path, value, "dropped: not a JSON Resume field")
    order = [*BASICS, "location", "profiles"]
    return {key: result[key] for key in order if key in result}


def read_location(log: ChangeLog, raw: Any) -> dict[str, str]:
    """``basics/location``."""
    if not isinstance(raw, dict):
        if raw not in (None, ""):
            log.note("basics/location", raw, "dropped: expected an object")
        return {}
    result = {}
    for key, value in raw.items():
        path = f"basics/location/{key}"
        if key not in LOCATION:
            log.note(path, value, "dropped: not a JSON Resume field")
        elif text := scalars.as_text(log, path, value):
            result[key] = text
        elif value in ("", None):
            log.note(path, value, "dropped: empty")
    return {key: result[key] for key in LOCATION if key in result}


def read_profiles(log: ChangeLog, raw: Any) -> list[dict[str, str]]:
    """``basics/profiles``: each needs its network; ``|`` separates fields on the page."""
    if not isinstance(raw, list):
        if raw is not None:
            log.note("basics/profiles", raw, "dropped: expected a list")
        return []
    result = []
    for index, profile in enumerate(raw):
        path = f"basics/profiles/{index}"
        if not isinstance(profile, dict):
            log.note(path, profile, "dropped: expected an object")
            continue
        entry: dict[str, str] = {}
        for key, value in profile.items():
            if key not in PROFILE:
                log.note(f"{path}/{key}", value, "dropped: not a JSON Resume field")
                continue
            text = scalars.as_value(log, PROFILE[key], f"{path}/{key}", value)
            if "|" in text:
                log.note(f"{path}/{key}", text, "'|' replaced by '/'", text.replace("|", "/"))
                text = text.replace("|", "/")
            if text:
                entry[key] = text
            elif value in ("", None):
                log.note(f"{path}/{key}", value, "dropped: empty")
        if not entry.get("network"):
            if entry:
                log.note(path, profile, "dropped: cv_ext needs its 'network'")
            continue
        result.append({key: entry[key] for key in PROFILE if key in entry})
    return result


def read_resume(log: ChangeLog, data: dict[str, Any]) -> dict[str, Any]:
    """The whole document."""
    result: dict[str, Any] = {}
    for key, value in data.items():
        if key == "basics":
            if basics := read_basics(log, value):
                result["basics"] = basics
        elif key in SECTIONS:
            if value in (None, [], ""):
                log.note(key, value, "dropped: empty")
                continue
            if not isinstance(value, list):
                log.note(key, value, "a single value, taken as a list of one")
                value = [value]
            items = [
                read_entry(log, key, f"{key}/{index}", item) for index, item in enumerate(value)
            ]
            kept = [item for item in items if item is not None]
            if kept:
                result[key] = kept
        elif key == "$schema":
            log.note(key, value, "replaced: the export names the schema it follows")
        elif key == "meta":
            log.note(key, value, "replaced: the export writes its own meta")
        else:
            log.note(key, value, "dropped: not a JSON Resume section")
    order = ["basics", *SECTIONS]
    return {key: result[key] for key in order if key in result}
