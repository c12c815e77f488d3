"""What a page's doctree tells once it is read: the references it makes, its project's title,
its translated bodies; and a located warning for a reference to no object.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

from cv_ext.common.warn import log_warning
from cv_ext.core.records import Backlink
from cv_ext.nodes.elements import cv_body, cv_heading, cv_project
from cv_ext.reading.directives.base import plain_text
from cv_ext.reading.domain import ALIASES, LINKABLE, CVDomain, get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


def setup_doctree(app: Sphinx) -> None:
    """Learn from each page once read; warn about references to nothing."""
    app.connect("doctree-read", read_doctree)
    app.connect("warn-missing-reference", warn_missing_reference)


def read_doctree(app: Sphinx, doctree: nodes.document) -> None:
    """Name untitled projects after their page, and record every cross-reference made."""
    domain = get_domain(app.env)
    docname = app.env.docname
    # the project heading this page, if any: references made from its sections are its own
    main = [
        project_id
        for header in doctree.findall(cv_project)
        if (project_id := _title_project_from_page(domain, docname, header))
    ]
    for body in doctree.findall(cv_body):
        _retext_from_body(domain, docname, body)
    backlinks = []
    for order, xref in enumerate(doctree.findall(addnodes.pending_xref)):
        if xref.get("cv_tag"):
            continue
        if xref.get("refdomain") == "cv":
            target_type = ALIASES.get(xref["reftype"], xref["reftype"])
        elif xref.get("reftype") == "any":
            target_type = "any"  # which type it names is known once every page is read
        else:
            continue
        if target_type not in LINKABLE and target_type != "any":
            continue
        place = _place(xref)
        if place is not None and not place[0] and main:
            place = ("project", main[0], "", place[3])
        if place is None or (place[0], place[1]) == (target_type, xref["reftarget"]):
            continue  # outside any section, or an object naming itself
        source_type, source, anchor, label = place
        backlinks.append(
            Backlink(
                target_type, xref["reftarget"], docname, anchor, source_type, source, label, order
            )
        )
    domain.note_backlinks(docname, backlinks)


#: the record fields each object type takes from the text of its body
BODY_FIELDS = {
    "entry": ("summary", "highlights"),
    "achievement": ("summary",),
    "project": ("highlights",),
    "talk": ("summary", "highlights"),
    "publication": ("summary",),
    "item": ("summary",),
}


def _retext_from_body(domain: CVDomain, docname: str, body: cv_body) -> None:
    """Take summary and highlights again from a body that the page's catalog translated.

    The directive read them before Sphinx's ``Locale`` transform replaced the text: the
    record would keep the source language in indices, search and exports.
    """
    owner = body.parent
    objtype, object_id = owner.get("cv_type"), owner.get("cv_id")
    if objtype not in BODY_FIELDS or not any(
        node.get("translated") for node in body.findall(nodes.Element)
    ):
        return  # nothing translated: the directive's text stands as it is
    record = domain.get(objtype, object_id)
    if record is None or record.docname != docname:
        return  # a duplicate id: the record of another page won
    summary, highlights = plain_text(list(body.children))
    fields: dict[str, Any] = {"summary": summary, "highlights": highlights}
    domain.replace(
        objtype,
        dataclasses.replace(record, **{name: fields[name] for name in BODY_FIELDS[objtype]}),
    )


def _title_project_from_page(domain: CVDomain, docname: str, header: cv_project) -> str:
    """Title the project after its page; return its id if it heads the page, else ""."""
    section = header.parent if isinstance(header.parent, nodes.section) else None
    page_title = section[0].astext() if section is not None and len(section) else ""
    record = domain.projects.get(header["cv_id"])
    if record is None or record.docname != docname:
        return ""
    if header.get("cv_untitled"):
        page_title = ""  # untitled on purpose: the page's heading is not its name
    elif not record.title and not page_title:
        log_warning(
            logger,
            "project: a title is required: give one, or put the project under a heading",
            "title",
            location=(docname, record.lineno),
        )
    top = section is not None and section.parent is header.document
    domain.projects[record.id] = dataclasses.replace(
        record,
        title=record.title or page_title,
        # a project heading its own page is linked as the page itself: a clean, shareable URL
        anchor="" if top else record.anchor,
    )
    for heading in list(header.findall(cv_heading)):
        if heading.astext() == page_title:
            header.remove(heading)  # the page's own title already says it
    return record.id if top else ""


def _place(node: nodes.Element) -> tuple[str, str, str, str] | None:
    """(source type, source id, anchor, label) of the innermost object or section around *node*."""
    parent = node.parent
    while parent is not None:
        if parent.get("cv_type") and parent.get("ids"):
            heading = next(iter(parent.findall(cv_heading)), None)
            label = heading.astext() if heading is not None else parent["cv_id"]
            return parent["cv_type"], parent["cv_id"], parent["ids"][0], label
        if isinstance(parent, nodes.section) and parent.get("ids"):
            return "", "", parent["ids"][0], parent[0].astext()
        parent = parent.parent
    return None


def warn_missing_reference(app: Sphinx, domain: object, node: addnodes.pending_xref) -> bool:
    if node.get("refdomain") != "cv":
        return False
    if node.get("cv_tag"):
        return True  # tags link to the skills index only where a site has one
    typ, target = ALIASES.get(node["reftype"], node["reftype"]), node["reftarget"]
    message = f"unknown {typ} id {target!r}"
    others = [
        other for other in LINKABLE if other != typ and get_domain(app.env).lookup(other, target)
    ]
    if others:
        message += (
            f" ({target!r} is {_a(others[0].replace('entry', 'timeline entry'))}, not {_a(typ)})"
        )
    log_warning(logger, message, "ref", location=node)
    return True


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"
