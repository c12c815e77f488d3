"""Cross-document data: backlinks gathered while reading, placeholders filled while writing.

Pages that show data of other pages are noted in the domain; ``env-get-updated``
hands them back for rewriting whenever the records they show changed, so an
overview, an index or a "Referenced from" list never goes stale on an
incremental build.
"""

from __future__ import annotations

import dataclasses
from itertools import groupby
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util import docname_join, logging
from sphinx.util.docutils import new_document
from sphinx.util.nodes import make_refnode

from cv_ext import render, rewrites
from cv_ext._logging import log_warning
from cv_ext.audiences import Section, Selected, select
from cv_ext.config import audiences, today
from cv_ext.domain import ALIASES, LINKABLE, CVDomain, display_title, get_domain, skill_anchor
from cv_ext.export import SITE_BUILDERS
from cv_ext.model import format_months
from cv_ext.nodes import (
    cv_audience,
    cv_backlinks,
    cv_body,
    cv_export_link,
    cv_heading,
    cv_index,
    cv_item,
    cv_overview,
    cv_project,
    cv_timeline,
)
from cv_ext.records import OBJECT_TYPES, Achievement, Backlink, Entry, Project, Talk

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from cv_ext.model import Date
    from cv_ext.views import Record, Views

logger = logging.getLogger(__name__)

#: how each group of referencing places is headed, in display order
GROUPS = {
    "entry": "Timeline",
    "project": "Projects",
    "achievement": "Achievements",
    "talk": "Talks",
    "": "Pages",
}


def setup_collect(app: Sphinx) -> None:
    """Connect the events that gather and show cross-document data."""
    app.connect("doctree-read", read_doctree)
    app.connect("env-get-updated", _updated_pages)
    app.connect("warn-missing-reference", _warn_missing_reference)
    app.connect("doctree-resolved", fill_placeholders)
    app.connect("html-collect-pages", _drop_stale_search_terms)


#: Sphinx's own themes whose default sidebars hold no global table of contents
LOCAL_NAVIGATION_THEMES = frozenset(
    {
        "agogo",
        "basic",
        "bizstyle",
        "classic",
        "default",
        "epub",
        "haiku",
        "nature",
        "nonav",
        "pyramid",
        "scrolls",
        "sphinxdoc",
        "traditional",
    }
)


def _updated_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = get_domain(env)
    pages = set(domain.updated_pages())
    changed = domain.navigation_changes(rewrites.navigation_state(env))
    if app.builder.format == "html":
        # a title, a page or a toctree changed: the sidebars, breadcrumbs and previous/next
        # links of pages Sphinx did not re-read may show it too
        pages |= rewrites.navigation_pages(
            changed,
            env.collect_relations(),
            env.found_docs,
            global_navigation=_global_navigation(app),
        )
    return sorted(pages)


def _global_navigation(app: Sphinx) -> bool:
    """Whether every page shows the whole table of contents (furo, alabaster, rtd, ...).

    Third-party themes draw it in their layout; Sphinx's own themes only in a sidebar
    that names it.
    """
    sidebars: list[str] = []
    for value in (app.config.html_sidebars or {}).values():
        sidebars += [value] if isinstance(value, str) else list(value)
    if {"globaltoc.html", "navigation.html"} & set(sidebars):
        return True
    return app.config.html_theme not in LOCAL_NAVIGATION_THEMES


def _drop_stale_search_terms(app: Sphinx) -> list[tuple[str, dict[str, object], str]]:
    """Forget search terms no page has any more, as a clean build never knew them.

    Sphinx keeps a word of a re-read or removed page in its search index with no page
    left (``"decentr": []``), so the index of an incremental build differs from a
    clean one. This runs before the index is written.
    """
    indexer = getattr(app.builder, "indexer", None)
    for name in ("_mapping", "_title_mapping"):
        mapping = getattr(indexer, name, None)
        if isinstance(mapping, dict):
            for word, pages in list(mapping.items()):
                pages.intersection_update(app.env.all_docs)  # what Sphinx prunes later
                if not pages:
                    del mapping[word]
    return []


# --- reading -------------------------------------------------------------------------------------


def read_doctree(app: Sphinx, doctree: nodes.document) -> None:
    """Name untitled projects after their page, and record every cross-reference made."""
    domain = get_domain(app.env)
    docname = app.env.docname
    for header in doctree.findall(cv_project):
        _title_project_from_page(domain, docname, header)
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
        if place is None or (place[0], place[1]) == (target_type, xref["reftarget"]):
            continue  # outside any section, or an object naming itself
        source_type, source, anchor, label = place
        backlinks.append(
            Backlink(
                target_type, xref["reftarget"], docname, anchor, source_type, source, label, order
            )
        )
    domain.note_backlinks(docname, backlinks)


