"""``cv_paper_pages``: a paper CV condensed, in a documented order, until it fits its pages.

LaTeX runs after Sphinx, so the length is estimated from the filled doctree: lines of
text at the paper's width, plus the gaps between entries and sections. The estimate
is calibrated on cv_ext's own layout (A4 or letter, 10 pt, ``cv_ext.sty``) and errs on
the long side. While it is too long, the paper condenses, one step at a time:

1. the oldest job not yet condensed shows its header line alone (role, organisation,
   dates), up to the newest; no job is ever dropped;
2. then the oldest project is left out, one at a time;
3. then the oldest talk.

One info line says what was condensed.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from cv_ext.nodes.elements import cv_paper_entry, cv_paper_name

if TYPE_CHECKING:
    from collections.abc import Callable

    from cv_ext.nodes.elements import cv_paper
    from cv_ext.outputs.paper.context import PaperContext

logger = logging.getLogger(__name__)

#: lines of 10 pt text on a page within cv_ext's margins, per paper size
LINES_PER_PAGE = {"a4": 61, "letter": 57}
#: characters of body text on one line at the full width
CHARACTERS_PER_LINE = 100
#: extra height, in lines: above each entry, around each section heading, the name
ENTRY_GAP, SECTION_GAP, NAME = 0.75, 2.0, 2.0


def estimate(node: nodes.Node, indent: int = 0) -> float:
    """The lines *node* takes on paper."""
    if isinstance(node, cv_paper_name):
        return NAME
    if isinstance(node, nodes.title):
        return SECTION_GAP
    if isinstance(node, nodes.paragraph):
        width = CHARACTERS_PER_LINE - 4 * indent
        return max(1, math.ceil(len(" ".join(node.astext().split())) / width))
    if isinstance(node, nodes.Text):
        return 0
    deeper = indent + isinstance(node, nodes.bullet_list | nodes.enumerated_list)
    lines = sum(estimate(child, deeper) for child in node.children)
    return lines + (ENTRY_GAP if isinstance(node, cv_paper_entry) else 0)


def fit(
    paper: PaperContext, node: cv_paper, pages: int, fill: Callable[[PaperContext, cv_paper], None]
) -> None:
    """Fill *node*; then, while it is longer than *pages*, condense it a step and refill."""
    fill(paper, node)
    if pages <= 0:
        return
    paper_size = str(paper.env.config.cv_paper).strip().lower()
    room = pages * LINES_PER_PAGE.get(paper_size, LINES_PER_PAGE["a4"])
    if estimate(node) <= room:
        return
    shown = {
        "project": len(paper.shown("project", paper.views.projects)),
        "talk": len(paper.shown("talk", paper.views.talks)),
    }
    jobs = [e.id for e in paper.views.entries if e.kind == "work"][::-1]  # oldest first
    steps: list[tuple[str, str]] = [("entry", job) for job in jobs]
    steps += [(kind, "") for kind in ("project", "talk") for _ in range(shown[kind])]
    for kind, job in steps:
        if kind == "entry":
            paper.condensed.add(job)
        else:
            paper.limits[kind] = paper.limits.get(kind, shown[kind]) - 1
        _refill(paper, node, fill)
        if estimate(node) <= room:
            break
    dropped = [
        f"{shown[kind] - paper.limits[kind]} of {shown[kind]} {kind}s left out"
        for kind in shown
        if kind in paper.limits
    ]
    done = ", ".join([f"{len(paper.condensed)} older jobs to their header line", *dropped])
    fits = "fits" if estimate(node) <= room else "still exceeds"
    logger.info(
        f"cv_paper_pages: condensed {done}; the paper now {fits} {pages} pages (estimated)",
        location=node,
    )


def _refill(
    paper: PaperContext, node: cv_paper, fill: Callable[[PaperContext, cv_paper], None]
) -> None:
    """Empty *node*, freeing the ids its content took, and fill it again."""
    for element in node.findall(nodes.Element, include_self=False):
        for node_id in element["ids"]:
            paper.document.ids.pop(node_id, None)
    node.children = []
    fill(paper, node)
