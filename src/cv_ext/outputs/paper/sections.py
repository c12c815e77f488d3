"""The sections of the paper CV: the person's header, entries, and one line per other object."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from cv_ext.common.i18n import date_text
from cv_ext.core.errors import ParseError
from cv_ext.core.records import Entry, display_title
from cv_ext.core.values import parse_profiles
from cv_ext.nodes import render
from cv_ext.nodes.elements import cv_paper_entry, cv_paper_head, cv_paper_name
from cv_ext.outputs.paper.context import spans_text, when

if TYPE_CHECKING:
    from collections.abc import Iterable

    from cv_ext.core.records import Item
    from cv_ext.outputs.paper.context import PaperContext


def header(person: Item) -> list[nodes.Node]:
    """Name, label and one line of contact links."""
    result: list[nodes.Node] = [
        cv_paper_name(person.title, person.title, classes=["cv-paper-name"])
    ]
    if label := person.get("label"):
        result.append(nodes.paragraph(label, label, classes=["cv-paper-label"]))
    contacts: list[nodes.Node] = []
    if url := person.get("url"):
        contacts.append(render.link(render.url_label(url), url))
    if email := person.get("email"):
        contacts.append(render.link(email, f"mailto:{email}"))
    if phone := person.get("phone"):
        contacts.append(nodes.inline(phone, phone))
    try:
        profiles = parse_profiles(person.get("profiles"))
    except ParseError:  # reported where the person is declared
        profiles = []
    for network, username, url in profiles:
        text = render.url_label(url) if url else ": ".join(p for p in (network, username) if p)
        contacts.append(render.link(text, url))
    if place := ", ".join(p for p in (person.get("city"), person.get("country-code")) if p):
        contacts.append(nodes.inline(place, place))
    if contacts:
        line = nodes.paragraph(classes=["cv-paper-contact"])
        for index, contact in enumerate(contacts):
            if index:
                line += nodes.Text(render.SEPARATOR)
            line += contact
        result.append(line)
    return result


def entries(paper: PaperContext, kind: str) -> list[nodes.Node]:
    """Every dated timeline entry of *kind*, newest first: header line, then its text.

    Tailored, the audience's entries come first and every other job follows as its
    header line alone: no job leaves the history.
    """
    if paper.selection is None:
        return [entry(paper, e) for e in paper.views.entries if e.kind == kind]
    section = paper.selection.section(kind)
    if section is None:
        return []
    full: list[nodes.Node] = [entry(paper, e) for e in section.full if isinstance(e, Entry)]
    return full + [entry(paper, e, condensed=True) for e in section.condensed]


def entry(paper: PaperContext, record: Entry, *, condensed: bool = False) -> cv_paper_entry:
    """One entry: role, organisation and place in bold, dates at the right, its text."""
    node = paper.target(cv_paper_entry(classes=["cv-paper-entry"]), "entry", record.id)
    head = cv_paper_head(classes=["cv-paper-head"])
    what = nodes.strong()
    # "role, organisation" reads as employment: a contribution names only its role
    if record.title and record.org and not record.contribution:
        what += nodes.Text(f"{record.title}, ")
        what += render.link(record.org, record.url)
    else:
        what += render.link(record.title or record.org, record.url)
    head += what
    if record.location:
        head += nodes.Text(f", {record.location}")
    if record.period is not None:
        head += when(record.period)
    node += head
    if not condensed:
        node += paper.body("entry", record)
    return node


def achievements(paper: PaperContext) -> list[nodes.Node]:
    """Measured results, and results no listed project stands for: one item each."""
    projects = {project.id for project in paper.shown("project", paper.views.projects)}
    items = []
    for achievement in paper.shown("achievement", paper.views.achievements):
        if not achievement.metrics and achievement.project in projects:
            continue  # its project is listed, with the same story
        para = nodes.paragraph()
        para += nodes.strong(achievement.title, achievement.title)
        if achievement.date is not None:
            para += nodes.Text(f" ({date_text(achievement.date)})")
        metrics = "; ".join(metric.summary() for metric in achievement.metrics)
        if metrics:
            para += nodes.Text(f": {metrics}")
        items.append(paper.item(para, "achievement", achievement))
    return [nodes.bullet_list("", *items, classes=["cv-paper-list"])] if items else []


def projects(paper: PaperContext) -> list[nodes.Node]:
    """Every project on one line: title (linked to its source), dates, summary."""
    items = []
    for project in paper.shown("project", paper.views.projects):
        title = display_title(project)
        para = nodes.paragraph()
        para += nodes.strong("", "", render.link(title, project.url))
        if project.period is not None:
            para += nodes.Text(f" ({spans_text(project.period)})")
        if project.summary:
            para += nodes.Text(f": {project.summary}")
        items.append(paper.item(para, "project", project))
    return [nodes.bullet_list("", *items, classes=["cv-paper-list"])] if items else []


def talks(paper: PaperContext) -> list[nodes.Node]:
    """Every talk on one line: date, title (linked to its recording or page), event."""
    items = []
    for talk in paper.shown("talk", paper.views.talks):
        para = nodes.paragraph()
        if talk.date is not None:
            para += nodes.Text(f"{date_text(talk.date)}: ")
        para += render.link(talk.title, talk.video or talk.event_url or talk.slides)
        if talk.event:
            para += nodes.Text(f", {talk.event}")
        items.append(paper.item(para, "talk", talk))
    return [nodes.bullet_list("", *items, classes=["cv-paper-list"])] if items else []


def languages(paper: PaperContext) -> list[nodes.Node]:
    """Every language with its fluency, on one line."""
    parts = [
        f"{item.title} ({item.get('fluency')})" if item.get("fluency") else item.title
        for item in paper.views.declared.of_kind("language")
    ]
    text = render.SEPARATOR.join(parts)
    return [nodes.paragraph(text, text)] if parts else []


def skills(paper: PaperContext, tags: Iterable[str]) -> list[nodes.Node]:
    """The strongest skills, on one line."""
    text = render.SEPARATOR.join(paper.views.skill_names[tag] for tag in tags)
    return [nodes.paragraph(text, text)] if text else []
