"""A label in Sphinx's ``std`` domain for every CV object: linkable with ``:ref:`` from anywhere.

A project is ``cv-project-<id>``, a talk ``cv-talk-<id>``, a timeline entry (a job)
``cv-entry-<id>``: one label per object type of the ``cv`` domain that holds records,
and one more per old id in ``:aliases:``. Sphinx writes labels into ``objects.inv`` as
``std:label``, with the object's title as their text, so a Sphinx project without
cv_ext links an object with ``{external+name:ref}`cv-project-hole-punching``` (or plain
``:ref:`` through intersphinx).

The labels are derived from the records once every page is read (``env-updated``), and
withdrawn before the next build reads any page (``env-before-read-docs``). While pages
are read, Sphinx's ``std`` domain therefore holds the site's own labels only, and warns
about their duplicates exactly as it would without cv_ext; parallel and incremental
builds place the same labels as a clean serial build, since records decide, not the
order in which pages were read. A label the site already uses for something else stays
the site's, with a ``cv.label`` warning at the object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from sphinx.util import logging

from cv_ext.common.warn import log_warning
from cv_ext.core.ids import object_label
from cv_ext.core.records import display_title
from cv_ext.reading.domain import CVDomain, get_domain
from cv_ext.reading.store import STORES

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.domains.std import StandardDomain
    from sphinx.environment import BuildEnvironment

    from cv_ext.core.records import Alias, Record

logger = logging.getLogger(__name__)
_Placed = TypeVar("_Placed", "Record", "Alias")


def setup_labels(app: Sphinx) -> None:
    """Withdraw the objects' labels before pages are read; place them once all are read."""
    app.connect("env-before-read-docs", withdraw_labels)
    app.connect("env-updated", place_labels)


def label_types() -> list[str]:
    """The object types that get labels: every type of the ``cv`` domain that holds records."""
    return [objtype for objtype in CVDomain.object_types if objtype in STORES]


def withdraw_labels(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Take the labels placed by the last build out of the ``std`` domain."""
    _withdraw(env)


def _withdraw(env: BuildEnvironment) -> None:
    std = env.domains.standard_domain
    placed = get_domain(env).data["labels"]
    for name, (docname, anchor, title) in placed.items():
        # a page read since then may have replaced it, or Sphinx purged it with its page
        if std.labels.get(name) == (docname, anchor, title):
            del std.labels[name]
        if std.anonlabels.get(name) == (docname, anchor):
            del std.anonlabels[name]
    placed.clear()


def place_labels(app: Sphinx, env: BuildEnvironment) -> None:
    """Give every object its label, then every old id its label, where the site has none."""
    _withdraw(env)  # idempotent: a build that read nothing placed nothing new either
    domain = get_domain(env)
    std = env.domains.standard_domain
    wanted: list[tuple[str, str, Record]] = [
        (object_label(objtype, record.id), objtype, record)
        for objtype in label_types()
        for record in _ordered(domain.table(objtype).values())
    ]
    for alias in _ordered(domain.aliases.values()):
        target = domain.table(alias.objtype).get(alias.target)
        # an old id that is another object's id now is that object's (a cv.duplicate warning)
        if target is not None and alias.old not in domain.table(alias.objtype):
            wanted.append((object_label(alias.objtype, alias.old), alias.objtype, target))
    for name, objtype, record in wanted:
        if name in std.anonlabels:
            _warn_taken(std, domain, name, objtype, record)
            continue
        # the apostrophe the page shows after smart quotes, as the cv entries of objects.inv
        title = (display_title(record) or record.id).replace("'", "\u2019")
        std.labels[name] = (record.docname, record.anchor, title)
        std.anonlabels[name] = (record.docname, record.anchor)
        domain.data["labels"][name] = (record.docname, record.anchor, title)


def _warn_taken(
    std: StandardDomain, domain: CVDomain, name: str, objtype: str, record: Record
) -> None:
    docname = std.anonlabels[name][0]
    owner = "another object" if name in domain.data["labels"] else "a label of the site"
    log_warning(
        logger,
        f"label {name!r} of {objtype} {record.id!r} is {owner} already (in {docname!r}); "
        f":ref:`{name}` leads there. Rename one of them",
        "label",
        location=(record.docname, record.lineno),
    )


def _ordered(records: Iterable[_Placed]) -> list[_Placed]:
    """In declaration order (page, then line): the earliest object keeps a shared label."""
    return sorted(records, key=lambda r: (r.docname, r.lineno))
