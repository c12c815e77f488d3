"""The ``cv`` domain: the single source of truth for every CV object of a build.

Directives note their records here while reading; aggregates, references,
search entries and exports are all derived from these records. Data is purged
per document and merged from parallel readers, so ``-j`` and incremental
builds see exactly what a clean serial build sees.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from cv_ext._logging import log_warning
from cv_ext.model import Achievement, Entry

if TYPE_CHECKING:
    from collections.abc import Iterator
    from collections.abc import Set as AbstractSet

    from sphinx import addnodes
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

Record = Entry | Achievement

#: object type -> name of the data store holding it
STORES: dict[str, str] = {"entry": "entries", "achievement": "achievements"}


class CVDomain(Domain):
    """Timeline entries and achievements, with roles to reference them."""

    name = "cv"
    label = "Curriculum vitae"
    object_types: ClassVar[dict[str, ObjType]] = {
        "entry": ObjType("timeline entry", "entry"),
        "achievement": ObjType("achievement", "achievement"),
    }
    roles: ClassVar[dict[str, Any]] = {
        "entry": XRefRole(),
        "achievement": XRefRole(),
    }
    initial_data: ClassVar[dict[str, Any]] = {
        "entries": {},  # id -> Entry
        "achievements": {},  # id -> Achievement
        "aggregates": {},  # docname -> True: pages showing data of other pages
        "fingerprint": "",  # digest of all records at the end of the last read
    }
    data_version = 1

    @property
    def entries(self) -> dict[str, Entry]:
        """Timeline entries by id."""
        return cast("dict[str, Entry]", self.data["entries"])

    @property
    def achievements(self) -> dict[str, Achievement]:
        """Achievements by id."""
        return cast("dict[str, Achievement]", self.data["achievements"])

    @property
    def aggregates(self) -> dict[str, bool]:
        """Documents that show data of other documents and must be rewritten with them."""
        return cast("dict[str, bool]", self.data["aggregates"])

    def _store(self, objtype: str) -> dict[str, Record]:
        return cast("dict[str, Record]", self.data[STORES[objtype]])

    def note(self, objtype: str, record: Record) -> bool:
        """Record an object; warn and keep the earliest one if its id is taken."""
        return self._keep(self._store(objtype), objtype, record)

    def note_aggregate(self, docname: str) -> None:
        """Mark *docname* as showing data gathered from other documents."""
        self.aggregates[docname] = True

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
        for store_name in STORES.values():
            store = self.data[store_name]
            for key in [key for key, record in store.items() if record.docname == docname]:
                del store[key]
        self.aggregates.pop(docname, None)

    def merge_domaindata(self, docnames: AbstractSet[str], otherdata: dict[str, Any]) -> None:
        """Take over what a parallel reader recorded for *docnames*."""
        for objtype, store_name in STORES.items():
            store = self.data[store_name]
            for record in otherdata[store_name].values():
                if record.docname in docnames:
                    self._keep(store, objtype, record)
        for docname in otherdata["aggregates"]:
            if docname in docnames:
                self.aggregates[docname] = True

    def fingerprint(self) -> str:
        """A digest of every record that changes when any rendered aggregate would."""
        digest = hashlib.sha256()
        for store_name in STORES.values():
            for key in sorted(self.data[store_name]):
                record = dataclasses.replace(self.data[store_name][key], lineno=0)
                digest.update(repr(record).encode())
        return digest.hexdigest()

    def updated_aggregates(self) -> list[str]:
        """Pages to rewrite because the records they aggregate changed since last time."""
        current = self.fingerprint()
        if current == self.data["fingerprint"]:
            return []
        self.data["fingerprint"] = current
        return sorted(self.aggregates)

    def lookup(self, typ: str, target: str) -> Record | None:
        """The record *target* of role *typ*, or None."""
        return self._store(typ).get(target) if typ in STORES else None

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
        record = self.lookup(typ, target)
        if record is None:
            return None
        if not node.get("refexplicit"):
            contnode = nodes.inline("", display_title(record), classes=contnode["classes"])
        return make_refnode(
            builder, fromdocname, record.docname, record.anchor, contnode, display_title(record)
        )

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
        for typ in STORES:
            ref = self.resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
            if ref is not None:
                results.append((f"cv:{typ}", ref))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Every object, for the search index and ``objects.inv``."""
        for objtype in STORES:
            for key, record in sorted(self._store(objtype).items()):
                yield key, display_title(record), objtype, record.docname, record.anchor, 1


def display_title(record: Record) -> str:
    """How a reference to *record* reads: "Position, Org" or the achievement title."""
    if isinstance(record, Entry) and record.org:
        return f"{record.title}, {record.org}"
    return record.title


def get_domain(env: BuildEnvironment) -> CVDomain:
    """The build's :class:`CVDomain`."""
    return cast("CVDomain", env.get_domain(CVDomain.name))
