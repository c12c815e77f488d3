"""Ids of CV objects: slugs in any script, digests, unique suffixes, and HTML anchors."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from anyascii import anyascii

from cv_ext.core.errors import ParseError


def slugify(text: str) -> str:
    """A stable, URL-safe id: lowercase ASCII words joined by hyphens.

    Latin letters lose their accents; letters of other scripts are transliterated
    (``Москва`` gives ``moskva``, ``北京`` gives ``beijing``) by anyascii, so that
    ids stay readable. ASCII punctuation separates words; other symbols vanish.
    """
    ascii_text = "".join(_ascii(char) for char in unicodedata.normalize("NFC", text))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:
        raise ParseError(f"cannot make an id from {text!r}: give one with :name:")
    return slug


def _ascii(char: str) -> str:
    """One character as ASCII: accents dropped, other scripts' letters transliterated."""
    if char == "ß":
        return "ss"
    plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    if plain or char.isascii():
        return plain
    if unicodedata.category(char)[0] in "LN":
        # one word per character of scripts without spaces would be unreadable:
        # anyascii gives "BeiJing" for 北京; the case change is dropped with the case
        return str(anyascii(char))
    # other symbols and marks vanish, as they always did: ids of Latin text stay as they were
    return ""


def digest_id(prefix: str, text: str) -> str:
    """A short stable id for text with nothing to transliterate: ``prefix-3f2a9c01d4``."""
    return f"{prefix}-{hashlib.sha256(text.encode('utf8', 'surrogatepass')).hexdigest()[:10]}"


def slug_or_digest(text: str, prefix: str) -> str:
    """:func:`slugify`, or :func:`digest_id` when *text* yields no letters or digits."""
    try:
        return slugify(text)
    except ParseError:
        return digest_id(prefix, text)


def unique_id(base: str, taken: set[str] | dict[str, object]) -> str:
    """*base*, or ``base-2``, ``base-3``, ... : the first one not in *taken*."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def search_anchor(objtype: str, object_id: str) -> str:
    """The HTML id search results link to: ``cv-<type>-<id>``.

    Sphinx's search index drops an anchor equal to the object's name (or to
    ``<type>-<name>``) and lets its script rebuild it from the displayed title,
    which breaks for titles; an id of another shape survives.
    """
    return f"cv-{objtype}-{object_id}"


def object_label(objtype: str, object_id: str) -> str:
    """The object's label for ``:ref:`` and intersphinx: ``cv-<type>-<id>``, lower case.

    Sphinx keeps labels lower case with single spaces (``:ref:`` lowercases its target),
    so the label is the id normalised the same way; the ``cv-<type>-`` prefix keeps the
    labels of CV objects apart from each other and from the site's own.
    """
    return " ".join(f"{LABEL_PREFIX}{objtype}-{object_id}".split()).lower()


#: what every label of a CV object starts with
LABEL_PREFIX = "cv-"


def skill_anchor(tag: str) -> str:
    """The HTML id of a skill on the skills index."""
    try:
        return f"skill-{slugify(tag)}"
    except ParseError:  # a tag with no Latin letters at all
        return "skill-" + hashlib.sha256(tag.encode()).hexdigest()[:10]
