"""Finish a page once every page is read: fill it, label its tags, group its roles.

Each step used to walk the whole page for its own nodes. One walk before filling finds
them all; the filled placeholders are walked alone, as only they hold new nodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docutils import nodes

from cv_ext.nodes.elements import cv_entry, cv_talk
from cv_ext.writing.fill import PLACEHOLDERS, fill
from cv_ext.writing.roles import group_roles, trim_talk_roles
from cv_ext.writing.tags import is_tag, label_tags

if TYPE_CHECKING:
    from sphinx.application import Sphinx


@dataclass
class Found:
    """The nodes of a page that the steps after reading change, in document order."""

    placeholders: list[nodes.Element] = field(default_factory=list)
    tags: list[nodes.inline] = field(default_factory=list)
    entries: list[cv_entry] = field(default_factory=list)
    talks: list[cv_talk] = field(default_factory=list)

    def add(self, tree: nodes.Node) -> None:
        """Note the placeholders, tags, entries and talks in *tree*."""
        for node in tree.findall(nodes.Element):
            if isinstance(node, PLACEHOLDERS):
                self.placeholders.append(node)
            elif isinstance(node, cv_entry):
                self.entries.append(node)
            elif isinstance(node, cv_talk):
                self.talks.append(node)
            elif isinstance(node, nodes.inline) and is_tag(node):
                self.tags.append(node)


def finish_page(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Fill the placeholders, then label the tags, group roles and trim talk roles."""
    found = Found()
    found.add(doctree)
    if found.placeholders:
        filled = Found()
        for node in fill(app, doctree, docname, found.placeholders):
            filled.add(node)
        found.tags += filled.tags
        if filled.entries or filled.talks:
            # filled entries and talks interleave with the page's own: walk it again, in order
            found.entries = list(doctree.findall(cv_entry))
            found.talks = list(doctree.findall(cv_talk))
    label_tags(app, found.tags)
    group_roles(app, found.entries, docname)
    trim_talk_roles(app, found.talks, docname)
