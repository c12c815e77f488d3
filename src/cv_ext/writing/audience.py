"""A tailored CV on a page (``cv-audience``): what an audience selects in full, other jobs in
one line, each section in date order.

The selection itself is :func:`cv_ext.core.audiences.select`, free of Sphinx; this module
turns it into nodes, with every selected record's own body copied from its page, so
a tailored CV shows the same sentences, lists, code and links, never a retelling.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import new_document
from sphinx.util.nodes import make_refnode

from cv_ext.common.builders import SITE_BUILDERS
from cv_ext.common.i18n import _, date_text
from cv_ext.core.audiences import select
from cv_ext.core.ids import skill_anchor
from cv_ext.core.records import OBJECT_TYPES, Achievement, Entry, Project, Talk
from cv_ext.nodes import render
from cv_ext.nodes.bodies import own_bodies, rehome
from cv_ext.nodes.elements import cv_item, cv_timeline
from cv_ext.reading.config import audiences

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx

    from cv_ext.core.audiences import Section, Selected
    from cv_ext.nodes.elements import cv_audience
    from cv_ext.writing.context import PageContext


def own_words(
    app: Sphinx, docname: str, records: Sequence[Entry | Achievement | Talk]
) -> dict[tuple[str, str], list[nodes.Node]]:
    """The body of each record as its author wrote it, resolved as if written on *docname*."""
    env = app.env
    wanted = {(OBJECT_TYPES[type(r)], r.id): r.docname for r in records}
    holder: nodes.document | None = None
    boxes: dict[tuple[str, str], nodes.container] = {}
    for page in sorted(set(wanted.values())):
        source = env.get_doctree(page)
        if holder is None:
            holder = new_document(source["source"], source.settings)
        for key, body in own_bodies(source):
            if wanted.get(key) != page or key in boxes:
                continue
            box = nodes.container()
            box += rehome(body, page, docname)
            boxes[key] = box
            holder += box
    if holder is None:
        return {}
    env.apply_post_transforms(holder, docname)
    return {key: list(box.children) for key, box in boxes.items()}


def site_root(app: Sphinx, docname: str) -> str:
    """The site root relative to *docname*: the exports sit beside the root page."""
    root = app.builder.get_relative_uri(docname, app.config.root_doc)
    return root.rsplit("/", 1)[0] + "/" if "/" in root else ""


def audience_nodes(
    app: Sphinx, page: PageContext, docname: str, node: cv_audience
) -> list[nodes.Node]:
    """The CV for one audience, with links to the full CV and to its own export."""
    audience = audiences(app.config).get(node["audience"])
    if audience is None:  # the directive already warned
        return []
    selection = select(page.views.declared, audience, page.today)
    bodies = own_words(
        app,
        docname,
        [
            r
            for s in selection.sections
            for r in s.full
            if isinstance(r, Entry | Achievement | Talk)
        ],
    )
    container = nodes.container(classes=["cv-audience", *node["classes"]])
    intro = nodes.paragraph(classes=["cv-audience-intro"])
    since = _(" since %(date)s") % {"date": date_text(audience.since)} if audience.since else ""
    intro += nodes.Text(
        _(
            "This CV is selected for %(audience)s. It shows in full the jobs, projects, "
            "achievements and talks that are mostly about this%(since)s, and every other "
            "job in one line, each section newest first. "
        )
        % {"audience": audience.title, "since": since}
    )
    intro += page.ref(app.config.root_doc, "", _("The full CV"))
    if app.builder.name in SITE_BUILDERS and app.config.cv_json_resume:
        name = audience.export_name()
        intro += [
            nodes.Text(render.SEPARATOR),
            nodes.reference(name, f"JSON Resume ({name})", refuri=site_root(app, docname) + name),
        ]
    container += intro
    for section in selection.sections:
        container += _section(page, section, audience.tags, bodies)
    return [container]


def _section(
    page: PageContext,
    section: Section,
    tags: Sequence[str],
    bodies: dict[tuple[str, str], list[nodes.Node]],
) -> list[nodes.Node]:
    """A section of a tailored CV, newest first: what the audience selects in full, every
    other job as its line alone, so the dates run one way and the history has no gaps."""
    if not section.shown:
        return []
    timeline = cv_timeline(classes=["cv-timeline", "cv-selected"])
    for record in section.shown:
        if section.is_condensed(record):
            item = cv_item(classes=["cv-item", "cv-brief"])
            item += page.line(record)
        else:
            item = cv_item(classes=["cv-item"])
            item += page.line(record)
            item += _details(page, record, tags, bodies)
        timeline += item
    label = _(section.label)
    return [nodes.rubric(label, label), timeline]


def _details(
    page: PageContext,
    record: Selected,
    tags: Sequence[str],
    bodies: dict[tuple[str, str], list[nodes.Node]],
) -> list[nodes.Node]:
    """What a selected record shows besides its line: its own words, never rewritten."""
    texts: list[str] = []
    if isinstance(record, Talk) and record.event:
        texts.append(record.event)
    if isinstance(record, Achievement):
        texts += [metric.summary() for metric in record.metrics]
    if isinstance(record, Entry) and record.description:
        texts.append(record.description)
    if isinstance(record, Project) and record.summary:
        texts.append(record.summary)
    result: list[nodes.Node] = [
        nodes.paragraph(text, text, classes=["cv-summary"]) for text in texts
    ]
    result += bodies.get((OBJECT_TYPES[type(record)], record.id), [])
    return result + _tags(page, record.tags, tags)


def _tags(page: PageContext, shown: Sequence[str], matched: Sequence[str]) -> list[nodes.Node]:
    """Tags linking to the skills index, the audience's own ones marked."""
    if not shown:
        return []
    para = nodes.paragraph(classes=["cv-tags"])
    label = _("Tags: ")
    para += nodes.inline(label, label, classes=["cv-label"])
    skills_page = page.domain.skill_page
    for index, tag in enumerate(shown):
        if index:
            para += nodes.Text(", ")
        classes = ["cv-tag", *(["cv-tag-match"] if tag.lower() in matched else [])]
        text = nodes.inline(tag, tag, classes=classes)
        if skills_page is not None and tag.lower() in page.views.skills:
            para += make_refnode(
                page.builder, page.docname, skills_page, skill_anchor(tag.lower()), text, tag
            )
        else:
            para += text
    return [para]
