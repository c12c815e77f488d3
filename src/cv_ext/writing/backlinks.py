""" "Referenced from": the places that reference an object, and an entry's measured results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from cv_ext.common.i18n import N_, _, npgettext
from cv_ext.core.records import Achievement, Backlink, Project
from cv_ext.core.views import newest_first
from cv_ext.nodes import render
from cv_ext.nodes.elements import (
    cv_details,
    cv_summary,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cv_ext.writing.context import PageContext


#: each kind of referencing place, with its heading, in display order
GROUPS = {
    "project": N_("Projects"),
    "achievement": N_("Achievements"),
    "talk": N_("Talks"),
    "publication": N_("Publications"),
    "entry": N_("Roles"),
    "": N_("Pages"),
}


def count_text(source_type: str, count: int) -> str:
    """``3 projects``: how many places of one kind, with the language's plural form, in
    the case that follows "Referenced from" (German's dative: "von 2 Erfolgen")."""
    forms = {
        "project": npgettext("referenced from", "%(n)d project", "%(n)d projects", count),
        "achievement": npgettext(
            "referenced from", "%(n)d achievement", "%(n)d achievements", count
        ),
        "talk": npgettext("referenced from", "%(n)d talk", "%(n)d talks", count),
        "publication": npgettext(
            "referenced from", "%(n)d publication", "%(n)d publications", count
        ),
        "entry": npgettext("referenced from", "%(n)d role", "%(n)d roles", count),
        "": npgettext("referenced from", "%(n)d page", "%(n)d pages", count),
    }
    return forms[source_type] % {"n": count}


def backlinks(page: PageContext, target_type: str, target: str) -> list[nodes.Node]:
    """Measured results (for an entry), then one line of counts that opens to the list."""
    record = page.domain.lookup(target_type, target)
    results = measured_results(page, target) if target_type == "entry" else []
    # what the reader already sees: links in the object's own body, results shown above
    seen = page.views.references.get((target_type, target), set()) | {
        ("achievement", achievement.id) for achievement in results
    }
    links = [
        link
        for link in page.views.backlinks.get((target_type, target), [])
        if (link.source_type, link.source) not in seen
        # a section of the object's own page: the reader is there already
        and not (not link.source_type and record is not None and link.docname == record.docname)
    ]
    shown: list[nodes.Node] = [results_block(page, results)] if results else []
    if not links:
        return shown
    groups: list[tuple[str, list[nodes.paragraph]]] = []
    for source_type in GROUPS:
        places = [link for link in links if link.source_type == source_type]
        if not source_type:
            groups.append((source_type, [_page_line(page, link) for link in places]))
            continue
        sources = [page.domain.lookup(source_type, link.source) for link in places]
        ordered = newest_first([r for r in sources if r is not None], page.today)
        groups.append((source_type, [page.line(r) for r in ordered]))
    groups = [(source_type, lines) for source_type, lines in groups if lines]
    counts = render.SEPARATOR.join(
        count_text(source_type, len(lines)) for source_type, lines in groups
    )
    # on a project's own page the list is what the reader came for: open
    heads_page = isinstance(record, Project) and not record.anchor
    # the titles listed are found on their own pages: searching them should not find this one
    details = cv_details(classes=["cv-backlinks", render.NOT_SEARCHED], open=heads_page)
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


def measured_results(page: PageContext, entry: str) -> list[Achievement]:
    """The measured achievements of a timeline entry, newest first."""
    return list(page.views.results.get(entry, []))


def results_block(page: PageContext, results: Sequence[Achievement]) -> nodes.Element:
    """Achievements with their metric bars: what a reader looks for first."""
    block = nodes.container(classes=["cv-results"])
    for achievement in results:
        result = nodes.container(classes=["cv-result"])
        result += page.line(achievement)
        result += [render.metric_node(metric) for metric in achievement.metrics]
        block += result
    return block


def _page_line(page: PageContext, link: Backlink) -> nodes.paragraph:
    para = nodes.paragraph()
    para += page.ref(link.docname, link.anchor, link.label)
    return para


# indices
