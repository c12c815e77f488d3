"""Several roles at one organisation under its name, and a talk's role said once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from cv_ext.nodes import render
from cv_ext.nodes.elements import cv_entry, cv_talk
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx

    from cv_ext.core.records import Entry


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


def group_roles(app: Sphinx, entries: list[cv_entry], docname: str) -> None:
    """Put adjacent roles at one organisation under the organisation, on the page itself.

    *entries* are the page's entry nodes, in document order.
    """
    domain = get_domain(app.env)
    # of two entries sharing a :name: (warned about as cv.duplicate), the earliest on the
    # page holds the record; the other keeps its node but is grouped with nothing
    declaring: dict[str, cv_entry] = {}
    for node in entries:
        declaring.setdefault(node["cv_id"], node)
    parents = {id(node.parent): node.parent for node in declaring.values()}
    for parent in parents.values():
        children = [
            child
            for child in parent.children
            if isinstance(child, cv_entry)
            and declaring.get(child["cv_id"]) is child
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


def trim_talk_roles(app: Sphinx, talks: list[cv_talk], docname: str) -> None:
    """Say in which role a talk was given only where that changes from the talk before.

    *talks* are the page's talk nodes, in document order.
    """
    records = get_domain(app.env).talks
    previous = None
    for node in talks:
        record = records.get(node.get("cv_id", ""))
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
