"""The ``cv`` domain: the single source of truth for every CV object of a build.

Directives note their records here while reading; aggregates, references,
backlinks, search entries and exports are all derived from these records. Data
is purged per document and merged from parallel readers, so ``-j`` and
incremental builds see exactly what a clean serial build sees.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from cv_ext import rewrites
from cv_ext._logging import log_warning
from cv_ext.audiences import select
from cv_ext.config import audiences, today
from cv_ext.i18n import _
from cv_ext.model import ParseError, slugify
from cv_ext.records import (
    Achievement,
    Backlink,
    Entry,
    Item,
    Linkable,
    Project,
    Record,
    Records,
    Talk,
)
from cv_ext.views import Views, build_views

if TYPE_CHECKING:
    from collections.abc import Iterator
    from collections.abc import Set as AbstractSet

    from sphinx import addnodes
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


#: object type -> name of the data store holding its records
STORES: dict[str, str] = {
    "entry": "entries",
    "achievement": "achievements",
    "project": "projects",
    "talk": "talks",
    "item": "items",
}
#: object types with a role, a search entry and an intersphinx entry
LINKABLE = ("entry", "achievement", "project", "talk")
#: short role names -> object type
ALIASES: dict[str, str] = {"ach": "achievement", "proj": "project"}


def search_anchor(objtype: str, object_id: str) -> str:
    """The HTML id search results link to: ``cv-<type>-<id>``.

    Sphinx's search index drops an anchor equal to the object's name (or to
    ``<type>-<name>``) and lets its script rebuild it from the displayed title,
    which breaks for titles; an id of another shape survives.
    """
    return f"cv-{objtype}-{object_id}"


def skill_anchor(tag: str) -> str:
    """The HTML id of a skill on the skills index."""
    try:
        return f"skill-{slugify(tag)}"
    except ParseError:  # a tag with no Latin letters at all
        return "skill-" + hashlib.sha256(tag.encode()).hexdigest()[:10]


class CVDomain(Domain):
    """Timeline entries, achievements, projects, talks and skills, with roles for each."""

    name = "cv"
    # lazy translations, as Sphinx's own domains: search results show them in the build's language
    label = _("Curriculum vitae")
    object_types: ClassVar[dict[str, ObjType]] = {
        "entry": ObjType(_("timeline entry"), "entry"),
        "achievement": ObjType(_("achievement"), "achievement", "ach"),
        "project": ObjType(_("project"), "project", "proj"),
        "talk": ObjType(_("talk"), "talk"),
        "skill": ObjType(_("skill"), "skill"),
    }
    roles: ClassVar[dict[str, Any]] = {
        # warn_dangling: an unknown id is reported even without nitpicky mode
        role: XRefRole(warn_dangling=True)
        for role in ("entry", "achievement", "project", "talk", "skill", *ALIASES)
    }
    initial_data: ClassVar[dict[str, Any]] = {
        **{store: {} for store in STORES.values()},  # id -> record
        "declared": {},  # docname -> [(type, id)] it declared
        "backlinks": {},  # docname -> [Backlink], the references each page makes
        "aggregates": {},  # docname -> kinds of aggregate it shows: overview, projects, ...
        "digests": {},  # "type:id" -> digest of the record, as of the last read
        "backlink_digests": {},  # "type:id" -> digest of its "Referenced from" list
        "aggregate_digests": {},  # overview, projects, ... -> digest of what it shows
        "fingerprint": "",  # digest of all records at the end of the last read
        "navigation": {},  # what navigation shows, as digests (rewrites.navigation_state)
    }
    data_version = 6
    #: derived views, rebuilt whenever the fingerprint or the reference date changes
    _views: tuple[tuple[str, str], Views] | None = None

    @property
    def entries(self) -> dict[str, Entry]:
        """Timeline entries by id."""
        return cast("dict[str, Entry]", self.data["entries"])

    @property
    def achievements(self) -> dict[str, Achievement]:
        """Achievements by id."""
        return cast("dict[str, Achievement]", self.data["achievements"])

    @property
    def projects(self) -> dict[str, Project]:
        """Projects by id."""
        return cast("dict[str, Project]", self.data["projects"])

    @property
    def talks(self) -> dict[str, Talk]:
        """Talks by id."""
        return cast("dict[str, Talk]", self.data["talks"])

    @property
    def items(self) -> dict[str, Item]:
        """People, languages, skills, publications, ... by id."""
        return cast("dict[str, Item]", self.data["items"])

    @property
    def backlinks(self) -> dict[str, list[Backlink]]:
        """The cross-references made by each document."""
        return cast("dict[str, list[Backlink]]", self.data["backlinks"])

    @property
    def aggregates(self) -> dict[str, list[str]]:
        """Documents showing overviews or indices, with the kinds they show."""
        return cast("dict[str, list[str]]", self.data["aggregates"])

    @property
    def skill_page(self) -> str | None:
        """The document holding the skills index, if any (the first by name)."""
        pages = [page for page, kinds in self.aggregates.items() if "skills" in kinds]
        return min(pages) if pages else None

    def _store(self, objtype: str) -> dict[str, Record]:
        return cast("dict[str, Record]", self.data[STORES[objtype]])

    def note(self, objtype: str, record: Record) -> bool:
        """Record an object; warn and keep the earliest one if its id is taken."""
        self._index(objtype, record)
        return self._keep(self._store(objtype), objtype, record)

    def _index(self, objtype: str, record: Record) -> None:
        # docname -> its (type, id)s, so that clearing a page never scans every record
        self.data["declared"].setdefault(record.docname, []).append((objtype, record.id))

    def note_aggregate(self, docname: str, kind: str) -> None:
        """Mark *docname* as showing an aggregate (``overview``, ``projects``, ...)."""
        kinds = self.aggregates.setdefault(docname, [])
        if kind not in kinds:
            kinds.append(kind)

    def note_backlinks(self, docname: str, backlinks: list[Backlink]) -> None:
        """Record the cross-references *docname* makes."""
        if backlinks:
            self.backlinks[docname] = backlinks

    @staticmethod
    def _keep(store: dict[str, Record], objtype: str, record: Record) -> bool:
        existing = store.get(record.id)
        if existing is not None and existing != record:
            # the earliest (docname, line) wins, whatever order readers finish in
            winner, loser = sorted((existing, record), key=lambda r: (r.docname, r.lineno))
            log_warning(
                logger,
                f"duplicate {objtype} id {record.id!r}, first defined in "
                f"{winner.docname!r}, line {winner.lineno}",
                "duplicate",
                location=(loser.docname, loser.lineno),
            )
            store[record.id] = winner
            return winner is record
        store[record.id] = record
        return True

    def clear_doc(self, docname: str) -> None:
        """Forget everything *docname* declared."""
        for objtype, key in self.data["declared"].pop(docname, []):
            store = self._store(objtype)
            if key in store and store[key].docname == docname:  # a duplicate elsewhere stays
                del store[key]
        for per_doc in ("backlinks", "aggregates"):
            self.data[per_doc].pop(docname, None)

    def merge_domaindata(self, docnames: AbstractSet[str], otherdata: dict[str, Any]) -> None:
        """Take over what a parallel reader recorded for *docnames*."""
        for objtype, store_name in STORES.items():
            store = self.data[store_name]
            for record in otherdata[store_name].values():
                if record.docname in docnames:
                    self._index(objtype, record)
                    self._keep(store, objtype, record)
        for per_doc in ("backlinks", "aggregates"):
            for docname, value in otherdata[per_doc].items():
                if docname in docnames:
                    self.data[per_doc][docname] = value

    def updated_pages(self) -> list[str]:
        """Pages to rewrite because records declared elsewhere that they show have changed.

        Called once per build, after reading: it also moves the digests forward.
        """
        records = [(objtype, r) for objtype in STORES for r in self._store(objtype).values()]
        digests = rewrites.record_digests(records)
        changed_records = rewrites.changed(self.data["digests"], digests)
        self.data["digests"] = digests
        self.data["fingerprint"] = hashlib.sha256(
            repr(
                (
                    sorted(digests.items()),
                    sorted(self.aggregates.items()),
                    sorted((d, repr(b)) for d, b in self.backlinks.items()),
                )
            ).encode()
        ).hexdigest()
        views = self.views()
        backlinks = rewrites.backlink_digests(views.backlinks, digests)
        changed_backlinks = rewrites.changed(self.data["backlink_digests"], backlinks)
        self.data["backlink_digests"] = backlinks
        selections = [
            select(views.declared, audience, today(self.env.config))
            for audience in audiences(self.env.config).values()
        ]
        by_source: dict[tuple[str, str], list[Backlink]] = {}
        for docname in sorted(self.backlinks):
            for link in self.backlinks[docname]:
                by_source.setdefault((link.source_type, link.source), []).append(link)
        kinds = rewrites.aggregate_digests(views, digests, selections, by_source)
        changed_kinds = rewrites.changed(self.data["aggregate_digests"], kinds)
        self.data["aggregate_digests"] = kinds
        homes = {f"{objtype}:{r.id}": r.docname for objtype, r in records}
        return sorted(
            rewrites.stale_pages(
                changed_records,
                changed_backlinks,
                changed_kinds,
                self.aggregates,
                self.backlinks,
                homes,
            )
        )

    def navigation_changes(self, state: dict[str, str]) -> set[str]:
        """What of the site's navigation differs from the last build's; remembers *state*."""
        changed = rewrites.changed(self.data["navigation"], state)
        self.data["navigation"] = state
        return changed

    def get(self, objtype: str, object_id: str) -> Record | None:
        """The stored record of any type (items too), or None."""
        return self._store(objtype).get(object_id) if objtype in STORES else None

    def replace(self, objtype: str, record: Record) -> None:
        """Store *record* in place of the one of its id that the same page declared."""
        store = self._store(objtype)
        if (old := store.get(record.id)) is not None and old.docname == record.docname:
            store[record.id] = record

    def lookup(self, typ: str, target: str) -> Linkable | None:
        """The record *target* of role *typ* (aliases allowed), or None."""
        typ = ALIASES.get(typ, typ)
        record = self._store(typ).get(target) if typ in LINKABLE else None
        return cast("Linkable | None", record)

    def declared(self) -> Records:
        """Every record, in declaration order: by page, then by line."""

        def ordered(store: dict[str, Any]) -> list[Any]:
            return sorted(store.values(), key=lambda record: (record.docname, record.lineno))

        return Records(
            entries=ordered(self.entries),
            achievements=ordered(self.achievements),
            projects=ordered(self.projects),
            talks=ordered(self.talks),
            items=ordered(self.items),
        )

    def views(self) -> Views:
        """Orderings, backlinks and skills, derived once per build from the records."""
        key = (self.data["fingerprint"], today(self.env.config).iso())
        if self._views is None or self._views[0] != key:
            views = build_views(self.declared(), self.backlinks, today(self.env.config))
            self._views = (key, views)
        return self._views[1]

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """Link a ``cv:<type>`` reference; without an explicit title, show the object's."""
        if ALIASES.get(typ, typ) == "skill":
            return self._resolve_skill(builder, fromdocname, target, contnode)
        record = self.lookup(typ, target)
        if record is None:
            return None
        if not node.get("refexplicit"):
            contnode = nodes.inline("", display_title(record), classes=contnode["classes"])
        return make_refnode(
            builder, fromdocname, record.docname, record.anchor, contnode, display_title(record)
        )

    def _resolve_skill(
        self, builder: Builder, fromdocname: str, target: str, contnode: nodes.Element
    ) -> nodes.reference | None:
        tag = target.lower()
        page = self.skill_page
        if page is None or tag not in self.views().skills:
            return None
        return make_refnode(builder, fromdocname, page, skill_anchor(tag), contnode, tag)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Resolve ``{any}`` references against every object type."""
        results = []
        for typ in (*LINKABLE, "skill"):
            ref = self.resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
            if ref is not None:
                results.append((f"cv:{typ}", ref))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Every object, for ``objects.inv``; hidden from Sphinx's search (priority -1).

        The search page finds them by title, tags and text instead (:mod:`cv_ext.search`).
        """
        for objtype in LINKABLE:
            for key, record in sorted(self._store(objtype).items()):
                # Sphinx escapes a search title twice (an apostrophe shows as &#x27;): the
                # typographic one is what the page shows anyway, after smart quotes
                title = display_title(record).replace("'", "\u2019")
                yield key, title, objtype, record.docname, search_anchor(objtype, key), -1
        if (page := self.skill_page) is not None:
            names = self.views().skill_names
            for tag in self.views().skills:
                yield tag, names[tag], "skill", page, skill_anchor(tag), -1


def display_title(record: Record) -> str:
    """How a reference to *record* reads: "Position, Org" or the object's title."""
    if isinstance(record, Entry) and record.org:
        return f"{record.title}, {record.org}" if record.title else record.org
    return record.title


def get_domain(env: BuildEnvironment) -> CVDomain:
    """The build's :class:`CVDomain`."""
    return cast("CVDomain", env.get_domain(CVDomain.name))
