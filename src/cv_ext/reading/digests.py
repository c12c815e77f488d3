"""Which pages an incremental build must rewrite because data of other pages changed.

Sphinx rewrites the pages it re-read. A page must also be rewritten when it shows
a record declared elsewhere that changed: an overview or index, a "Referenced
from" list, or merely the title of an object it links to. Each record and each
backlink list gets a digest per build; comparing them with the last build's
finds exactly those pages, and no others. The same goes for navigation: when a
page's title, a page or a toctree changes, every page's sidebar may show it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import TYPE_CHECKING

from cv_ext.core.records import OBJECT_TYPES
from cv_ext.core.tags import tag_labels

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from sphinx.environment import BuildEnvironment

    from cv_ext.core.audiences import Selection
    from cv_ext.core.records import Backlink, Record
    from cv_ext.core.views import Views


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
    digests = {
        **audiences,
        "overview": _digest(repr(of("entry", views.entries))),
        "projects": _digest(repr(of("project", views.projects))),
        "talks": _digest(repr(of("talk", views.talks))),
        "results": _digest(repr(of("achievement", [a for a in views.achievements if a.metrics]))),
        "skills": _digest(
            repr(
                [
                    (
                        tag,
                        views.skill_names[tag],
                        views.skill_months.get(tag),
                        views.skill_job_months.get(tag),
                        views.skill_contribution_months.get(tag),
                        tag in views.work_skills,
                        [records.get(f"{OBJECT_TYPES[type(r)]}:{r.id}") for r in shown],
                    )
                    for tag, shown in views.skills.items()
                ]
                + [views.work_skills, views.other_skills]
            )
        ),
        # the paper CV shows every record
        "paper": _digest(repr(sorted(records.items()))),
        # the person's page carries the whole person in its JSON-LD: roles and languages
        "person": _digest(repr((of("entry", views.declared.entries), of("item", people)))),
    }
    digests["top-skills"] = digests["skills"]
    # a page showing a tag shows its label: one digest per tag in use
    labels = tag_labels(views.declared)
    digests |= {f"tag:{tag}": _digest(labels.get(tag, "")) for tag in views.skills}
    return digests


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
    pages = {page for page, kinds in aggregates.items() if _shows(kinds, changed_kinds)}
    for page, links in references.items():
        for link in links:
            key = f"{link.target_type}:{link.target}"
            # an {any} reference shows whichever object has the id
            if key in changed_records or (link.target_type == "any" and link.target in changed_ids):
                pages.add(page)
                break
    pages.update(homes[key] for key in changed_backlinks if key in homes)
    return pages


def _shows(kinds: Iterable[str], changed: set[str]) -> set[str]:
    """The aggregates among *changed* that a page holding *kinds* shows: a tailored CV
    shows the tags of what it selects too."""
    shown = set(kinds)
    if any(kind.startswith("audience:") for kind in shown):
        shown |= {kind for kind in changed if kind.startswith("tag:")}
    return shown & changed


def navigation_state(env: BuildEnvironment) -> dict[str, str]:
    """What navigation can show, as digests: ``""`` for the pages and the toctrees that
    order them, ``"title:<doc>"`` for each page's title, ``"toc:<doc>"`` for its sections."""
    state = {"": _digest(repr((sorted(env.found_docs), sorted(env.toctree_includes.items()))))}
    state |= {f"title:{doc}": _digest(str(title)) for doc, title in env.titles.items()}
    state |= {f"toc:{doc}": _digest(str(toc)) for doc, toc in env.tocs.items()}
    return state


def navigation_pages(
    changed_keys: set[str],
    relations: Mapping[str, list[str | None]],
    every_page: Iterable[str],
    *,
    global_navigation: bool,
) -> set[str]:
    """The pages whose navigation shows what changed in :func:`navigation_state`.

    A new, removed or reordered page, or any title or section under a global table of
    contents (furo, alabaster, Read the Docs' theme), shows on every page. With only
    local navigation a title shows in the previous/next links of its neighbours, in the
    breadcrumbs of the pages below it and in its parent's toctree.
    """
    if not changed_keys:
        return set()
    if "" in changed_keys or global_navigation:
        return set(every_page)
    titles = {key.partition(":")[2] for key in changed_keys if key.startswith("title:")}
    # the parent lists the page in its toctree
    pages = {parent for title in titles if (parent := relations.get(title, [None])[0])}
    for page, (parent, previous, following) in relations.items():
        if titles & {parent, previous, following} or titles & _ancestors(page, relations):
            pages.add(page)
    return pages


def _ancestors(page: str, relations: Mapping[str, list[str | None]]) -> set[str]:
    found: set[str] = set()
    parent = relations.get(page, [None])[0]
    while parent is not None and parent not in found:
        found.add(parent)
        parent = relations.get(parent, [None])[0]
    return found
