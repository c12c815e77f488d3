"""Cross-document data: backlinks gathered while reading, placeholders filled while writing.

Pages that show data of other pages are noted in the domain; ``env-get-updated``
hands them back for rewriting whenever the records they show changed, so an
overview, an index or a "Referenced from" list never goes stale on an
incremental build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from html import escape
from itertools import groupby
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.i18n import format_date
from sphinx.util.nodes import make_refnode

from cv_ext import render, rewrites
from cv_ext._logging import log_warning
from cv_ext.config import today
from cv_ext.directives import plain_text
from cv_ext.domain import ALIASES, LINKABLE, CVDomain, display_title, get_domain, skill_anchor
from cv_ext.export import SITE_BUILDERS
from cv_ext.i18n import N_, _, items_text, months_text, ngettext
from cv_ext.nodes import (
    cv_audience,
    cv_backlinks,
    cv_body,
    cv_details,
    cv_entry,
    cv_export_link,
    cv_heading,
    cv_index,
    cv_item,
    cv_overview,
    cv_project,
    cv_summary,
    cv_talk,
    cv_timeline,
)
from cv_ext.records import Achievement, Backlink, Entry, Item, Project
from cv_ext.views import newest_first

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from cv_ext.model import Date
    from cv_ext.views import Record, Views

logger = logging.getLogger(__name__)

#: each kind of referencing place, with its heading, in display order
GROUPS = {
    "project": N_("Projects"),
    "achievement": N_("Achievements"),
    "talk": N_("Talks"),
    "entry": N_("Roles"),
    "": N_("Pages"),
}
#: what a record that is not a timeline entry is, in a word (skill index badges)
RECORD_LABELS = {"Achievement": N_("Achievement"), "Project": N_("Project"), "Talk": N_("Talk")}


def count_text(source_type: str, count: int) -> str:
    """``3 projects``: how many places of one kind, with the language's plural form."""
    forms = {
        "project": ngettext("%(n)d project", "%(n)d projects", count),
        "achievement": ngettext("%(n)d achievement", "%(n)d achievements", count),
        "talk": ngettext("%(n)d talk", "%(n)d talks", count),
        "entry": ngettext("%(n)d role", "%(n)d roles", count),
        "": ngettext("%(n)d page", "%(n)d pages", count),
    }
    return forms[source_type] % {"n": count}


def setup_collect(app: Sphinx) -> None:
    """Connect the events that gather and show cross-document data."""
    app.connect("doctree-read", read_doctree)
    app.connect("env-get-updated", _updated_pages)
    app.connect("warn-missing-reference", _warn_missing_reference)
    app.connect("doctree-resolved", fill_placeholders)
    app.connect("doctree-resolved", group_roles)
    app.connect("doctree-resolved", trim_talk_roles)
    # after sphinxext-opengraph (500), whose description of a page comes first
    app.connect("html-page-context", _head_links, priority=600)
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
        message += (
            f" ({target!r} is {_a(others[0].replace('entry', 'timeline entry'))}, not {_a(typ)})"
        )
    log_warning(logger, message, "ref", location=node)
    return True


def _export_link(app: Sphinx, docname: str, node: cv_export_link) -> None:
    """ "Download PDF" where a PDF is published (``cv_pdf_url``); elsewhere drop the link.

    The JSON Resume export means nothing to a reader: it is announced to machines in
    each page's head instead (:func:`_head_links`).
    """
    pdf = app.config.cv_pdf_url
    if app.builder.name not in SITE_BUILDERS or not pdf:
        parent = node.parent
        # by identity: docutils compares Text by value, and every separator is equal
        index = next(i for i, child in enumerate(parent.children) if child is node)
        previous = parent[index - 1] if index else None
        if isinstance(previous, nodes.Text) and previous.astext() == render.SEPARATOR:
            del parent[index - 1 : index + 1]
        else:
            del parent[index]
        if isinstance(parent, nodes.paragraph) and not parent.astext().strip():
            parent.parent.remove(parent)
        return
    # a file at the site's root (relative, like the JSON Resume) is linked from each page
    if "://" not in pdf and not pdf.startswith("/"):
        root = app.builder.get_relative_uri(docname, app.config.root_doc)
        pdf = (root.rsplit("/", 1)[0] + "/" if "/" in root else "") + pdf
    node.replace_self(nodes.reference("", _("Download PDF"), refuri=pdf, classes=["cv-pdf"]))


