"""Old names of objects, kept by the ``cv`` domain: old ids and the pages objects were on.

:class:`AliasStore` is the records' store (:class:`~cv_ext.reading.store.RecordStore`)
with what ``:aliases:`` declares. Like the records, aliases are purged per page and merged
from parallel readers; when two objects claim one old name, the earliest (page, line)
keeps it, whatever order the readers finish in, and the losing claim's page is
remembered (:class:`~cv_ext.reading.duplicates.DuplicateStore`), to be read again when
the winning page changes or goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from sphinx.util import logging

from cv_ext.common.warn import log_warning
from cv_ext.reading.duplicates import earliest
from cv_ext.reading.store import RecordStore

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from cv_ext.core.records import Alias, Record

logger = logging.getLogger(__name__)

#: what the domain keeps of aliases, besides the records
ALIAS_DATA: dict[str, Any] = {
    "aliases": {},  # "type:old id" -> Alias
    "moved": {},  # old docname -> Alias: the object's page was there
    "labels": {},  # label -> (docname, anchor, title) placed in the std domain this build
}
#: the tables of :data:`ALIAS_DATA` that objects claim names in, the earliest winning
ALIAS_TABLES = ("aliases", "moved")


class AliasStore(RecordStore):
    """The records, with old ids by type and old pages by docname: the domain's data."""

    data: dict[str, Any]

    @property
    def aliases(self) -> dict[str, Alias]:
        """``"type:old id"`` -> the alias naming the object it leads to."""
        return cast("dict[str, Alias]", self.data["aliases"])

    @property
    def moved(self) -> dict[str, Alias]:
        """Old docname -> the alias of the object whose page it was."""
        return cast("dict[str, Alias]", self.data["moved"])

    def alias_of(self, objtype: str, old: str) -> str | None:
        """The id that the old id *old* of *objtype* now names, or None."""
        alias = self.aliases.get(f"{objtype}:{old}")
        return alias.target if alias is not None else None

    def note_alias(self, alias: Alias) -> None:
        """Record an old id; warn if another object claimed it first."""
        self._claim("aliases", f"{alias.objtype}:{alias.old}", alias, f"{alias.objtype} id")

    def note_moved(self, alias: Alias) -> None:
        """Record an old page of an object; warn if another object claimed it first."""
        self._claim("moved", alias.old, alias, "page")

    def holder(self, kind: str, key: str) -> Record | Alias | None:
        """What holds *key* of an object type (a record) or of an old names' table (an alias)."""
        if kind in ALIAS_TABLES:
            claims: dict[str, Alias] = self.data[kind]
            return claims.get(key)
        return self.get(kind, key)

    def clear_doc(self, docname: str) -> None:
        """Forget the records and old names that *docname* declared."""
        super().clear_doc(docname)
        for table in (self.aliases, self.moved):
            for key in [key for key, alias in table.items() if alias.docname == docname]:
                del table[key]

    def merge_domaindata(self, docnames: AbstractSet[str], otherdata: dict[str, Any]) -> None:
        """Take over the records and old names a parallel reader recorded for *docnames*."""
        super().merge_domaindata(docnames, otherdata)
        for alias in otherdata["aliases"].values():
            if alias.docname in docnames:
                self.note_alias(alias)
        for alias in otherdata["moved"].values():
            if alias.docname in docnames:
                self.note_moved(alias)

    def _claim(self, table: str, key: str, alias: Alias, what: str) -> None:
        claims: dict[str, Alias] = self.data[table]
        existing = claims.get(key)
        if existing is None or existing == alias:
            claims[key] = alias
            return
        winner, loser = earliest(existing, alias)
        claims[key] = winner
        self.note_lost(table, key, winner, loser)
        _warn(winner, loser, what)


def _warn(winner: Alias, loser: Alias, what: str) -> None:
    log_warning(
        logger,
        f"old {what} {winner.old!r} already names {winner.objtype} {winner.target!r} "
        f"(in {winner.docname!r}, line {winner.lineno}); not {loser.objtype} {loser.target!r}",
        "duplicate",
        location=(loser.docname, loser.lineno),
    )
