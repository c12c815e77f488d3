"""Plain-text option values: lists, tags, e-mail addresses, URLs and profiles."""

from __future__ import annotations

import re

from cv_ext.core.errors import ParseError


def parse_list(text: str) -> tuple[str, ...]:
    """Comma-separated items, trimmed, deduplicated in order (case kept)."""
    seen: dict[str, None] = {}
    for item in text.split(","):
        if cleaned := " ".join(item.split()):
            seen.setdefault(cleaned, None)
    return tuple(seen)


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags, trimmed, deduplicated in order regardless of case."""
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
    """A photo: an ``https://`` URL, or a path to a file of the site relative to the page."""
    value = text.strip()
    if "://" in value or value.startswith(("data:", "javascript:")):
        return parse_url(value)
    parts = value.replace("\\", "/").split("/")
    if not value or value.startswith("/") or ".." in parts or ":" in value:
        raise ParseError(f"refused image {value!r}: give an https:// URL or a path inside the site")
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
    """``Network | username | URL`` lines (username optional) as (network, username, url)."""
    profiles = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) == 2:
            parts.insert(1, "")
        if len(parts) != 3 or not parts[0]:
            raise ParseError(
                f"invalid profile {line.strip()!r}: expected 'Network | username | URL'"
            )
        if parts[2]:
            parse_url(parts[2])
        profiles.append((parts[0], parts[1], parts[2]))
    return profiles
