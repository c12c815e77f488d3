"""The ``cv`` domain: the single source of truth for every CV object of a build.

Directives note their records here while reading; aggregates, references,
backlinks, search entries and exports are all derived from these records. Data
is purged per document and merged from parallel readers, so ``-j`` and
incremental builds see exactly what a clean serial build sees.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from cv_ext.common.i18n import _
from cv_ext.common.warn import log_warning
from cv_ext.core.ids import search_anchor, skill_anchor
from cv_ext.core.records import display_title
from cv_ext.core.views import Views, build_views
from cv_ext.reading.aliases import ALIAS_DATA, AliasStore
from cv_ext.reading.config import today
from cv_ext.reading.store import ALIASES, INITIAL_DATA, LINKABLE, PRIVATE_PAGE

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx import addnodes
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from cv_ext.core.records import Backlink, Linkable

logger = logging.getLogger(__name__)

__all__ = ["ALIASES", "LINKABLE", "CVDomain", "get_domain"]


class CVDomain(AliasStore, Domain):
    """Timeline entries, achievements, projects, talks and skills, with roles for each."""

    name = "cv"
    # lazy translations, as Sphinx's own domains: search results show them in the build's language
    label = _("Curriculum vitae")
    object_types: ClassVar[dict[str, ObjType]] = {
        "entry": ObjType(_("timeline entry"), "entry"),
        "achievement": ObjType(_("achievement"), "achievement", "ach"),
        "project": ObjType(_("project"), "project", "proj"),
        "talk": ObjType(_("talk"), "talk"),
        "publication": ObjType(_("publication"), "publication", "pub"),
        "skill": ObjType(_("skill"), "skill"),
    }
    roles: ClassVar[dict[str, Any]] = {
        # warn_dangling: an unknown id is reported even without nitpicky mode
        role: XRefRole(warn_dangling=True)
        for role in ("entry", "achievement", "project", "talk", "publication", "skill", *ALIASES)
    }
    initial_data: ClassVar[dict[str, Any]] = INITIAL_DATA | ALIAS_DATA
    data_version = 9
    #: derived views, rebuilt whenever the fingerprint or the reference date changes
    _views: tuple[tuple[str, str], Views] | None = None

    #: the skills page, kept per fingerprint: every tag reference on every page asks for it
    _skill_page: tuple[str, str | None] | None = None

    @property
    def skill_page(self) -> str | None:
        """The document holding the skills index, if any (asked once every page is read)."""
        key = self.data["fingerprint"]
        if self._skill_page is None or self._skill_page[0] != key:
            self._skill_page = (key, super().skill_page)
        return self._skill_page[1]

    def views(self) -> Views:
        """Orderings, backlinks and skills, derived once per build from the records."""
        key = (self.data["fingerprint"], today(self.env.config).iso())
        if self._views is None or self._views[0] != key:
            # a private page (a letter) references objects, but no page lists it
            backlinks = {
                page: self._canonical(links)
                for page, links in self.backlinks.items()
                if not self.env.metadata.get(page, {}).get(PRIVATE_PAGE)
            }
            views = build_views(self.declared(), backlinks, today(self.env.config))
            self._views = (key, views)
        return self._views[1]

    def _canonical(self, links: list[Backlink]) -> list[Backlink]:
        """*links* with every old id replaced by the id it names now."""
        if not self.aliases:
            return links
        result = []
        for link in links:
            types = LINKABLE if link.target_type == "any" else (link.target_type,)
            if any(link.target in self.table(typ) for typ in types):
                result.append(link)
                continue
            found = [(typ, new) for typ in types if (new := self.alias_of(typ, link.target))]
            if found:
                link = dataclasses.replace(link, target_type=found[0][0], target=found[0][1])
            result.append(link)
        return result

    def lookup(self, typ: str, target: str) -> Linkable | None:
        """The record *target* of role *typ*, also by an old id given in ``:aliases:``."""
        record = super().lookup(typ, target)
        if record is None and (new := self.alias_of(ALIASES.get(typ, typ), target)):
            record = super().lookup(typ, new)
        return record

    def check_consistency(self) -> None:
        """Warn about old ids that are the id of another object now: the object wins."""
        for alias in sorted(self.aliases.values(), key=lambda a: (a.docname, a.lineno)):
            if (other := self.table(alias.objtype).get(alias.old)) is not None:
                log_warning(
                    logger,
                    f"old {alias.objtype} id {alias.old!r} of {alias.target!r} is the id of "
                    f"the {alias.objtype} in {other.docname!r}, line {other.lineno}; "
                    "references to it lead there",
                    "duplicate",
                    location=(alias.docname, alias.lineno),
                )

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
            title = display_title(record)
            if title.casefold() == node.get("cv_unless_titled", "").casefold():
                title = _("Project page")  # beside a line that says the title already
            contnode = nodes.inline("", title, classes=contnode["classes"])
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
            for key, record in sorted(self.table(objtype).items()):
                # Sphinx escapes a search title twice (an apostrophe shows as &#x27;): the
                # typographic one is what the page shows anyway, after smart quotes
                title = display_title(record).replace("'", "\u2019")
                yield key, title, objtype, record.docname, search_anchor(objtype, key), -1
        if (page := self.skill_page) is not None:
            names = self.views().skill_names
            for tag in self.views().skills:
                yield tag, names[tag], "skill", page, skill_anchor(tag), -1


def get_domain(env: BuildEnvironment) -> CVDomain:
    """The build's :class:`CVDomain`."""
    return cast("CVDomain", env.get_domain(CVDomain.name))
