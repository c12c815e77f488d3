"""The career overview (``career-overview``): every timeline entry, grouped by kind and employer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from cv_ext.nodes import render
from cv_ext.nodes.elements import (
    cv_item,
    cv_overview,
    cv_timeline,
)

if TYPE_CHECKING:
    from cv_ext.core.records import Entry
    from cv_ext.writing.context import PageContext


from cv_ext.writing.roles import same_org_runs


def overview(page: PageContext, overview: cv_overview) -> list[nodes.Node]:
    shown = [entry for entry in page.views.entries if entry.kind in overview["kinds"]]
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
                timeline += overview_item(page, run[0], show_kind=not label)
            else:
                timeline += overview_group(page, run, show_kind=not label)
        container += timeline
        result.append(container)
    return result


def overview_item(page: PageContext, entry: Entry, *, show_kind: bool) -> cv_item:
    item = cv_item(classes=["cv-item", f"cv-kind-{entry.kind}"])
    if entry.period:
        when = nodes.paragraph(classes=["cv-when"])
        when += render.period_nodes(entry.period, page.today)
        item += when
    what = nodes.paragraph(classes=["cv-what"])
    what += page.record_ref(entry, entry.title or entry.org)
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


def overview_group(page: PageContext, run: list[Entry], *, show_kind: bool) -> cv_item:
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
        line += page.record_ref(entry, entry.title or entry.org)
        if entry.org and entry.title:
            org = nodes.inline(classes=["cv-org"])
            org += nodes.Text(f", {entry.org}")
            line += org
        if entry.period:
            line += nodes.Text(render.SEPARATOR)
            dates = nodes.inline(classes=["cv-when"])
            dates += render.period_nodes(entry.period, page.today)
            line += dates
        role += line
        roles += role
    item += roles
    return item


# "Referenced from", and an entry's measured results
