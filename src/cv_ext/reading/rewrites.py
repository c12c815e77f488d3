"""Which pages an incremental build rewrites (the digests of :mod:`.digests`, asked once),
and which unchanged pages it reads again (a declaration that lost to a changed page's).
"""

from __future__ import annotations

import dataclasses
import hashlib
import weakref
from typing import TYPE_CHECKING

from cv_ext.core.audiences import select
from cv_ext.reading import digests
from cv_ext.reading.config import audiences, today
from cv_ext.reading.domain import CVDomain, get_domain
from cv_ext.reading.store import STORES

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from cv_ext.core.records import Backlink


def setup_rewrites(app: Sphinx) -> None:
    """Hand Sphinx the pages that show changed data of other pages."""
    # first of all env-updated handlers: it sets the fingerprint that the domain's views
    # are cached by, so the handlers after it build the views once, with the new records
    app.connect("env-updated", note_stale_pages, priority=100)
    app.connect("env-before-read-docs", _note_read_pages)
    app.connect("env-get-updated", updated_pages)
    app.connect("env-get-outdated", outvoted_pages)


def outvoted_pages(
    app: Sphinx,
    env: BuildEnvironment,
    added: AbstractSet[str],
    changed: AbstractSet[str],
    removed: AbstractSet[str],
) -> list[str]:
    """Pages to read again: their declaration of an id (or their claim of an old name in
    ``:aliases:``) lost to a page that changed or went.

    Sphinx reads only the changed page; without the losing pages, the id would be gone
    where a clean build gives it to one of them.
    """
    domain = get_domain(env)
    return sorted(domain.outvoted_by(changed | removed, domain.holder))


#: the pages :func:`note_stale_pages` found in this build, until Sphinx asks for them
_STALE: weakref.WeakKeyDictionary[BuildEnvironment, list[str]] = weakref.WeakKeyDictionary()


#: the pages this build reads, from before reading until the digests are compared
_READ: weakref.WeakKeyDictionary[BuildEnvironment, set[str]] = weakref.WeakKeyDictionary()


def _note_read_pages(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _READ[env] = set(docnames)


def note_stale_pages(app: Sphinx, env: BuildEnvironment) -> None:
    """Compare the digests once every page is read, before anything asks for the views."""
    _STALE[env] = stale_pages(get_domain(env), _READ.pop(env, None))


#: Sphinx's own themes whose default sidebars hold no global table of contents
LOCAL_NAVIGATION_THEMES = frozenset(
    {
        "agogo",
        "basic",
        "bizstyle",
        "classic",
        "default",
        "epub",
        "haiku",
        "nature",
        "nonav",
        "pyramid",
        "scrolls",
        "sphinxdoc",
        "traditional",
    }
)


def updated_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = get_domain(env)
    pages = set(_STALE.pop(env, []))
    changed = navigation_changes(domain, digests.navigation_state(env))
    if app.builder.format == "html":
        # a title, a page or a toctree changed: the sidebars, breadcrumbs and previous/next
        # links of pages Sphinx did not re-read may show it too
        pages |= digests.navigation_pages(
            changed,
            env.collect_relations(),
            env.found_docs,
            global_navigation=_global_navigation(app),
        )
    return sorted(pages)


def _global_navigation(app: Sphinx) -> bool:
    """Whether every page shows the whole table of contents (furo, alabaster, rtd, ...).

    Third-party themes draw it in their layout; Sphinx's own themes only in a sidebar
    that names it.
    """
    sidebars: list[str] = []
    for value in (app.config.html_sidebars or {}).values():
        sidebars += [value] if isinstance(value, str) else list(value)
    if {"globaltoc.html", "navigation.html"} & set(sidebars):
        return True
    return app.config.html_theme not in LOCAL_NAVIGATION_THEMES


def stale_pages(domain: CVDomain, read: AbstractSet[str] | None = None) -> list[str]:
    """Pages to rewrite because records declared elsewhere that they show have changed.

    Called once per build, after reading: it also moves the digests forward. A record of
    a page not in *read* (the pages this build read; None: unknown) keeps its digest.
    """
    data = domain.data
    records = [(objtype, r) for objtype in STORES for r in domain.table(objtype).values()]
    # which page's record each digest was taken of: the same id may have moved pages
    digested: dict[str, str] = data.setdefault("digested", {})
    kept = {
        key: digest
        for objtype, record in records
        if read is not None
        and record.docname not in read
        and digested.get(key := f"{objtype}:{record.id}") == record.docname
        and (digest := data["digests"].get(key)) is not None
    }
    # an old id shows its object: a page naming it is rewritten when the object changes,
    # or when the old id comes to name an object at all
    renamed = [
        (alias.objtype, dataclasses.replace(record, id=alias.old))
        for alias in domain.aliases.values()
        if (record := domain.table(alias.objtype).get(alias.target)) is not None
        and alias.old not in domain.table(alias.objtype)
    ]
    fresh = [(objtype, r) for objtype, r in records if f"{objtype}:{r.id}" not in kept]
    record_digests = kept | digests.record_digests([*fresh, *renamed])
    data["digested"] = {f"{objtype}:{r.id}": r.docname for objtype, r in records}
    changed_records = digests.changed(data["digests"], record_digests)
    data["digests"] = record_digests
    data["fingerprint"] = hashlib.sha256(
        repr(
            (
                sorted(record_digests.items()),
                sorted(domain.aggregates.items()),
                sorted((d, repr(b)) for d, b in domain.backlinks.items()),
            )
        ).encode()
    ).hexdigest()
    views = domain.views()
    backlinks = digests.backlink_digests(views.backlinks, record_digests)
    changed_backlinks = digests.changed(data["backlink_digests"], backlinks)
    data["backlink_digests"] = backlinks
    config = domain.env.config
    selections = [
        select(views.declared, audience, today(config)) for audience in audiences(config).values()
    ]
    by_source: dict[tuple[str, str], list[Backlink]] = {}
    for docname in sorted(domain.backlinks):
        for link in domain.backlinks[docname]:
            by_source.setdefault((link.source_type, link.source), []).append(link)
    kinds = digests.aggregate_digests(views, record_digests, selections, by_source)
    changed_kinds = digests.changed(data["aggregate_digests"], kinds)
    data["aggregate_digests"] = kinds
    homes = {f"{objtype}:{r.id}": r.docname for objtype, r in records}
    # a page whose declaration of a changed id lost may have held the id until this read
    # (another page took it back without it being read): it shows the object no more
    displaced = {page for key in changed_records for page in domain.outvoted.get(key, ())}
    return sorted(
        displaced
        | digests.stale_pages(
            changed_records,
            changed_backlinks,
            changed_kinds,
            domain.aggregates,
            domain.backlinks,
            homes,
        )
    )


def navigation_changes(domain: CVDomain, state: dict[str, str]) -> set[str]:
    """What of the site's navigation differs from the last build's; remembers *state*."""
    changed = digests.changed(domain.data["navigation"], state)
    domain.data["navigation"] = state
    return changed
