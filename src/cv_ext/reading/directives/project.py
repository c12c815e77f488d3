"""``project``: a project, declared at the top of its own page."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from cv_ext.common.i18n import _
from cv_ext.core.dates import Period, Span
from cv_ext.core.records import Project, relationships
from cv_ext.core.values import display_list
from cv_ext.nodes import render
from cv_ext.nodes.elements import (
    cv_heading,
    cv_project,
)
from cv_ext.reading.config import today
from cv_ext.reading.directives.base import TEXT, CVDirective
from cv_ext.reading.directives.options import CLASSES

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec


class ProjectDirective(CVDirective):
    """A project, declared at the top of its own page; its id is the page's name.

    .. code-block:: md

       # Decentralized hole punching

       :::{project}
       :date: 2022-02-09
       :url: https://github.com/libp2p/rust-libp2p/pull/2438
       :entry: protocol-labs
       :summary: Hole punching for libp2p without central infrastructure.
       :::
    """

    objtype = "project"
    translatable = frozenset({"summary", "entity"})
    option_spec: ClassVar[OptionSpec] = dict.fromkeys(
        (
            "date",
            "start",
            "end",
            "period",
            "url",
            "entry",
            "tags",
            "summary",
            "name",
            "roles",
            "entity",
            "type",
            "aliases",  # old ids and pages: links to them keep working
            "extra",
        ),
        TEXT,
    ) | {"class": CLASSES, "untitled": TEXT}

    def project_period(self) -> Period | None:
        """``:date:`` for a day's work, ``:start:``/``:end:`` for longer projects, or
        ``:period:`` for work on several separate days or spans (``2020-07-14, 2020-07-19``)."""
        if "date" in self.options:
            if "start" in self.options:
                self.warn(":date: and :start: exclude each other; :date: is used", "option")
            date = self.date()
            return Period((Span(date),)) if date else None
        if "start" not in self.options and "period" not in self.options:
            return None  # an undated project is shown without dates
        return self.period()

    def run(self) -> list[nodes.Node]:
        """Record the project in the domain and render its header."""
        # an empty title is taken from the page's heading once the page is read
        title = self.title(required=False)
        period = self.project_period()
        project_id = self.object_id(PurePosixPath(self.env.docname).name)
        anchor = self.anchor(project_id)
        body, _summary, highlights = self.body()
        roles = self.items("roles")
        project = Project(
            id=project_id,
            title=title,
            period=period,
            summary=self.text("summary"),
            url=self.url(),
            entry=self.text("entry"),
            # keywords as written: "Go" and "go" both stay (skills group them anyway)
            tags=self.items("tags"),
            highlights=highlights,
            # each role a message of the page ("Creator" is "Urheber" in German)
            roles=tuple(self.translate(role) for role in roles),
            related=relationships(roles),
            entity=self.text("entity"),
            type=self.text("type"),
            extra=self.extra(),
            **self.where(anchor),
        )
        self.note(project)

        if project.summary:
            # the page's link preview (sphinxext-opengraph reads page metadata)
            self.env.metadata[self.env.docname]["og:description"] = project.summary
        node = self.container(cv_project, project_id, anchor)
        # a project a resume gives without a name is not named after its page
        node["cv_untitled"] = "untitled" in self.options
        if title:
            node += cv_heading(title, title)
        if project.summary:
            node += nodes.paragraph(project.summary, project.summary, classes=["cv-summary"])
        fields = nodes.field_list(classes=["cv-facts"])
        if period is not None:
            fields += render.field(_("When"), render.period_nodes(period, today(self.config)))
        if project.entry:
            fields += render.field(_("Role"), [self.xref("entry", project.entry)])
        if project.roles:
            fields += render.field(_("Roles"), [nodes.Text(display_list(project.roles))])
        if project.entity:
            fields += render.field(_("For"), [nodes.Text(project.entity)])
        if project.url:
            fields += render.field(_("Source"), [render.source_link(project.url)])
        if len(fields):
            node += fields
        return [self.finish(node, project.tags, body, project_id)]
