"""References inside an object's text, named by their titles in the exports. Free of Sphinx.

A body saying "Projects: {cv:project}`firefox-fast-udp`." shows the project's title on
the page once references are resolved. Its plain text (summary, highlights) is taken
while the page is read, when other pages' titles are not known yet: it keeps a mention
of the reference instead, which the views replace by the title once every page is read.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

from cv_ext.core.records import Records, display_title

if TYPE_CHECKING:
    from collections.abc import Callable

    from cv_ext.core.records import Record

#: marks a mention in plain text: a character of Unicode's private use area
MARK = "\ue000"
_MENTION = re.compile(f"{MARK}([a-z]+):([^{MARK}]*){MARK}")


def mention(objtype: str, target: str) -> str:
    """The plain text of a reference to object *target* of type *objtype*."""
    return f"{MARK}{objtype}:{target.replace(MARK, '')}{MARK}"


def resolve(text: str, title: Callable[[str, str], str | None]) -> str:
    """*text* with every mention replaced by its object's *title*, or by its id if unknown."""
    if MARK not in text:
        return text
    return _MENTION.sub(lambda match: title(match[1], match[2]) or match[2], text)


def resolved(records: Records) -> Records:
    """*records* with the mentions in their summaries and highlights named by title."""
    titles = {
        (kind, record.id): display_title(record)
        for kind, group in (
            ("entry", records.entries),
            ("achievement", records.achievements),
            ("project", records.projects),
            ("talk", records.talks),
        )
        for record in group
    }

    def title(objtype: str, target: str) -> str | None:
        return titles.get((objtype, target))

    def fix(record: Record) -> Any:
        changes: dict[str, Any] = {}
        if MARK in record.summary:
            changes["summary"] = resolve(record.summary, title)
        highlights = getattr(record, "highlights", ())
        if any(MARK in line for line in highlights):
            changes["highlights"] = tuple(resolve(line, title) for line in highlights)
        return dataclasses.replace(record, **changes) if changes else record

    return records.map(fix)
