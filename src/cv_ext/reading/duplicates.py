"""Declarations that lost to an earlier one of the same id: the pages that made them.

Of two objects with one id, the earliest (page, line) wins and the other is dropped
(:func:`~cv_ext.reading.store.keep_earliest`); so is the later of two claims of one old
name in ``:aliases:`` (:mod:`~cv_ext.reading.aliases`). The losing page is remembered here,
per kind and key, so that an incremental build reads it again when the winning page is
edited or removed: one of the losers may hold the id now, as a clean build would give it.
:class:`DuplicateStore` is a mixin of the domain, on its pickled ``data``.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

if TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Set as AbstractSet

    from cv_ext.core.records import Alias, Record

    #: what holds a key now: a record (by type and id) or an old name (by table and key)
    Holder = Callable[[str, str], Record | Alias | None]


class Declared(Protocol):
    """Anything declared at a line of a page: a record, a claim of an old name."""

    @property
    def docname(self) -> str: ...
    @property
    def lineno(self) -> int: ...


D = TypeVar("D", bound=Declared)


def earliest(first: D, second: D) -> tuple[D, D]:
    """The winner and the loser of two declarations of one name: the earliest (page, line)
    wins, whatever order parallel readers finish in."""
    winner, loser = sorted((first, second), key=lambda d: (d.docname, d.lineno))
    return winner, loser


#: what the domain keeps of lost declarations
DUPLICATE_DATA: dict[str, Any] = {
    # "type:id" (a record) or "table:key" (an old name, aliases.ALIAS_TABLES) -> the pages
    # whose declaration of it lost, sorted
    "outvoted": {},
}


class DuplicateStore:
    """The pages whose declaration of an id lost, by ``"type:id"`` (or ``"table:key"``)."""

    data: dict[str, Any]

    @property
    def outvoted(self) -> dict[str, list[str]]:
        """``"type:id"`` or ``"table:key"`` -> the pages whose declaration of it lost."""
        return cast("dict[str, list[str]]", self.data["outvoted"])

    def note_lost(self, kind: str, key: str, winner: Record | Alias, loser: Record | Alias) -> None:
        """Remember *loser*'s page: its declaration of *key* (of a type or table) lost."""
        # a loser on the winner's own page is read again with it anyway
        if loser.docname != winner.docname:
            self._remember(f"{kind}:{key}", loser.docname)

    def _remember(self, key: str, docname: str) -> None:
        pages = self.outvoted.setdefault(key, [])
        if docname not in pages:
            bisect.insort(pages, docname)

    def forget_outvoted(self, docname: str) -> None:
        """Forget the lost declarations of *docname*: it is read again or gone."""
        for key in [key for key, pages in self.outvoted.items() if docname in pages]:
            self.outvoted[key].remove(docname)
            if not self.outvoted[key]:
                del self.outvoted[key]

    def merge_outvoted(self, docnames: AbstractSet[str], otherdata: dict[str, Any]) -> None:
        """Take over the lost declarations a parallel reader found on *docnames*."""
        for key, pages in otherdata["outvoted"].items():
            for docname in pages:
                if docname in docnames:
                    self._remember(key, docname)

    def outvoted_by(self, pages: AbstractSet[str], winner: Holder) -> set[str]:
        """The other pages whose declaration of an id lost to one on *pages*.

        *winner* gives the record holding a type and id (or the alias holding a table's
        key). When *pages* change or go, these pages are read again: one may hold it now.
        """
        found: set[str] = set()
        for key, losers in self.outvoted.items():
            kind, _, name = key.partition(":")
            held = winner(kind, name)
            if held is None or held.docname in pages:
                found.update(losers)
        return found - pages
