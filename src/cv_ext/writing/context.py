"""What every filler of a page shares: the page, the build's views, and lines that link."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.nodes import make_refnode

from cv_ext.core.records import Entry, Project, display_title
from cv_ext.nodes import render

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.builders import Builder

    from cv_ext.core.dates import Date
    from cv_ext.core.views import Record, Views
    from cv_ext.reading.domain import CVDomain


@dataclass
class PageContext:
    """One page being written: where links start from, and the data they show."""

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
