"""Declarations that lost to an earlier one of the same id: the pages that made them.

Of two objects with one id, the earliest (page, line) wins and the other is dropped
(:func:`~cv_ext.reading.store.keep_earliest`). The losing page is remembered here, per type
and id, so that an incremental build reads it again when the winning page is edited or
removed: one of the losers may hold the id now, as a clean build would give it.
:class:`DuplicateStore` is a mixin of the domain, on its pickled ``data``.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Set as AbstractSet

    from cv_ext.core.records import Record

#: what the domain keeps of lost declarations
DUPLICATE_DATA: dict[str, Any] = {
    "outvoted": {},  # "type:id" -> the pages whose declaration of it lost, sorted
}


class DuplicateStore:
    """The pages whose declaration of an id lost, by ``"type:id"``."""

    data: dict[str, Any]

    @property
    def outvoted(self) -> dict[str, list[str]]:
        """``"type:id"`` -> the pages whose declaration of it lost to another page's."""
        return cast("dict[str, list[str]]", self.data["outvoted"])

    def note_duplicate(self, objtype: str, existing: Record, new: Record, *, kept: bool) -> None:
        """Remember the page of whichever of *existing* and *new* lost (*kept*: *new* won)."""
        winner, loser = (new, existing) if kept else (existing, new)
        # the same record noted again is no duplicate; a loser on the winner's own page is
        # read again with it anyway
        if existing != new and loser.docname != winner.docname:
            self.note_outvoted(objtype, new.id, loser.docname)

    def note_outvoted(self, objtype: str, object_id: str, docname: str) -> None:
        """Remember that *docname*'s declaration of *object_id* lost."""
        self._remember(f"{objtype}:{object_id}", docname)

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

    def outvoted_by(
        self, pages: AbstractSet[str], winner: Callable[[str, str], Record | None]
    ) -> set[str]:
        """The other pages whose declaration of an id lost to one on *pages*.

        *winner* gives the record holding a type and id. When *pages* change or go, these
        pages are read again: one of them may hold the id now.
        """
        found: set[str] = set()
        for key, losers in self.outvoted.items():
            objtype, _, object_id = key.partition(":")
            record = winner(objtype, object_id)
            if record is None or record.docname in pages:
                found.update(losers)
        return found - pages
