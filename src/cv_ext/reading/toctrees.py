"""Project pages in a globbed toctree, newest first: the sidebar, the page and its neighbours.

A ``:glob:`` toctree leaves the order to the file names, which say nothing to a reader.
Where such a toctree lists project pages, they take the order of the projects index
(newest first; :func:`~cv_ext.core.views.newest_first`) in the places they hold; other
pages keep theirs. A toctree listing its pages one by one keeps its author's order.

Dates are known only once every page is read: the tables of contents behind the
sidebar and the previous/next links are reordered then (``env-updated``), and the
toctree in the page itself before it is resolved (a post-transform).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def setup_toctrees(app: Sphinx) -> None:
    """Reorder globbed toctrees of project pages once every page is read."""
    app.connect("env-updated", reorder_tables_of_contents)
    app.add_post_transform(ProjectsNewestFirst)


def newest_first(entries: list[Any], env: BuildEnvironment) -> list[Any]:
    """Toctree *entries* (``(title, docname)`` pairs or docnames) with the project pages
    among them in date order, newest first, each in a place a project page held."""
    views = get_domain(env).views()
    rank = {
        project.docname: index
        for index, project in enumerate(views.projects)
        if not project.anchor  # the project heading its own page
    }

    def docname(entry: Any) -> str:
        return str(entry[1] if isinstance(entry, tuple) else entry)

    projects = iter(
        sorted((e for e in entries if docname(e) in rank), key=lambda e: rank[docname(e)])
    )
    return [next(projects) if docname(entry) in rank else entry for entry in entries]


def reorder_tables_of_contents(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The sidebar's and the previous/next links' order of project pages: by date."""
    for doc, toc in env.tocs.items():
        globbed = [node for node in toc.findall(addnodes.toctree) if node.get("glob")]
        for node in globbed:
            node["entries"] = newest_first(node["entries"], env)
            node["includefiles"] = newest_first(node["includefiles"], env)
        if globbed and doc in env.toctree_includes:
            env.toctree_includes[doc] = newest_first(env.toctree_includes[doc], env)
    return []


class ProjectsNewestFirst(SphinxPostTransform):
    """The toctree in the page itself, in the same order, before Sphinx resolves it."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        """Reorder every globbed toctree of the page."""
        for node in self.document.findall(addnodes.toctree):
            if node.get("glob"):
                node["entries"] = newest_first(node["entries"], self.env)
                node["includefiles"] = newest_first(node["includefiles"], self.env)
