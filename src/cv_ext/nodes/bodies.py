"""An object's own text, copied from its page to stand on another (a paper or tailored CV).

Copies keep every sentence, list, code span and link as the author wrote them; only
what belongs to the original page changes: ids, index entries, and the page that
references are resolved from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util import docname_join

from cv_ext.nodes.elements import cv_body

if TYPE_CHECKING:
    from collections.abc import Iterator


def own_bodies(doctree: nodes.document) -> Iterator[tuple[tuple[str, str], cv_body]]:
    """((type, id), body) of every object on a page that has a body."""
    for body in doctree.findall(cv_body):
        owner = body.parent
        yield (owner.get("cv_type", ""), owner.get("cv_id", "")), body


def rehome(body: cv_body, page: str, docname: str) -> list[nodes.Node]:
    """A copy of *body*'s children, declared on *page*, to stand on *docname*."""
    copied = [child.deepcopy() for child in body.children]
    for part in copied:
        if not isinstance(part, nodes.Element):
            continue
        for index in list(part.findall(addnodes.index)):
            index.parent.remove(index)  # the index already lists the object's own page
        for element in part.findall(nodes.Element):
            element["ids"] = []  # ids belong to the object's own page
        for xref in part.findall(addnodes.pending_xref):
            # resolve from the new page: a relative {doc} target first becomes absolute
            if xref.get("reftype") == "doc" and not xref["reftarget"].startswith("/"):
                xref["reftarget"] = "/" + docname_join(page, xref["reftarget"])
            xref["refdoc"] = docname
    return [part for part in copied if not isinstance(part, addnodes.index)]
