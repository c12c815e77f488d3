"""Aggregates: placeholders filled from the domain once every page has been read.

Pages that hold a placeholder are noted in the domain; ``env-get-updated``
hands them back for rewriting whenever the records they show changed, so an
overview never goes stale on an incremental build.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from cv_ext import render
from cv_ext._logging import log_warning
from cv_ext.config import today
from cv_ext.domain import display_title, get_domain
from cv_ext.nodes import cv_item, cv_overview, cv_results, cv_timeline

if TYPE_CHECKING:
    from sphinx import addnodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from cv_ext.model import Achievement, Date, Entry

logger = logging.getLogger(__name__)


def setup_collect(app: Sphinx) -> None:
    """Connect the aggregate events."""
    app.connect("doctree-resolved", fill_placeholders)
    app.connect("env-get-updated", _updated_aggregates)
    app.connect("warn-missing-reference", _warn_missing_reference)


def _updated_aggregates(app: Sphinx, env: BuildEnvironment) -> list[str]:
    return get_domain(env).updated_aggregates()


def _warn_missing_reference(app: Sphinx, domain: object, node: addnodes.pending_xref) -> bool:
    if node.get("refdomain") != "cv":
        return False
    log_warning(
        logger,
        f"unknown {node['reftype']} id {node['reftarget']!r}",
        "ref",
        location=node,
    )
    return True


def fill_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace every overview and results placeholder of *doctree*."""
    domain = get_domain(app.env)
    reference_date = today(app.config)
    overviews = list(doctree.findall(cv_overview))
    if overviews:
        entries = newest_first(list(domain.entries.values()), reference_date)
    for overview in overviews:
        overview.replace_self(
            overview_nodes(app.builder, docname, overview, entries, reference_date)
        )
    results = list(doctree.findall(cv_results))
    if results:
        by_entry = achievements_by_entry(list(domain.achievements.values()))
        for placeholder in results:
            found = by_entry.get(placeholder["entry"], [])
            placeholder.replace_self(results_nodes(app.builder, docname, found) if found else [])


def newest_first(entries: list[Entry], reference_date: Date) -> list[Entry]:
    """Dated entries, latest end first, ties by latest start, then by title."""
    dated = sorted((entry for entry in entries if entry.period), key=lambda e: (e.title, e.id))

    def key(entry: Entry) -> tuple[int, int]:
        return entry.period.sort_key(reference_date) if entry.period else (0, 0)

    return sorted(dated, key=key, reverse=True)


def achievements_by_entry(achievements: list[Achievement]) -> dict[str, list[Achievement]]:
    """Dated achievements grouped by their ``:entry:``, newest first."""
    grouped: dict[str, list[Achievement]] = defaultdict(list)
    for achievement in sorted(
        achievements, key=lambda a: (a.date.iso() if a.date else "", a.id), reverse=True
    ):
        if achievement.entry and achievement.date:
            grouped[achievement.entry].append(achievement)
    return grouped


def _ref(builder: Builder, fromdoc: str, record: Entry | Achievement, text: str) -> nodes.Node:
    return make_refnode(
        builder, fromdoc, record.docname, record.anchor, nodes.inline(text, text), text
    )


def overview_nodes(
    builder: Builder,
    docname: str,
    overview: cv_overview,
    entries: list[Entry],
    reference_date: Date,
) -> list[nodes.Node]:
    """The career overview: one visual timeline per kind, or one for all."""
    shown = [entry for entry in entries if entry.kind in overview["kinds"]]
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
        for entry in group:
            timeline += item_node(builder, docname, entry, reference_date, show_kind=not label)
        container += timeline
        result.append(container)
    return result


def item_node(
    builder: Builder, docname: str, entry: Entry, reference_date: Date, *, show_kind: bool
) -> cv_item:
    """One compact overview line: when, what (linked), where."""
    item = cv_item(classes=["cv-item", f"cv-kind-{entry.kind}"])
    if entry.period:
        when = nodes.paragraph(classes=["cv-when"])
        when += render.period_nodes(entry.period, reference_date)
        item += when
    what = nodes.paragraph(classes=["cv-what"])
    what += _ref(builder, docname, entry, entry.title or entry.org)
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


def results_nodes(
    builder: Builder, docname: str, achievements: list[Achievement]
) -> list[nodes.Node]:
    """The achievements of one entry, linked, newest first."""
    container = nodes.container(classes=["cv-results"])
    container += nodes.rubric("Achievements", "Achievements", classes=["cv-results-title"])
    items = nodes.bullet_list()
    for achievement in achievements:
        para = nodes.paragraph()
        if achievement.date:
            para += [render.date_node(achievement.date), nodes.Text(render.SEPARATOR)]
        para += _ref(builder, docname, achievement, display_title(achievement))
        items += nodes.list_item("", para)
    container += items
    return [container]
