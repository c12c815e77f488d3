"""Tags and the labels readers see for them ("hole punching" for ``hole-punching``).

A tag is an id: pages, audiences and the skills index's anchors use it as written. What a
reader sees is its label: one declared with ``cv-tag-labels`` (translated with that
page), or else the tag's own words. Free of Sphinx.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cv_ext.core.records import Records

T = TypeVar("T")

#: the kind of :class:`~cv_ext.core.records.Item` that declares a tag's label
LABEL_KIND = "tag"


def tag_key(tag: str) -> str:
    """The tag as one skill: ``HTTP3`` and ``http3`` are the same."""
    return tag.strip().lower()


def label_id(tag: str) -> str:
    """The id of the item declaring *tag*'s label: apart from every other item's id."""
    return f"tag:{tag_key(tag)}"


#: a tag written as an id: lower case, words joined by hyphens or underscores
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")


def default_label(tag: str) -> str:
    """A tag's own words, for a tag without a declared label: ``hole-punching`` reads
    ``hole punching``. A tag not written as an id ("Testing-Library") is shown as written."""
    if _SLUG.fullmatch(tag):
        return " ".join(tag.replace("-", " ").replace("_", " ").split())
    return tag


def tag_labels(records: Records) -> dict[str, str]:
    """Tag key -> declared label, from the ``tag`` items (the earliest declaration won)."""
    return {item.get("tag"): item.title for item in records.of_kind(LABEL_KIND) if item.title}


def tag_label(tag: str, labels: Mapping[str, str]) -> str:
    """What a reader sees for *tag*: its declared label, or its own words."""
    return labels.get(tag_key(tag)) or default_label(tag)


def relabel(record: T, labels: Mapping[str, str]) -> T:
    """*record* with its tags as their labels: what an export shows as keywords."""
    tags: tuple[str, ...] = getattr(record, "tags", ())
    if not tags:
        return record
    shown = tuple(dict.fromkeys(tag_label(tag, labels) for tag in tags))
    return dataclasses.replace(record, tags=shown)  # type: ignore[type-var]


def labelled(records: Records) -> Records:
    """*records* with every tag as its label (their ``tag`` items give the labels)."""
    labels = tag_labels(records)
    return records.map(lambda record: relabel(record, labels))
