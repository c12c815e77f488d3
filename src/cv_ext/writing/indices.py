"""The indices of ``cv-index``: projects, talks and key results (skills: :mod:`.skills`)."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from docutils import nodes

from cv_ext.common.i18n import _
from cv_ext.nodes.elements import (
    cv_index,
    cv_item,
    cv_timeline,
)

if TYPE_CHECKING:
    from cv_ext.writing.context import PageContext


from cv_ext.writing.backlinks import results_block
from cv_ext.writing.skills import skill_index, top_skills


def index(page: PageContext, node: cv_index) -> list[nodes.Node]:
    container = nodes.container(classes=["cv-index", *node["classes"]])
    if node["index"] == "projects":
        container += project_index(page)
    elif node["index"] == "talks":
        container += talk_index(page)
    elif node["index"] == "results":
        container += key_results(page, node.get("top", 0))
    elif node.get("top"):
        container += top_skills(page, node["top"])
    else:
        container += skill_index(page)
    return [container]


def project_index(page: PageContext) -> list[nodes.Node]:
    timeline = cv_timeline(classes=["cv-timeline"])
    for project in page.views.projects:
        item = cv_item(classes=["cv-item"])
        item += page.line(project)
        if project.summary:
            item += nodes.paragraph(project.summary, project.summary, classes=["cv-summary"])
        timeline += item
    return [timeline] if len(timeline) else []


def talk_index(page: PageContext) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    years = groupby(page.views.talks, key=lambda talk: talk.date.year if talk.date else 0)
    for year, talks in years:
        label = str(year) if year else _("Undated")
        result.append(nodes.rubric(label, label, classes=["cv-index-year"]))
        timeline = cv_timeline(classes=["cv-timeline"])
        for talk in talks:
            event = [nodes.inline(talk.event, talk.event)] if talk.event else []
            item = cv_item(classes=["cv-item"])
            item += page.line(talk, event)
            timeline += item
        result.append(timeline)
    return result


def key_results(page: PageContext, count: int) -> list[nodes.Node]:
    """The measured achievements, newest first: what a reader looks for first."""
    results = [a for a in page.views.achievements if a.metrics][: count or None]
    return [results_block(page, results)] if results else []