def _title_project_from_page(domain: CVDomain, docname: str, header: cv_project) -> None:
    section = header.parent if isinstance(header.parent, nodes.section) else None
    page_title = section[0].astext() if section is not None and len(section) else ""
    record = domain.projects.get(header["cv_id"])
    if record is None or record.docname != docname:
        return
    if not record.title and not page_title:
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


def _warn_missing_reference(app: Sphinx, domain: object, node: addnodes.pending_xref) -> bool:
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
        message += f" ({target!r} is {_a(CVDomain.object_types[others[0]].lname)}, not {_a(typ)})"
    log_warning(logger, message, "ref", location=node)
    return True


def _export_link(app: Sphinx, docname: str, node: cv_export_link) -> None:
    """Link the JSON Resume export where the build writes one; elsewhere drop the link."""
    filename = app.config.cv_json_resume
    if app.builder.name not in SITE_BUILDERS or not filename:
        previous = node.previous_sibling()
        if isinstance(previous, nodes.Text) and previous.astext() == render.SEPARATOR:
            node.parent.remove(previous)
        node.parent.remove(node)
        return
    prefix = _site_root(app, docname)
    links: list[nodes.Node] = [
        nodes.reference("JSON Resume", "JSON Resume", refuri=prefix + filename)
    ]
    if pdf := app.config.cv_pdf_url:
        if "://" not in pdf and not pdf.startswith("/"):
            pdf = prefix + pdf  # a file at the site's root, like the JSON Resume
        links += [nodes.Text(render.SEPARATOR), nodes.reference("", "Download PDF", refuri=pdf)]
    node.replace_self(links)


def _site_root(app: Sphinx, docname: str) -> str:
    """The site root relative to *docname*: the exports sit beside the root page."""
    root = app.builder.get_relative_uri(docname, app.config.root_doc)
    return root.rsplit("/", 1)[0] + "/" if "/" in root else ""


def _kind_label(record: Record) -> str:
    """What a record is, in a word: "Work", "Project", "Talk", ..."""
    if isinstance(record, Entry):
        return render.kind_label(record.kind)
    return type(record).__name__


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


# --- writing -------------------------------------------------------------------------------------


