"""Tags shown by their labels: ``hole-punching`` reads "hole punching" wherever it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from cv_ext.core.tags import tag_key
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def is_tag(node: nodes.inline) -> bool:
    """Whether *node* is a tag as written (``.cv-tag`` holding its text alone)."""
    return "cv-tag" in node["classes"] and len(node) == 1 and isinstance(node[0], nodes.Text)


def label_tags(app: Sphinx, tags: list[nodes.inline]) -> None:
    """Write each of a page's *tags* as its label, in the build's language.

    Runs once the page's placeholders are filled, so on the tags of a tailored CV too.
    """
    if not tags:
        return
    names = get_domain(app.env).views().skill_names
    for node in tags:
        label = names.get(tag_key(node.astext()))
        if label and label != node.astext():
            node.replace(node[0], nodes.Text(label))
