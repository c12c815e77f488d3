"""What every part of one paper CV shares: the views, the selection, ids and copied bodies."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from docutils import nodes
from sphinx.util import logging

from cv_ext.common.i18n import _
from cv_ext.common.warn import log_warning
from cv_ext.nodes import render
from cv_ext.nodes.bodies import own_bodies, rehome
from cv_ext.nodes.elements import cv_paper_when
from cv_ext.reading.directives.document import SECTIONS

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from cv_ext.core.audiences import Selection
    from cv_ext.core.dates import Date, Period
    from cv_ext.core.records import Achievement, Entry, Item, Project, Talk
    from cv_ext.core.views import Record, Views

logger = logging.getLogger(__name__)
ElementT = TypeVar("ElementT", bound=nodes.Element)
RecordT = TypeVar("RecordT", "Achievement", "Project", "Talk")


@dataclass
class PaperContext:
    """One paper CV being filled: its document, the build's views and, tailored, a selection."""

    env: BuildEnvironment
    document: nodes.document
    views: Views
    today: Date
    #: an audience's selection, when the paper is tailored (see :mod:`cv_ext.core.audiences`)
    selection: Selection | None = None
    #: to fit ``cv_paper_pages`` (:mod:`.fit`): entries shown as their header line alone,
    #: and how many of the newest projects and talks are shown
    condensed: set[str] = field(default_factory=set)
    limits: dict[str, int] = field(default_factory=dict)
    #: the pages whose objects' bodies were copied so far, read once each
    doctrees: dict[str, nodes.document] = field(default_factory=dict)

    def shown(self, kind: str, every: list[RecordT]) -> list[RecordT]:
        """*every* record of *kind*, or only those the audience selects; the newest to fit."""
        shown = every
        if self.selection is not None:
            section = self.selection.section(kind)
            chosen = {record.id for record in section.full} if section else set()
            # the selection orders as the views do (newest first): filtering keeps its order
            shown = [record for record in every if record.id in chosen]
        return shown[: self.limits[kind]] if kind in self.limits else shown

    def photo(self, person: Item) -> str:
        """The person's photo for the paper (``cv_paper_photo``), relative to the sources.

        "" without the setting or a photo; a photo at a URL is for the web only, with a
        located warning: LaTeX takes files.
        """
        image = person.get("image")
        if not self.env.config.cv_paper_photo or not image:
            return ""
        if "://" in image:
            log_warning(
                logger,
                "cv_paper_photo: the photo is a URL; the PDF shows a file of the site only",
                "config",
                location=(person.docname, person.lineno),
            )
            return ""
        return self.env.relfn2path(image, person.docname)[0]

    def section(self, name: str, content: list[nodes.Node]) -> nodes.section:
        """A section of the paper, headed as in :data:`SECTIONS`."""
        section_id = f"cv-paper-{name}"
        while section_id in self.document.ids:
            section_id += "-"
        section = nodes.section(ids=[section_id], classes=["cv-paper-section"])
        self.document.ids[section_id] = section
        heading = _(SECTIONS[name])
        section += nodes.title(heading, heading)
        section += content
        return section

    def item(self, para: nodes.paragraph, objtype: str, record: Record) -> nodes.list_item:
        """A list item that the paper's own references can point at."""
        target = self.target(nodes.target("", ""), objtype, record.id)
        para.insert(0, target)
        return nodes.list_item("", para)

    def target(self, node: ElementT, objtype: str, object_id: str) -> ElementT:
        """Give *node* a unique id naming the object it shows."""
        node_id = nodes.make_id(f"cv-paper-{objtype}-{object_id}")
        while node_id in self.document.ids:
            node_id += "-"
        node["ids"].append(node_id)
        node["cv_type"], node["cv_id"], node["cv_anchor"] = objtype, object_id, node_id
        self.document.ids[node_id] = node
        return node

    def body(self, objtype: str, record: Entry | Achievement | Project | Talk) -> list[nodes.Node]:
        """A copy of the object's own text from its page, its references made from here."""
        if record.docname not in self.doctrees:
            self.doctrees[record.docname] = self.env.get_doctree(record.docname)
        for key, body in own_bodies(self.doctrees[record.docname]):
            if key == (objtype, record.id):
                return rehome(body, record.docname, self.env.docname)
        return []


def when(period: Period) -> cv_paper_when:
    """The spans of *period* (no duration: the dates say it on paper)."""
    node = cv_paper_when(classes=["cv-paper-when"])
    for index, span in enumerate(period.spans):
        if index:
            node += nodes.Text(", ")
        node += render.span_nodes(span)
    return node


def spans_text(period: Period) -> str:
    """The spans of *period* as plain text."""
    return ", ".join(
        nodes.inline("", "", *render.span_nodes(span)).astext() for span in period.spans
    )