def _head_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """The JSON Resume export as an alternate of every page; "Last updated" from cv_today."""
    if context.get("last_updated"):
        # the CV shows its state as of cv_today: the footer says the same day
        day = today(app.config)
        when = dt.datetime(day.year, day.month or 1, day.day or 1, tzinfo=dt.UTC)
        context["last_updated"] = format_date(
            app.config.html_last_updated_fmt or "%b %d, %Y",
            date=when,
            language=app.config.language,
        )
    metatags = context.get("metatags", "")
    described = 'name="description"' in metatags or app.builder.format != "html"
    if not described and (description := page_description(app.env, pagename)):
        context["metatags"] = (
            metatags + f'\n<meta name="description" content="{escape(description)}">'
        )
    filename = app.config.cv_json_resume
    if app.builder.name in SITE_BUILDERS and filename and "pathto" in context:
        href = escape(context["pathto"](filename, 1))
        context["metatags"] = context.get("metatags", "") + (
            f'\n<link rel="alternate" type="application/json" title="JSON Resume" href="{href}">'
        )


def page_description(env: BuildEnvironment, docname: str, limit: int = 160) -> str:
    """What a search engine may quote for a page: a project's summary, the person's, or
    the page's title with the CV objects it shows."""
    declared = get_domain(env).views().by_page.get(docname, [])
    text = next(
        (
            record.summary
            for record in declared
            if (isinstance(record, Project) and not record.anchor)
            or (isinstance(record, Item) and record.kind == "person")
        ),
        "",
    )
    if not text:
        shown = [display_title(r) for r in declared if not isinstance(r, Item) and r.title]
        title = env.titles[docname].astext() if docname in env.titles else ""
        if not shown or not title:
            return ""
        text = f"{title}: {'; '.join(shown)}."
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _kind_label(record: Record) -> str:
    """What a record is, in a word: "Work", "Project", "Talk", ..."""
    if isinstance(record, Entry):
        return render.kind_label(record.kind)
    return _(RECORD_LABELS[type(record).__name__])


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
            from cv_ext.tailoring import audience_nodes  # it builds on this module's _Filler

            node.replace_self(audience_nodes(app, filler, docname, node))
        else:
            node.replace_self(filler.index(node))


def same_org_runs(entries: Sequence[Entry]) -> list[list[Entry]]:
    """*entries* cut into runs of adjacent jobs at one organisation (most runs are one job).

    Only jobs are grouped: a degree and a job at one university, or a contribution
    without employment (``:employer: no``), stay apart.
    """
    runs: list[list[Entry]] = []
    for entry in entries:
        previous = runs[-1][-1] if runs else None
        if (
            previous is not None
            and entry.kind == previous.kind == "work"
            # a contribution (:employer: no) was no role at the organisation
            and not (entry.contribution or previous.contribution)
            and entry.org
            and entry.org.casefold() == previous.org.casefold()
        ):
            runs[-1].append(entry)
        else:
            runs.append([entry])
    return runs