def fill_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace every overview, index and backlinks placeholder of *doctree*."""
    placeholders = [
        node
        for node in doctree.findall(nodes.Element)
        if isinstance(node, cv_overview | cv_backlinks | cv_index | cv_export_link | cv_audience)
    ]
    if not placeholders:
        return
    domain = get_domain(app.env)
    views = domain.views()
    filler = _Filler(app.builder, docname, domain, views, today(app.config))
    for node in placeholders:
        if isinstance(node, cv_overview):
            node.replace_self(filler.overview(node))
        elif isinstance(node, cv_backlinks):
            node.replace_self(filler.backlinks(node["target_type"], node["target"]))
        elif isinstance(node, cv_export_link):
            _export_link(app, docname, node)
        elif isinstance(node, cv_audience):
            node.replace_self(_audience(app, filler, docname, node))
        else:
            node.replace_self(filler.index(node))


def own_words(
    app: Sphinx, docname: str, records: Sequence[Entry | Achievement | Talk]
) -> dict[tuple[str, str], list[nodes.Node]]:
    """The body of each record as its author wrote it, resolved as if written on *docname*.

    Copied from the doctree of the record's page, so a tailored CV shows the same
    sentences, lists, code and links, never a retelling.
    """
    env = app.env
    wanted = {(OBJECT_TYPES[type(r)], r.id): r.docname for r in records}
    holder: nodes.document | None = None
    boxes: dict[tuple[str, str], nodes.container] = {}
    for page in sorted(set(wanted.values())):
        source = env.get_doctree(page)
        if holder is None:
            holder = new_document(source["source"], source.settings)
        for body in source.findall(cv_body):
            owner = body.parent
            key = (owner.get("cv_type", ""), owner.get("cv_id", ""))
            if wanted.get(key) != page or key in boxes:
                continue
            box = nodes.container()
            box += [child.deepcopy() for child in body.children]
            for index in list(box.findall(addnodes.index)):
                index.parent.remove(index)  # the index already lists the record's own page
            for element in box.findall(nodes.Element):
                element["ids"] = []  # ids belong to the record's page
            for xref in box.findall(addnodes.pending_xref):
                # resolve from this page: a relative {doc} target first becomes absolute
                if xref.get("reftype") == "doc" and not xref["reftarget"].startswith("/"):
                    xref["reftarget"] = "/" + docname_join(page, xref["reftarget"])
                xref["refdoc"] = docname
            boxes[key] = box
            holder += box
    if holder is None:
        return {}
    env.apply_post_transforms(holder, docname)
    return {key: list(box.children) for key, box in boxes.items()}


def _audience(app: Sphinx, filler: _Filler, docname: str, node: cv_audience) -> list[nodes.Node]:
    """The CV for one audience, with links to the full CV and to its own export."""
    audience = audiences(app.config).get(node["audience"])
    if audience is None:  # the directive already warned
        return []
    selection = select(filler.views.declared, audience, filler.today)
    filler.bodies = own_words(
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
    since = f" since {audience.since.display()}" if audience.since else ""
    intro += nodes.Text(
        f"This CV is selected for {audience.title}. It shows in full what is tagged "
        f"{', '.join(audience.tags)}{since}, newest first, and every other timeline entry "
        "in one line. "
    )
    intro += filler.ref(app.config.root_doc, "", "The full CV")
    if app.builder.name in SITE_BUILDERS and app.config.cv_json_resume:
        name = audience.export_name()
        intro += [
            nodes.Text(render.SEPARATOR),
            nodes.reference(name, f"JSON Resume ({name})", refuri=_site_root(app, docname) + name),
        ]
    container += intro
    for section in selection.sections:
        container += filler.audience_section(section, audience.tags)
    return [container]


@dataclasses.dataclass
class _Filler:
    builder: Builder
    docname: str
    domain: CVDomain
    views: Views
    today: Date
    #: (type, id) -> the author's own body of the record, for a tailored CV
    bodies: dict[tuple[str, str], list[nodes.Node]] = dataclasses.field(default_factory=dict)

    def ref(self, docname: str, anchor: str, text: str) -> nodes.Node:
        return make_refnode(
            self.builder, self.docname, docname, anchor, nodes.inline(text, text), text
        )

    def record_ref(self, record: Record, text: str | None = None) -> nodes.Node:
        return self.ref(record.docname, record.anchor, text or display_title(record))

    def when(self, record: Record) -> list[nodes.Node]:
        if isinstance(record, Entry | Project):
            return render.period_nodes(record.period, self.today) if record.period else []
        return [render.date_node(record.date)] if record.date else []

    def line(self, record: Record, *extra: Sequence[nodes.Node]) -> nodes.paragraph:
        """``when · linked title · extra``."""
        para = nodes.paragraph()
        for index, part in enumerate(
            p for p in (self.when(record), [self.record_ref(record)], *extra) if p
        ):
            if index:
                para += nodes.Text(render.SEPARATOR)
            para += part
        return para

    # the career overview

    def overview(self, overview: cv_overview) -> list[nodes.Node]:
        shown = [entry for entry in self.views.entries if entry.kind in overview["kinds"]]
        if overview["group"] == "none":
            groups = [("", shown)]
        else:
            groups = [
                (render.kind_label(kind), [entry for entry in shown if entry.kind == kind])
                for kind in overview["kinds"]
            ]
        result: list[nodes.Node] = []
        for label, group in groups:
            if not group:
                continue
            container = nodes.container(classes=["cv-overview", *overview["classes"]])
            if label:
                container += nodes.rubric(label, label, classes=["cv-overview-kind"])
            timeline = cv_timeline(classes=["cv-timeline"])
            timeline += [self.overview_item(entry, show_kind=not label) for entry in group]
            container += timeline
            result.append(container)
        return result

    def overview_item(self, entry: Entry, *, show_kind: bool) -> cv_item:
        item = cv_item(classes=["cv-item", f"cv-kind-{entry.kind}"])
        if entry.period:
            when = nodes.paragraph(classes=["cv-when"])
            when += render.period_nodes(entry.period, self.today)
            item += when
        what = nodes.paragraph(classes=["cv-what"])
        what += self.record_ref(entry, entry.title or entry.org)
        if entry.org and entry.title:
            what += [
                nodes.Text(render.SEPARATOR),
                nodes.inline(entry.org, entry.org, classes=["cv-org"]),
            ]
        if show_kind:
            label = render.kind_label(entry.kind)
            what += [nodes.Text(" "), nodes.inline(label, label, classes=["cv-badge"])]
        item += what
        return item

    # a tailored CV

    def audience_section(self, section: Section, tags: Sequence[str]) -> list[nodes.Node]:
        """A section of a tailored CV: what the audience selects, then the other jobs."""
        result: list[nodes.Node] = []
        if section.full:
            timeline = cv_timeline(classes=["cv-timeline", "cv-selected"])
            for record in section.full:
                item = cv_item(classes=["cv-item"])
                item += self.line(record)
                item += self.details(record, tags)
                timeline += item
            result += [nodes.rubric(section.label, section.label), timeline]
        if section.condensed:
            # the rest of the work history, one line each: a tailored CV leaves no gaps
            label = f"Other {section.label.lower()}, one line each"
            timeline = cv_timeline(classes=["cv-timeline", "cv-condensed"])
            for entry in section.condensed:
                item = cv_item(classes=["cv-item"])
                item += self.line(entry)
                timeline += item
            result += [nodes.rubric(label, label), timeline]
        return result

    def details(self, record: Selected, tags: Sequence[str]) -> list[nodes.Node]:
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
        result += self.bodies.get((OBJECT_TYPES[type(record)], record.id), [])
        return result + self.tags(record.tags, tags)

    def tags(self, shown: Sequence[str], matched: Sequence[str]) -> list[nodes.Node]:
        """Tags linking to the skills index, the audience's own ones marked."""
        if not shown:
            return []
        para = nodes.paragraph(classes=["cv-tags"])
        para += nodes.inline("Tags: ", "Tags: ", classes=["cv-label"])
        page = self.domain.skill_page
        for index, tag in enumerate(shown):
            if index:
                para += nodes.Text(", ")
            classes = ["cv-tag", *(["cv-tag-match"] if tag.lower() in matched else [])]
            text = nodes.inline(tag, tag, classes=classes)
            if page is not None and tag.lower() in self.views.skills:
                para += make_refnode(
                    self.builder, self.docname, page, skill_anchor(tag.lower()), text, tag
                )
            else:
                para += text
        return [para]

    # "Referenced from"

    def backlinks(self, target_type: str, target: str) -> list[nodes.Node]:
        links = self.views.backlinks.get((target_type, target), [])
        if not links:
            return []
        container = nodes.container(classes=["cv-backlinks"])
        container += nodes.rubric(
            "Referenced from", "Referenced from", classes=["cv-backlinks-title"]
        )
        by_group = sorted(links, key=lambda link: list(GROUPS).index(link.source_type))
        for source_type, group in groupby(by_group, key=lambda link: link.source_type):
            items = nodes.bullet_list(classes=["cv-backlinks-list"])
            for link in group:
                record = self.domain.lookup(source_type, link.source) if source_type else None
                para = self.line(record) if record else self._page_line(link)
                items += nodes.list_item("", para)
            label = GROUPS[source_type]
            container += nodes.paragraph(label, label, classes=["cv-backlinks-group"])
            container += items
        return [container]

    def _page_line(self, link: Backlink) -> nodes.paragraph:
        para = nodes.paragraph()
        para += self.ref(link.docname, link.anchor, link.label)
        return para

    # indices

    def index(self, node: cv_index) -> list[nodes.Node]:
        container = nodes.container(classes=["cv-index", *node["classes"]])
        if node["index"] == "projects":
            container += self.project_index()
        elif node["index"] == "talks":
            container += self.talk_index()
        else:
            container += self.skill_index()
        return [container]

    def project_index(self) -> list[nodes.Node]:
        timeline = cv_timeline(classes=["cv-timeline"])
        for project in self.views.projects:
            item = cv_item(classes=["cv-item"])
            item += self.line(project)
            if project.summary:
                item += nodes.paragraph(project.summary, project.summary, classes=["cv-summary"])
            timeline += item
        return [timeline] if len(timeline) else []

    def talk_index(self) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        years = groupby(self.views.talks, key=lambda talk: talk.date.year if talk.date else 0)
        for year, talks in years:
            label = str(year) if year else "Undated"
            result.append(nodes.rubric(label, label, classes=["cv-index-year"]))
            timeline = cv_timeline(classes=["cv-timeline"])
            for talk in talks:
                event = [nodes.inline(talk.event, talk.event)] if talk.event else []
                item = cv_item(classes=["cv-item"])
                item += self.line(talk, event)
                timeline += item
            result.append(timeline)
        return result

    def skill_index(self) -> list[nodes.Node]:
        result: list[nodes.Node] = []
        for tag, records in self.views.skills.items():
            block = nodes.container(ids=[skill_anchor(tag)], classes=["cv-skill"])
            head = nodes.paragraph(classes=["cv-skill-name"])
            name = self.views.skill_names[tag]
            head += nodes.strong(name, name)
            if years := format_months(self.views.skill_months.get(tag, 0)):
                head += [
                    nodes.Text(render.SEPARATOR),
                    nodes.inline(years, years, classes=["cv-duration"]),
                ]
            block += head
            items = nodes.bullet_list(classes=["cv-skill-list"])
            for record in records:
                kind = _kind_label(record)
                badge = [nodes.inline(kind, kind, classes=["cv-badge"])]
                items += nodes.list_item("", self.line(record, badge))
            block += items
            result.append(block)
        return result
