"""Any JSON object to the JSON Resume 1.0 document cv_ext will carry, with every change reported.

The result is exactly what the generated site exports again: the importer writes
pages from it, and the round-trip test compares the site's ``cv.json`` with it.
Nothing is made up: a value cv_ext cannot carry is dropped and reported, never
guessed at. Free of Sphinx.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from cv_ext.import_.spellings import PRESENT, looks_like_host, to_iso
from cv_ext.model import ParseError, make_period, parse_email, parse_url

#: pre-1.0 field names -> 1.0 ones, per section ("basics" is the object itself)
RENAMES: dict[str, dict[str, str]] = {
    "basics": {"website": "url", "picture": "image"},
    "work": {"company": "name", "website": "url"},
    "volunteer": {"website": "url"},
    "education": {"website": "url"},
    "awards": {"website": "url"},
    "publications": {"website": "url"},
    "certificates": {"website": "url"},
    "projects": {"website": "url"},
    "languages": {"name": "language", "level": "fluency"},
}

#: section -> field -> kind of value; the order is the schema's
SECTIONS: dict[str, dict[str, str]] = {
    "work": {
        "name": "text",
        "location": "text",
        "description": "text",
        "position": "text",
        "url": "url",
        "startDate": "start",
        "endDate": "end",
        "summary": "paragraphs",
        "highlights": "lines",
    },
    "volunteer": {
        "organization": "text",
        "position": "text",
        "url": "url",
        "startDate": "start",
        "endDate": "end",
        "summary": "paragraphs",
        "highlights": "lines",
    },
    "education": {
        "institution": "text",
        "url": "url",
        "area": "text",
        "studyType": "text",
        "startDate": "start",
        "endDate": "end",
        "score": "text",
        "courses": "lines",
    },
    "awards": {"title": "text", "date": "date", "awarder": "text", "summary": "paragraphs"},
    "certificates": {"name": "text", "date": "date", "url": "url", "issuer": "text"},
    "publications": {
        "name": "text",
        "publisher": "text",
        "releaseDate": "date",
        "url": "url",
        "summary": "paragraphs",
    },
    "skills": {"name": "text", "level": "text", "keywords": "words"},
    "languages": {"language": "text", "fluency": "text"},
    "interests": {"name": "text", "keywords": "words"},
    "references": {"name": "text", "reference": "paragraphs"},
    "projects": {
        "name": "text",
        "description": "text",
        "highlights": "lines",
        "keywords": "words",
        "startDate": "start",
        "endDate": "end",
        "url": "url",
        "roles": "words",
        "entity": "text",
        "type": "text",
    },
}
#: the field without which cv_ext cannot show an item of the section (any one of several)
REQUIRED: dict[str, str | tuple[str, ...]] = {
    "work": "name",
    # a volunteer role or a school may stand without an organisation (cv_ext's :org: is
    # optional there), as long as something names it
    "volunteer": ("organization", "position"),
    "education": ("institution", "area", "studyType"),
    "awards": "title",
    "certificates": "name",
    "publications": "name",
    "skills": "name",
    "languages": "language",
    "interests": "name",
    "references": "name",
    "projects": "name",
}
#: non-schema fields that cv_ext shows although the export has no place for them
#: where such a value travels to the page: never part of the exported document
SITE_TAGS = "x-cv-tags"
KEPT_ON_SITE = {("work", "keywords"), ("volunteer", "keywords"), ("education", "keywords")}
BASICS = {
    "name": "text",
    "label": "text",
    "image": "url",
    "email": "email",
    "phone": "text",
    "url": "url",
    "summary": "paragraphs",
}
LOCATION = ("address", "postalCode", "city", "countryCode", "region")
PROFILE = {"network": "text", "username": "text", "url": "url"}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def to_json(value: Any, indent: int | None = None) -> str:
    """*value* as JSON text that UTF-8 can hold: an unpaired surrogate stays escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


@dataclass(frozen=True)
class Change:
    """One value the import changed or dropped."""

    path: str
    value: Any
    action: str
    result: Any = None

    def line(self) -> str:
        """One line for the terminal: ``work/0/endDate: "Present": ongoing: no endDate``."""
        value = to_json(self.value)
        if len(value) > 80:
            value = value[:77] + "..."
        return f"{self.path}: {value}: {self.action}"

    def as_json(self) -> dict[str, Any]:
        """The change as a JSON object for ``import-report.json``."""
        record = {"path": self.path, "value": self.value, "action": self.action}
        if self.result is not None:
            record["result"] = self.result
        return record