def group_roles(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Put adjacent roles at one organisation under the organisation, on the page itself."""
    domain = get_domain(app.env)
    parents = {id(node.parent): node.parent for node in doctree.findall(cv_entry)}
    for parent in parents.values():
        children = [
            child
            for child in parent.children
            if isinstance(child, cv_entry)
            and (record := domain.entries.get(child["cv_id"])) is not None
            and record.docname == docname
        ]
        records = {child["cv_id"]: domain.entries[child["cv_id"]] for child in children}
        nodes_by_id = {child["cv_id"]: child for child in children}
        # adjacent in the page: consecutive among the parent's children
        position = {id(child): index for index, child in enumerate(parent.children)}
        runs: list[list[cv_entry]] = []
        for child in children:
            if runs and position[id(child)] == position[id(runs[-1][-1])] + 1:
                runs[-1].append(child)
            else:
                runs.append([child])
        for run in runs:
            for group in same_org_runs([records[child["cv_id"]] for child in run]):
                if len(group) > 1 and all(entry.period for entry in group):
                    _wrap_group(parent, [nodes_by_id[entry.id] for entry in group], group)


def trim_talk_roles(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Say in which role a talk was given only where that changes from the talk before."""
    talks = get_domain(app.env).talks
    previous = None
    for node in doctree.findall(cv_talk):
        record = talks.get(node.get("cv_id", ""))
        entry = record.entry if record is not None and record.docname == docname else None
        if entry and entry == previous:
            for child in list(node.children):
                if isinstance(child, nodes.Element) and "cv-role" in child["classes"]:
                    node.remove(child)
        previous = entry


def _wrap_group(parent: nodes.Element, members: list[cv_entry], entries: list[Entry]) -> None:
    oldest, newest = entries[-1].period, entries[0].period
    assert oldest is not None and newest is not None
    group = nodes.container(classes=["cv-org-group", f"cv-kind-{entries[0].kind}"])
    head = nodes.paragraph(classes=["cv-org-group-head"])
    name = nodes.inline(classes=["cv-org-name"])
    name += render.link(entries[0].org, next((e.url for e in entries if e.url), ""))
    head += name
    head += nodes.Text(" ")
    when = nodes.inline(classes=["cv-when"])
    when += render.range_nodes(oldest, newest)
    head += when
    group += head
    parent.replace(members[0], group)
    for member in members[1:]:
        parent.remove(member)
    group += members


@dataclasses.dataclass
class _Filler:
    builder: Builder
    docname: str
    domain: CVDomain
    views: Views
    today: Date

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
            for run in same_org_runs(group):
                if len(run) == 1:
                    timeline += self.overview_item(run[0], show_kind=not label)
                else:
                    timeline += self.overview_group(run, show_kind=not label)
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

    def overview_group(self, run: list[Entry], *, show_kind: bool) -> cv_item:
        """Several roles at one organisation: the organisation, its roles beneath."""
        first = run[0]
        item = cv_item(classes=["cv-item", "cv-org-item", f"cv-kind-{first.kind}"])
        oldest, newest = run[-1].period, first.period
        if oldest is not None and newest is not None:
            when = nodes.paragraph(classes=["cv-when"])
            when += render.range_nodes(oldest, newest)
            item += when
        what = nodes.paragraph(classes=["cv-what"])
        what += nodes.inline(first.org, first.org, classes=["cv-org-name"])
        if show_kind:
            label = render.kind_label(first.kind)
            what += [nodes.Text(" "), nodes.inline(label, label, classes=["cv-badge"])]
        item += what
        roles = cv_timeline(classes=["cv-roles"])
        for entry in run:
            role = cv_item(classes=["cv-role-item"])
            line = nodes.paragraph()
            line += self.record_ref(entry, entry.title or entry.org)
            if entry.org and entry.title:
                org = nodes.inline(classes=["cv-org"])
                org += nodes.Text(f", {entry.org}")
                line += org
            if entry.period:
                line += nodes.Text(render.SEPARATOR)
                dates = nodes.inline(classes=["cv-when"])
                dates += render.period_nodes(entry.period, self.today)
                line += dates
            role += line
            roles += role
        item += roles
        return item

    # "Referenced from", and an entry's measured results

    def backlinks(self, target_type: str, target: str) -> list[nodes.Node]:
        """Measured results (for an entry), then one line of counts that opens to the list."""
        record = self.domain.lookup(target_type, target)
        results = self.results(target) if target_type == "entry" else []
        # what the reader already sees: links in the object's own body, results shown above
        seen = self.views.references.get((target_type, target), set()) | {
            ("achievement", achievement.id) for achievement in results
        }
        links = [
            link
            for link in self.views.backlinks.get((target_type, target), [])
            if (link.source_type, link.source) not in seen
            # a section of the object's own page: the reader is there already
            and not (not link.source_type and record is not None and link.docname == record.docname)
        ]
        shown: list[nodes.Node] = [self.results_block(results)] if results else []
        if not links:
            return shown
        groups: list[tuple[str, list[nodes.paragraph]]] = []
        for source_type in GROUPS:
            places = [link for link in links if link.source_type == source_type]
            if not source_type:
                groups.append((source_type, [self._page_line(link) for link in places]))
                continue
            sources = [self.domain.lookup(source_type, link.source) for link in places]
            ordered = newest_first([r for r in sources if r is not None], self.today)
            groups.append((source_type, [self.line(r) for r in ordered]))
        groups = [(source_type, lines) for source_type, lines in groups if lines]
        counts = render.SEPARATOR.join(
            count_text(source_type, len(lines)) for source_type, lines in groups
        )
        # on a project's own page the list is what the reader came for: open
        heads_page = isinstance(record, Project) and not record.anchor
        details = cv_details(classes=["cv-backlinks"], open=heads_page)
        title = cv_summary(classes=["cv-backlinks-title"])
        referenced = _("Referenced from")
        title += nodes.inline(referenced, referenced, classes=["cv-label"])
        title += nodes.Text(" ")
        title += nodes.inline(counts, counts, classes=["cv-backlinks-counts"])
        details += title
        for source_type, lines in groups:
            label = _(GROUPS[source_type])
            details += nodes.paragraph(label, label, classes=["cv-backlinks-group"])
            details += nodes.bullet_list(
                "", *(nodes.list_item("", line) for line in lines), classes=["cv-backlinks-list"]
            )
        return [*shown, details]

    def results(self, entry: str) -> list[Achievement]:
        """The measured achievements of a timeline entry, newest first."""
        return [a for a in self.views.achievements if a.entry == entry and a.metrics]

    def results_block(self, results: Sequence[Achievement]) -> nodes.Element:
        """Achievements with their metric bars: what a reader looks for first."""
        block = nodes.container(classes=["cv-results"])
        for achievement in results:
            result = nodes.container(classes=["cv-result"])
            result += self.line(achievement)
            result += [render.metric_node(metric) for metric in achievement.metrics]
            block += result
        return block

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
        elif node["index"] == "results":
            container += self.key_results(node.get("top", 0))
        elif node.get("top"):
            container += self.top_skills(node["top"])
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
            label = str(year) if year else _("Undated")
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
        """Skills ranked by evidence: work and projects first, volunteering and studies apart."""
        result: list[nodes.Node] = []
        groups = [
            (_("Work and projects"), self.views.work_skills),
            (_("Volunteering and education"), self.views.other_skills),
        ]
        for label, tags in groups:
            if not tags:
                continue
            if all(other for _, other in groups):  # headings only where there are two kinds
                result.append(nodes.rubric(label, label, classes=["cv-skill-group"]))
            result += [self.skill_block(tag) for tag in tags]
        return result

    def skill_evidence(self, tag: str) -> str:
        """``5 yrs of work · 17 items``: what a skill's rank rests on."""
        records = self.views.skills[tag]
        months = self.views.skill_work_months.get(tag, 0)
        years = _("%(duration)s of work") % {"duration": months_text(months)} if months else ""
        if not years and (other := months_text(self.views.skill_months.get(tag, 0))):
            years = other
        count = items_text(len(records))
        return render.SEPARATOR.join(part for part in (years, count) if part)

    def skill_block(self, tag: str) -> nodes.Element:
        block = nodes.container(ids=[skill_anchor(tag)], classes=["cv-skill"])
        head = nodes.paragraph(classes=["cv-skill-name"])
        name = self.views.skill_names[tag]
        head += nodes.strong(name, name)
        evidence = self.skill_evidence(tag)
        head += [
            nodes.Text(render.SEPARATOR),
            nodes.inline(evidence, evidence, classes=["cv-duration"]),
        ]
        block += head
        items = nodes.bullet_list(classes=["cv-skill-list"])
        for record in self.views.skills[tag]:
            kind = _kind_label(record)
            badge = [nodes.inline(kind, kind, classes=["cv-badge"])]
            items += nodes.list_item("", self.line(record, badge))
        block += items
        return block

    def top_skills(self, count: int) -> list[nodes.Node]:
        """The first *count* skills by evidence, each linking to its entry on the index."""
        page = self.domain.skill_page
        tags = [*self.views.work_skills, *self.views.other_skills][:count]
        if page is None or not tags:
            return []
        items = nodes.bullet_list(classes=["cv-top-skills"])
        for tag in tags:
            name = self.views.skill_names[tag]
            line = nodes.paragraph()
            line += make_refnode(
                self.builder,
                self.docname,
                page,
                skill_anchor(tag),
                nodes.strong(name, name),
                name,
            )
            items += nodes.list_item("", line)
        return [items]

    def key_results(self, count: int) -> list[nodes.Node]:
        """The measured achievements, newest first: what a reader looks for first."""
        results = [a for a in self.views.achievements if a.metrics][: count or None]
        return [self.results_block(results)] if results else []
