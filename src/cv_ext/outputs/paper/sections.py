"""The sections of the paper CV: the person's header, entries, and one line per other object."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from cv_ext.common.i18n import date_text
from cv_ext.core.errors import ParseError
from cv_ext.core.records import Entry, display_title
from cv_ext.core.values import parse_profiles
from cv_ext.nodes import render
from cv_ext.nodes.elements import (
    cv_paper_at,
    cv_paper_entry,
    cv_paper_head,
    cv_paper_header,
    cv_paper_name,
    cv_paper_photo,
    cv_paper_sep,
)
from cv_ext.outputs.paper.context import spans_text, when

if TYPE_CHECKING:
    from collections.abc import Iterable

    from cv_ext.core.records import Item
    from cv_ext.outputs.paper.context import PaperContext


def header(person: Item, photo: str = "") -> list[nodes.Node]:
    """Name, label and one line of contact links; beside them the *photo* file, if any."""
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
                # a wide gap on paper: each contact is a text run of its own
                line += cv_paper_sep(render.SEPARATOR, render.SEPARATOR)
            line += contact
        result.append(line)
    if photo:
        image = cv_paper_photo(uri=photo, alt=person.title, candidates={"*": photo})
        return [cv_paper_header("", *result, image)]
    return result


def entries(paper: PaperContext, kind: str) -> list[nodes.Node]:
    """Every dated timeline entry of *kind*, newest first: header line, then its text.

    Tailored, the audience's entries have their text and every other job is its header
    line alone, in its place by date: no job leaves the history, no date runs backwards.
    """
    if paper.selection is None:
        return [entry(paper, e) for e in paper.views.entries if e.kind == kind]
    section = paper.selection.section(kind)
    if section is None:
        return []
    return [
        entry(paper, e, condensed=section.is_condensed(e))
        for e in section.shown
        if isinstance(e, Entry)
    ]


def entry(paper: PaperContext, record: Entry, *, condensed: bool = False) -> cv_paper_entry:
    """One entry: the role in bold, organisation and place after a rule, dates at the right.

    Role, organisation, place and dates are runs of text of their own (apart by more than
    a word space), so that software reading the PDF (an applicant-tracking system) tells
    the title from the employer and the dates; then the entry's own text. Condensed, the
    organisation and place go on a second line: a list of one-line entries would give a
    parser no gap and no change of weight to tell one from the next.
    """
    node = paper.target(cv_paper_entry(classes=["cv-paper-entry"]), "entry", record.id)
    head = cv_paper_head(classes=["cv-paper-head"])
    # "role at organisation" reads as employment: a contribution names only its role
    org = record.org if record.title and not record.contribution else ""
    title = record.title or record.org
    head += nodes.strong("", "", render.link(title, "" if org else record.url))
    full = not condensed and record.id not in paper.condensed
    parts = [render.link(org, record.url)] if org else []
    parts += [nodes.inline(record.location, record.location)] if record.location else []
    if full:
        head += [cv_paper_at("", "", part) for part in parts]
    if record.period is not None:
        head += when(record.period)
    node += head
    if full:
        node += paper.body("entry", record)
    elif parts:
        line = nodes.paragraph(classes=["cv-paper-org"])
        line += parts[0]
        line += [cv_paper_sep(render.SEPARATOR, render.SEPARATOR), *parts[1:]] if parts[1:] else []
        node += line
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


def publications(paper: PaperContext) -> list[nodes.Node]:
    """Every publication as cited: authors, title (linked), venue, year, DOI.

    Tailored, the publications carrying one of the audience's tags.
    """
    items = []
    for publication in paper.views.publications:
        audience = paper.selection.audience if paper.selection else None
        if audience and not any(tag.lower() in audience.tags for tag in publication.tags):
            continue
        para = nodes.paragraph()
        if publication.authors:
            para += nodes.Text(f"{', '.join(publication.authors)}: ")
        para += nodes.strong("", "", render.link(publication.title, publication.link))
        parts = [publication.venue, date_text(publication.date) if publication.date else ""]
        if where := ", ".join(part for part in parts if part):
            para += nodes.Text(f". {where}")
        if publication.doi:
            para += nodes.Text(f". DOI {publication.doi}")
        items.append(paper.item(para, "publication", publication))
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
    """The strongest skills, on one line (tailored: those of the audience's selection)."""
    text = render.SEPARATOR.join(paper.views.skill_names.get(tag, tag) for tag in tags)
    return [nodes.paragraph(text, text)] if text else []
