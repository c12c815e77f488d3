"""Plain-text option values: lists, tags, e-mail addresses, URLs, images, profiles, extras."""

from __future__ import annotations

import json
import re
from typing import Any

from cv_ext.core.errors import ParseError

#: a URI scheme (``https:``, ``mailto:``): what a relative path never starts with
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _line_items(line: str) -> list[str]:
    """The items of one line: separated by commas; an item in double quotes may hold commas.

    As in CSV, a double quote inside a quoted item is doubled. Text after a closing quote
    belongs to the item, and a quote that is never closed runs to the end of the line.
    """
    items: list[str] = []
    index, end = 0, len(line)
    while index <= end:
        while index < end and line[index] in " \t":
            index += 1
        text: list[str] = []
        if index < end and line[index] == '"':
            index += 1
            while index < end:
                if line[index] == '"':
                    if line[index + 1 : index + 2] == '"':
                        text.append('"')
                        index += 2
                        continue
                    index += 1
                    break
                text.append(line[index])
                index += 1
        comma = line.find(",", index)
        stop = end if comma < 0 else comma
        items.append("".join(text) + line[index:stop])
        index = stop + 1
    return items


def parse_list(text: str) -> tuple[str, ...]:
    """Items separated by commas or line breaks, trimmed, deduplicated in order (case kept).

    An item that holds a comma is written in double quotes, as in CSV:
    ``Docker, "AWS (EC2, Lambda)"``; a double quote inside the quotes is doubled.
    """
    seen: dict[str, None] = {}
    for line in text.splitlines():
        for item in _line_items(line):
            if cleaned := " ".join(item.split()):
                seen.setdefault(cleaned, None)
    return tuple(seen)


def quote_item(item: str) -> str:
    """One list item as :func:`parse_list` reads it back: quoted only if it must be."""
    item = " ".join(item.split())
    if "," in item or item.startswith('"'):
        return '"' + item.replace('"', '""') + '"'
    return item


def format_list(items: tuple[str, ...] | list[str]) -> str:
    """*items* as one line that :func:`parse_list` reads back as they are: ``a, "b, c"``."""
    return ", ".join(quote_item(item) for item in items if item.strip())


def display_list(items: tuple[str, ...] | list[str]) -> str:
    """*items* for a reader: ``a, b``; ``a; b, c`` when an item holds a comma itself."""
    return ("; " if any("," in item for item in items) else ", ").join(items)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as :func:`parse_list` reads them, deduplicated in order regardless of case."""
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


def parse_image(text: str) -> str:
    """An image: an absolute ``http(s)`` URL, or a path inside the site, kept as written."""
    value = text.strip()
    if value.lower().startswith(("http:", "https:")):
        return parse_url(value)
    if (
        not value
        or _SCHEME.match(value)
        or value.startswith(("//", "\\"))
        or "\n" in value
        # a photo is a file of the site: ".." could reach any file of the machine building it
        or ".." in re.split(r"[/\\]", value)
    ):
        raise ParseError(
            f"refused image {value!r}: expected an http:// or https:// URL or a path inside "
            "the site (/photo.jpg from its root)"
        )
    return value


def parse_doi(text: str) -> str:
    """A DOI (``10.1109/ICDCSW56584.2022.00027``); a ``https://doi.org/`` prefix is dropped."""
    doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", text.strip(), flags=re.IGNORECASE)
    if re.fullmatch(r"10\.\d{4,9}/\S+", doi) is None:
        raise ParseError(f"invalid DOI {text.strip()!r}: expected 10.<registrant>/<suffix>")
    return doi


def parse_authors(text: str) -> tuple[str, ...]:
    """Authors as published, in order: separated by ``;`` if the text has one, else ``,``.

    ``Seemann, Marten; Inden, Max`` keeps the comma inside each name.
    """
    separator = ";" if ";" in text else ","
    return tuple(name for part in text.split(separator) if (name := " ".join(part.split())))


def parse_profiles(text: str) -> list[tuple[str, str, str]]:
    """``Network | username | URL`` lines (username optional) as (network, username, url).

    A profile a resume gives without its network is written `` | username | URL``.
    """
    profiles = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) == 2:
            parts.insert(1, "")
        if len(parts) != 3 or not any(parts):
            raise ParseError(
                f"invalid profile {line.strip()!r}: expected 'Network | username | URL'"
            )
        if parts[2]:
            parse_url(parts[2])
        profiles.append((parts[0], parts[1], parts[2]))
    return profiles


def parse_extra(text: str) -> dict[str, Any]:
    """``:extra:``: a JSON object of fields the export writes as they are."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ParseError(f"invalid :extra: {text[:40]!r}: not JSON ({error})") from None
    if not isinstance(value, dict):
        raise ParseError(f"invalid :extra: {text[:40]!r}: expected a JSON object {{...}}")
    return value


def with_extra(computed: Any, extra: Any) -> Any:
    """*computed* with the fields of *extra* it lacks; for a field in both, *computed* wins.

    Objects merge field by field, lists of the same length item by item.
    """
    if isinstance(computed, dict) and isinstance(extra, dict):
        merged = dict(computed)
        for key, value in extra.items():
            merged[key] = with_extra(computed[key], value) if key in computed else value
        return merged
    if isinstance(computed, list) and isinstance(extra, list) and len(computed) == len(extra):
        return [with_extra(mine, theirs) for mine, theirs in zip(computed, extra, strict=True)]
    return computed
