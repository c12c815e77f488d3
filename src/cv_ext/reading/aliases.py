"""Old names of objects, kept by the ``cv`` domain: old ids and the pages objects were on.

:class:`AliasStore` is the part of :class:`~cv_ext.reading.domain.CVDomain` that keeps
what ``:aliases:`` declares. Like the records, aliases are purged per page and merged
from parallel readers; when two objects claim one old name, the earliest (page, line)
keeps it, whatever order the readers finish in, and the losing claim's page is
remembered (:class:`~cv_ext.reading.duplicates.DuplicateStore`), to be read again when
the winning page changes or goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from sphinx.util import logging

from cv_ext.common.warn import log_warning
from cv_ext.reading.duplicates import DuplicateStore

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from cv_ext.core.records import Alias

logger = logging.getLogger(__name__)

#: what the domain keeps of aliases, besides the records
ALIAS_DATA: dict[str, Any] = {
    "aliases": {},  # "type:old id" -> Alias
    "moved": {},  # old docname -> Alias: the object's page was there
    "labels": {},  # label -> (docname, anchor, title) placed in the std domain this build
}
#: the tables of :data:`ALIAS_DATA` that objects claim names in, the earliest winning
ALIAS_TABLES = ("aliases", "moved")


class AliasStore(DuplicateStore):
    """Old ids by type, old pages by docname: a mixin of the domain, on its ``data``."""

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

    def clear_aliases(self, docname: str) -> None:
        """Forget the old names that *docname* declared."""
        for table in (self.aliases, self.moved):
            for key in [key for key, alias in table.items() if alias.docname == docname]:
                del table[key]

    def merge_aliases(self, docnames: AbstractSet[str], otherdata: dict[str, Any]) -> None:
        """Take over the old names a parallel reader recorded for *docnames*."""
        for alias in otherdata["aliases"].values():
            if alias.docname in docnames:
                self.note_alias(alias)
        for alias in otherdata["moved"].values():
            if alias.docname in docnames:
                self.note_moved(alias)

    def _claim(self, table: str, key: str, alias: Alias, what: str) -> None:
        claims = cast("dict[str, Alias]", self.data[table])
        existing = claims.get(key)
        if existing is None or existing == alias:
            claims[key] = alias
            return
        # the earliest (page, line) wins, whatever order readers finish in
        winner, loser = sorted((existing, alias), key=lambda a: (a.docname, a.lineno))
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
