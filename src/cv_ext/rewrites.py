"""Which pages an incremental build must rewrite because data of other pages changed.

Sphinx rewrites the pages it re-read. A page must also be rewritten when it shows
a record declared elsewhere that changed: an overview or index, a "Referenced
from" list, or merely the title of an object it links to. Each record and each
backlink list gets a digest per build; comparing them with the last build's
finds exactly those pages, and no others. Free of Sphinx.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import TYPE_CHECKING

from cv_ext.records import OBJECT_TYPES

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from cv_ext.audiences import Selection
    from cv_ext.records import Backlink, Record
    from cv_ext.views import Views


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def record_digests(records: Iterable[tuple[str, Record]]) -> dict[str, str]:
    """``"type:id"`` -> digest of everything about the record that a page can show."""
    return {
        f"{objtype}:{record.id}": _digest(repr(dataclasses.replace(record, lineno=0)))
        for objtype, record in records
    }


def backlink_digests(
    backlinks: Mapping[tuple[str, str], list[Backlink]], records: Mapping[str, str]
) -> dict[str, str]:
    """``"type:id"`` -> digest of its "Referenced from" list, the shown sources included."""
    return {
        f"{target_type}:{target}": _digest(
            repr([(link, records.get(f"{link.source_type}:{link.source}")) for link in links])
        )
        for (target_type, target), links in backlinks.items()
    }


def aggregate_digests(
    views: Views,
    records: Mapping[str, str],
    selections: Iterable[Selection] = (),
    references: Mapping[tuple[str, str], list[Backlink]] | None = None,
) -> dict[str, str]:
    """Kind of aggregate -> digest of exactly what it shows, so pages holding it go stale
    only when that changes (a new untagged achievement leaves the skills index alone).

    Each audience's page is the aggregate ``audience:<name>``. It shows the bodies of the
    records it selects, so also the titles of what they reference: *references* maps
    ``(type, id)`` of a record to the references its body makes.
    """

    def of(objtype: str, items: Iterable[Record]) -> list[str | None]:
        return [records.get(f"{objtype}:{item.id}") for item in items]

    def shown(items: Iterable[Record]) -> list[str | None]:
        return [records.get(f"{OBJECT_TYPES[type(item)]}:{item.id}") for item in items]

    def referenced(items: Iterable[Record]) -> list[list[str | None]]:
        def targets(link: Backlink) -> list[str]:
            # an {any} reference shows whichever object has the id
            types = OBJECT_TYPES.values() if link.target_type == "any" else [link.target_type]
            return [f"{typ}:{link.target}" for typ in types]

        return [
            [
                records.get(key)
                for link in (references or {}).get((OBJECT_TYPES[type(item)], item.id), [])
                for key in targets(link)
            ]
            for item in items
        ]

    people = [i for i in views.declared.items if i.kind in {"person", "language"}]
    audiences = {
        f"audience:{selection.audience.name}": _digest(
            repr(
                [selection.audience]
                + [
                    (s.kind, shown(s.full), referenced(s.full), shown(s.condensed))
                    for s in selection.sections
                ]
            )
        )
        for selection in selections
    }
    return {
        **audiences,
        "overview": _digest(repr(of("entry", views.entries))),
        "projects": _digest(repr(of("project", views.projects))),
        "talks": _digest(repr(of("talk", views.talks))),
        "skills": _digest(
            repr(
                [
                    (
                        tag,
                        views.skill_names[tag],
                        views.skill_months.get(tag),
                        [records.get(f"{OBJECT_TYPES[type(r)]}:{r.id}") for r in shown],
                    )
                    for tag, shown in views.skills.items()
                ]
            )
        ),
        # the paper CV shows every record
        "paper": _digest(repr(sorted(records.items()))),
        # the person's page carries the whole person in its JSON-LD: roles and languages
        "person": _digest(repr((of("entry", views.declared.entries), of("item", people)))),
    }


def changed(old: Mapping[str, str], new: Mapping[str, str]) -> set[str]:
    """Keys added, removed or changed between two digest maps."""
    return {key for key in old.keys() | new.keys() if old.get(key) != new.get(key)}


def stale_pages(
    changed_records: set[str],
    changed_backlinks: set[str],
    changed_kinds: set[str],
    aggregates: Mapping[str, Iterable[str]],
    references: Mapping[str, list[Backlink]],
    homes: Mapping[str, str],
) -> set[str]:
    """The pages showing a changed record, aggregate or backlink list.

    *aggregates* maps pages to the kinds of aggregate they hold, *references* pages to
    the references they make, *homes* ``"type:id"`` to the page declaring the object.
    """
    changed_ids = {key.partition(":")[2] for key in changed_records}
    pages = {page for page, kinds in aggregates.items() if changed_kinds & set(kinds)}
    for page, links in references.items():
        for link in links:
            key = f"{link.target_type}:{link.target}"
            # an {any} reference shows whichever object has the id
            if key in changed_records or (link.target_type == "any" and link.target in changed_ids):
                pages.add(page)
                break
    pages.update(homes[key] for key in changed_backlinks if key in homes)
    return pages