@dataclass
class Normaliser:
    """Collects the changes while it rebuilds the resume."""

    changes: list[Change] = field(default_factory=list)

    def note(self, path: str, value: Any, action: str, result: Any = None) -> None:
        """Report one change."""
        self.changes.append(Change(path, value, action, result))

    # --- scalars ---------------------------------------------------------------------------------

    def string(self, path: str, value: Any) -> str | None:
        """*value* as clean text: numbers become text, unpaired surrogates and controls go."""
        if value is None:
            return None
        if isinstance(value, bool | int | float):
            text = json.dumps(value)
            self.note(path, value, "a number or boolean, kept as text", text)
            return text
        if not isinstance(value, str):
            self.note(path, value, "dropped: expected text")
            return None
        text = _CONTROL.sub("", _SURROGATE.sub("\ufffd", value))
        if text != value:
            self.note(path, value, "unpaired surrogates and control characters removed", text)
        return text

    def text(self, path: str, value: Any) -> str:
        """One line of text, whitespace collapsed (as directives read their options)."""
        raw = self.string(path, value)
        if raw is None:
            return ""
        text = " ".join(raw.split())
        if text != raw and text:
            self.note(path, raw, "whitespace collapsed", text)
        elif not text and raw:
            self.note(path, raw, "dropped: only whitespace")
        return text

    def paragraphs(self, path: str, value: Any) -> str:
        """Paragraphs separated by blank lines; within one, whitespace collapsed."""
        raw = self.string(path, value)
        if raw is None:
            return ""
        parts = [" ".join(part.split()) for part in re.split(r"\n[ \t\r\f\v]*\n", raw)]
        text = "\n\n".join(part for part in parts if part)
        if text != raw and text:
            self.note(path, raw, "whitespace collapsed within paragraphs", text)
        elif not text and raw:
            self.note(path, raw, "dropped: only whitespace")
        return text

    def url(self, path: str, value: Any) -> str:
        """An absolute http(s) URL: a scheme-less one gets ``https://``; others are dropped."""
        text = self.text(path, value)
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
            self.note(path, text, "dropped: not an absolute http(s) URL")
            return ""
        if url != text:
            self.note(path, text, "URL completed", url)
        return url

    def date(self, path: str, value: Any) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; other spellings converted or dropped."""
        text = self.text(path, value)
        if not text:
            return ""
        iso = to_iso(text)
        if iso is None:
            self.note(path, text, "dropped: not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            return ""
        if iso != text:
            self.note(path, text, "date converted", iso)
        return iso

    def end(self, path: str, value: Any) -> str | None:
        """An end date; "" for ongoing ("Present", "now", empty), None if unreadable."""
        text = self.text(path, value)
        if not text:
            return ""
        if text.lower() in PRESENT:
            self.note(path, text, "ongoing: no endDate")
            return ""
        iso = to_iso(text)
        if iso is None:
            self.note(path, text, "dropped: not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            return None
        if iso != text:
            self.note(path, text, "date converted", iso)
        return iso

    def words(self, path: str, value: Any) -> list[str]:
        """A list of keywords or roles: commas split an item, exact repeats go."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.note(path, value, "a single value, taken as a list of one")
            value = [value]
        result: list[str] = []
        for index, item in enumerate(value):
            text = self.text(f"{path}/{index}", item)
            if not text and item in ("", None):
                self.note(f"{path}/{index}", item, "dropped: empty")
            parts = [part.strip() for part in text.split(",")]
            if len(parts) > 1:
                self.note(f"{path}/{index}", text, "split at its commas", [p for p in parts if p])
            for part in parts:
                if not part:
                    continue
                if part in result:
                    self.note(f"{path}/{index}", part, "dropped: repeated")
                    continue
                result.append(part)
        return result

    def lines(self, path: str, value: Any) -> list[str]:
        """Highlights or courses: one line each, empty ones dropped."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.note(path, value, "a single value, taken as a list of one")
            value = [value]
        result = []
        for index, item in enumerate(value):
            if text := self.text(f"{path}/{index}", item):
                result.append(text)
            elif item in ("", None):
                self.note(f"{path}/{index}", item, "dropped: empty")
        return result

    def email(self, path: str, value: Any) -> str:
        """An e-mail address cv_ext accepts, or dropped."""
        text = self.text(path, value)
        if not text:
            return ""
        try:
            return parse_email(text)
        except ParseError:
            self.note(path, text, "dropped: not an e-mail address")
            return ""

    def value(self, kind: str, path: str, value: Any) -> Any:
        """A field of *kind* (see :data:`SECTIONS`)."""
        if kind == "text":
            return self.text(path, value)
        if kind == "paragraphs":
            return self.paragraphs(path, value)
        if kind == "url":
            return self.url(path, value)
        if kind in ("date", "start"):
            return self.date(path, value)
        if kind == "end":
            return self.end(path, value)
        if kind == "words":
            return self.words(path, value)
        if kind == "lines":
            return self.lines(path, value)
        return self.email(path, value)

    # --- objects ---------------------------------------------------------------------------------

    def renamed(self, section: str, path: str, item: dict[str, Any]) -> dict[str, Any]:
        """*item* with pre-1.0 names replaced by 1.0 ones (a 1.0 name present wins)."""
        renames = RENAMES.get(section, {})
        result: dict[str, Any] = {}
        for key, value in item.items():
            new = renames.get(key)
            if new is None or key in SECTIONS.get(section, BASICS):
                result.setdefault(key, value)
                continue
            if new in item:
                self.note(f"{path}/{key}", value, f"dropped: {new!r} is given as well")
                continue
            self.note(f"{path}/{key}", value, f"pre-1.0 name, now {new!r}")
            result[new] = value
        return result

    def dated(self, path: str, item: dict[str, Any]) -> None:
        """Drop dates that cannot form a period: an end alone, an end before its start."""
        start, end = item.get("startDate", ""), item.get("endDate", "")
        if end and not start:
            self.note(f"{path}/endDate", end, "dropped: an endDate needs a startDate")
            item.pop("endDate")
            return
        if start:
            try:
                make_period(start, end or None)
            except ParseError as error:
                self.note(f"{path}/startDate", start, f"dropped with the endDate: {error}")
                self.note(f"{path}/endDate", end, f"dropped with the startDate: {error}")
                item.pop("startDate")
                item.pop("endDate", None)

    def entry(self, section: str, path: str, raw: Any) -> dict[str, Any] | None:
        """One item of a list section, or None (reported) if cv_ext cannot show it."""
        if not isinstance(raw, dict):
            self.note(path, raw, "dropped: expected an object")
            return None
        item = self.renamed(section, path, raw)
        fields = SECTIONS[section]
        result: dict[str, Any] = {}
        for key, value in item.items():
            kind = fields.get(key)
            if kind is None:
                if (section, key) in KEPT_ON_SITE:
                    self.note(f"{path}/{key}", value, "shown as the entry's tags; not exported")
                    if tags := self.words(f"{path}/{key}", value):
                        result[SITE_TAGS] = tags
                else:
                    self.note(f"{path}/{key}", value, "dropped: not a JSON Resume field")
                continue
            converted = self.value(kind, f"{path}/{key}", value)
            if converted is None:
                continue
            if converted in ("", []):
                if value not in ("", [], None):
                    continue  # reported already
                self.note(f"{path}/{key}", value, "dropped: empty")
                continue
            result[key] = converted
        # the schema's order, whatever the file's
        result = {key: result[key] for key in [*fields, SITE_TAGS] if key in result}
        if "startDate" in fields:
            self.dated(path, result)
        required = REQUIRED[section]
        alternatives = (required,) if isinstance(required, str) else required
        if not any(result.get(name) for name in alternatives):
            needed = " or ".join(repr(name) for name in alternatives)
            self.note(path, raw, f"dropped: cv_ext needs its {needed}")
            return None
        return result

    def basics(self, raw: Any) -> dict[str, Any]:
        """``basics``, with ``location`` and ``profiles``."""
        if not isinstance(raw, dict):
            if raw is not None:
                self.note("basics", raw, "dropped: expected an object")
            return {}
        item = self.renamed("basics", "basics", raw)
        result: dict[str, Any] = {}
        for key, value in item.items():
            path = f"basics/{key}"
            if key in BASICS:
                converted = self.value(BASICS[key], path, value)
                if converted:
                    result[key] = converted
                elif value not in ("", None):
                    pass  # reported already
                else:
                    self.note(path, value, "dropped: empty")
            elif key == "location":
                location = self.location(value)
                if location:
                    result[key] = location
            elif key == "profiles":
                profiles = self.profiles(value)
                if profiles:
                    result[key] = profiles
            else:
                self.note(path, value, "dropped: not a JSON Resume field")
        order = [*BASICS, "location", "profiles"]
        return {key: result[key] for key in order if key in result}

    def location(self, raw: Any) -> dict[str, str]:
        """``basics/location``."""
        if not isinstance(raw, dict):
            if raw not in (None, ""):
                self.note("basics/location", raw, "dropped: expected an object")
            return {}
        result = {}
        for key, value in raw.items():
            path = f"basics/location/{key}"
            if key not in LOCATION:
                self.note(path, value, "dropped: not a JSON Resume field")
            elif text := self.text(path, value):
                result[key] = text
            elif value in ("", None):
                self.note(path, value, "dropped: empty")
        return {key: result[key] for key in LOCATION if key in result}

    def profiles(self, raw: Any) -> list[dict[str, str]]:
        """``basics/profiles``: each needs its network; ``|`` separates fields on the page."""
        if not isinstance(raw, list):
            if raw is not None:
                self.note("basics/profiles", raw, "dropped: expected a list")
            return []
        result = []
        for index, profile in enumerate(raw):
            path = f"basics/profiles/{index}"
            if not isinstance(profile, dict):
                self.note(path, profile, "dropped: expected an object")
                continue
            entry: dict[str, str] = {}
            for key, value in profile.items():
                if key not in PROFILE:
                    self.note(f"{path}/{key}", value, "dropped: not a JSON Resume field")
                    continue
                text = self.value(PROFILE[key], f"{path}/{key}", value)
                if "|" in text:
                    self.note(f"{path}/{key}", text, "'|' replaced by '/'", text.replace("|", "/"))
                    text = text.replace("|", "/")
                if text:
                    entry[key] = text
                elif value in ("", None):
                    self.note(f"{path}/{key}", value, "dropped: empty")
            if not entry.get("network"):
                if entry:
                    self.note(path, profile, "dropped: cv_ext needs its 'network'")
                continue
            result.append({key: entry[key] for key in PROFILE if key in entry})
        return result

    def resume(self, data: dict[str, Any]) -> dict[str, Any]:
        """The whole document."""
        result: dict[str, Any] = {}
        for key, value in data.items():
            if key == "basics":
                if basics := self.basics(value):
                    result["basics"] = basics
            elif key in SECTIONS:
                if value in (None, [], ""):
                    self.note(key, value, "dropped: empty")
                    continue
                if not isinstance(value, list):
                    self.note(key, value, "a single value, taken as a list of one")
                    value = [value]
                items = [
                    self.entry(key, f"{key}/{index}", item) for index, item in enumerate(value)
                ]
                kept = [item for item in items if item is not None]
                if kept:
                    result[key] = kept
            elif key == "$schema":
                self.note(key, value, "replaced: the export names the schema it follows")
            elif key == "meta":
                self.note(key, value, "replaced: the export writes its own meta")
            else:
                self.note(key, value, "dropped: not a JSON Resume section")
        order = ["basics", *SECTIONS]
        return {key: result[key] for key in order if key in result}


def normalise(data: dict[str, Any]) -> tuple[dict[str, Any], list[Change]]:
    """The JSON Resume 1.0 document cv_ext carries for *data*, and every change made."""
    normaliser = Normaliser()
    return normaliser.resume(data), normaliser.changes


def exported(resume: dict[str, Any]) -> dict[str, Any]:
    """*resume* without what only the site shows: what the site's ``cv.json`` holds."""
    if isinstance(resume, dict):
        return {k: exported(v) for k, v in resume.items() if k != SITE_TAGS}
    if isinstance(resume, list):
        return [exported(v) for v in resume]
    return resume
