"""The records of the ``cv`` domain: kept per type and id, purged per page, merged from workers.

:class:`RecordStore` is the part of :class:`~cv_ext.reading.domain.CVDomain` that holds
data; the domain adds roles, references and the views derived from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from sphinx.util import logging

from cv_ext.common.warn import log_warning
from cv_ext.core.records import Records
from cv_ext.reading.duplicates import DUPLICATE_DATA, DuplicateStore, earliest

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from cv_ext.core.records import (
        Achievement,
        Backlink,
        Entry,
        Item,
        Linkable,
        Project,
        Publication,
        Record,
        Talk,
    )

logger = logging.getLogger(__name__)

#: object type -> name of the data store holding its records
STORES: dict[str, str] = {
    "entry": "entries",
    "achievement": "achievements",
    "project": "projects",
    "talk": "talks",
    "publication": "publications",
    "item": "items",
}
#: object types with a role, a search entry and an intersphinx entry
LINKABLE = ("entry", "achievement", "project", "talk", "publication")
#: page metadata marking a private page (a cover letter): its references are kept, so that
#: it is rewritten when what it names changes, but no page lists it as referencing them
PRIVATE_PAGE = "cv-letter"
#: short role names -> object type
ALIASES: dict[str, str] = {"ach": "achievement", "proj": "project", "pub": "publication"}


#: the per-type stores, and what the domain keeps per document
INITIAL_DATA: dict[str, Any] = {
    **{store: {} for store in STORES.values()},  # id -> record
    "declared": {},  # docname -> [(type, id)] it declared
    "backlinks": {},  # docname -> [Backlink], the references each page makes
    "aggregates": {},  # docname -> kinds of aggregate it shows: overview, projects, ...
    "papers": {},  # docname -> audience of the paper CV (cv-document) it holds; "": whole CV
    "digests": {},  # "type:id" -> digest of the record, as of the last read
    "digested": {},  # "type:id" -> the page whose record that digest was taken of
    "backlink_digests": {},  # "type:id" -> digest of its "Referenced from" list
    "aggregate_digests": {},  # overview, projects, ... -> digest of what it shows
    "fingerprint": "",  # digest of all records at the end of the last read
    "navigation": {},  # what navigation shows, as digests (digests.navigation_state)
    **DUPLICATE_DATA,  # the pages whose declaration of an id lost, to read again
}


class RecordStore(DuplicateStore):
    """Records by type and id, with the pages declaring them; the earliest of a duplicate wins.

    A mixin of the domain: it works on the domain's pickled ``data``. The pages whose
    declaration lost are remembered (:class:`DuplicateStore`), to be read again.
    """

    data: dict[str, Any]

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
    def publications(self) -> dict[str, Publication]:
        """Publications by id."""
        return cast("dict[str, Publication]", self.data["publications"])

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
    def papers(self) -> dict[str, str]:
        """Documents holding a paper CV, with its audience ("" for the whole CV)."""
        return cast("dict[str, str]", self.data["papers"])

    @property
    def skill_page(self) -> str | None:
        """The document holding the skills index, if any (the first by name)."""
        pages = [page for page, kinds in self.aggregates.items() if "skills" in kinds]
        return min(pages) if pages else None

    def table(self, objtype: str) -> dict[str, Record]:
        """The records of *objtype*, by id."""
        return cast("dict[str, Record]", self.data[STORES[objtype]])

    def note(self, objtype: str, record: Record) -> bool:
        """Record an object; warn and keep the earliest one if its id is taken."""
        self._index(objtype, record)
        return self._keep(objtype, record)

    def _keep(self, objtype: str, record: Record) -> bool:
        table = self.table(objtype)
        if (lost := keep_earliest(table, objtype, record)) is not None:
            self.note_lost(objtype, record.id, table[record.id], lost)
        return lost is not record

    def _index(self, objtype: str, record: Record) -> None:
        # docname -> its (type, id)s, so that clearing a page never scans every record
        self.data["declared"].setdefault(record.docname, []).append((objtype, record.id))

    def note_aggregate(self, docname: str, kind: str) -> None:
        """Mark *docname* as showing an aggregate (``overview``, ``projects``, ...)."""
        kinds = self.aggregates.setdefault(docname, [])
        if kind not in kinds:
            kinds.append(kind)

    def note_paper(self, docname: str, audience: str) -> None:
        """Mark *docname* as holding the paper CV of *audience* ("": the whole CV)."""
        self.papers.setdefault(docname, audience)

    def note_backlinks(self, docname: str, backlinks: list[Backlink]) -> None:
        """Record the cross-references *docname* makes."""
        if backlinks:
            self.backlinks[docname] = backlinks

    def clear_doc(self, docname: str) -> None:
        """Forget everything *docname* declared."""
        for objtype, key in self.data["declared"].pop(docname, []):
            store = self.table(objtype)
            if key in store and store[key].docname == docname:  # a duplicate elsewhere stays
                del store[key]
        for per_doc in ("backlinks", "aggregates", "papers"):
            self.data[per_doc].pop(docname, None)
        self.forget_outvoted(docname)

    def merge_domaindata(self, docnames: AbstractSet[str], otherdata: dict[str, Any]) -> None:
        """Take over what a parallel reader recorded for *docnames*."""
        for objtype, store_name in STORES.items():
            for record in otherdata[store_name].values():
                if record.docname in docnames:
                    self._index(objtype, record)
                    self._keep(objtype, record)
        for per_doc in ("backlinks", "aggregates", "papers"):
            for docname, value in otherdata[per_doc].items():
                if docname in docnames:
                    self.data[per_doc][docname] = value
        self.merge_outvoted(docnames, otherdata)

    def get(self, objtype: str, object_id: str) -> Record | None:
        """The stored record of any type (items too), or None."""
        return self.table(objtype).get(object_id) if objtype in STORES else None

    def replace(self, objtype: str, record: Record) -> None:
        """Store *record* in place of the one of its id that the same page declared."""
        store = self.table(objtype)
        if (old := store.get(record.id)) is not None and old.docname == record.docname:
            store[record.id] = record

    def lookup(self, typ: str, target: str) -> Linkable | None:
        """The record *target* of role *typ* (aliases allowed), or None."""
        typ = ALIASES.get(typ, typ)
        record = self.table(typ).get(target) if typ in LINKABLE else None
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
            publications=ordered(self.publications),
            items=ordered(self.items),
        )


def keep_earliest(store: dict[str, Record], objtype: str, record: Record) -> Record | None:
    """Store *record*; of two records with one id, keep the earliest (page, line) and warn.

    The record that lost, if any (*record* itself, or the one it displaced).
    """
    existing = store.get(record.id)
    if existing is not None and existing != record:
        winner, loser = earliest(existing, record)
        log_warning(
            logger,
            f"duplicate {objtype} id {record.id!r}, first defined in "
            f"{winner.docname!r}, line {winner.lineno}",
            "duplicate",
            location=(loser.docname, loser.lineno),
        )
        store[record.id] = winner
        return loser
    store[record.id] = record
    return None
