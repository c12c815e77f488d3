"""Fill every placeholder of a page from the domain, once every page is read.

Each kind of placeholder node has its own filler; :data:`FILLERS` maps one to the other,
so a page is walked once whatever it holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from cv_ext.nodes.elements import cv_audience, cv_backlinks, cv_export_link, cv_index, cv_overview
from cv_ext.reading.config import today
from cv_ext.reading.domain import get_domain
from cv_ext.writing import audience, backlinks, indices, overview, pdf_link
from cv_ext.writing.context import PageContext

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils import nodes
    from sphinx.application import Sphinx

    #: a placeholder's filler: the nodes standing in its place
    Filler = Callable[[Sphinx, PageContext, nodes.Element], list[nodes.Node]]

PLACEHOLDERS = (cv_overview, cv_backlinks, cv_index, cv_export_link, cv_audience)


def fill(
    app: Sphinx, doctree: nodes.document, docname: str, placeholders: list[nodes.Element]
) -> list[nodes.Node]:
    """Replace each of the page's *placeholders*; the nodes put in their places."""
    domain = get_domain(app.env)
    page = PageContext(app.builder, docname, domain, domain.views(), today(app.config))
    filled: list[nodes.Node] = []
    for node in placeholders:
        if isinstance(node, cv_export_link):
            pdf_link.pdf_link(app, docname, node)  # it may also remove its separator
        else:
            new = FILLERS[type(node)](app, page, node)
            node.replace_self(new)
            filled += new
    return filled


def _overview(app: Sphinx, page: PageContext, node: nodes.Element) -> list[nodes.Node]:
    return overview.overview(page, cast("cv_overview", node))


def _backlinks(app: Sphinx, page: PageContext, node: nodes.Element) -> list[nodes.Node]:
    return backlinks.backlinks(page, node["target_type"], node["target"])


def _index(app: Sphinx, page: PageContext, node: nodes.Element) -> list[nodes.Node]:
    return indices.index(page, cast("cv_index", node))


def _audience(app: Sphinx, page: PageContext, node: nodes.Element) -> list[nodes.Node]:
    return audience.audience_nodes(app, page, page.docname, cast("cv_audience", node))


#: each placeholder node's filler
FILLERS: dict[type[nodes.Element], Filler] = {
    cv_overview: _overview,
    cv_backlinks: _backlinks,
    cv_index: _index,
    cv_audience: _audience,
}
