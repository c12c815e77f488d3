"""``publication``: a paper, article or book, with its authors as published."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from cv_ext.common.i18n import _
from cv_ext.core.errors import ParseError
from cv_ext.core.records import Publication
from cv_ext.core.values import parse_authors, parse_doi
from cv_ext.nodes import render
from cv_ext.nodes.elements import cv_heading, cv_publication
from cv_ext.reading.directives.base import TEXT, CVDirective
from cv_ext.reading.directives.options import CLASSES

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec


class PublicationDirective(CVDirective):
    """A publication, linked to the projects it describes.

    .. code-block:: md

       :::{publication} Decentralized Hole Punching
       :authors: Marten Seemann, Max Inden, Dimitris Vyzovitis
       :venue: DINPS 2022 (ICDCS 2022 workshops), Bologna
       :date: 2022
       :doi: 10.1109/ICDCSW56584.2022.00027
       :project: hole-punching
       :::
    """

    objtype = "publication"
    translatable = frozenset({"venue"})
    option_spec: ClassVar[OptionSpec] = dict.fromkeys(
        ("authors", "venue", "date", "doi", "url", "project", "tags", "name", "aliases", "extra"),
        TEXT,
    ) | {"class": CLASSES}

    def doi(self) -> str:
        """``:doi:``, validated; "" (with a located warning) when it is not a DOI."""
        if not (raw := self.text("doi")):
            return ""
        try:
            return parse_doi(raw)
        except ParseError as error:
            self.warn(f":doi: {error}", "option")
            return ""

    def run(self) -> list[nodes.Node]:
        """Record the publication in the domain and render it."""
        # a publication's date is often unknown in imported resumes: optional, unlike a talk's
        title, date = self.title(), self.date() if self.text("date") else None
        publication_id = self.object_id(title)
        anchor = self.anchor(publication_id)
        body, summary, _highlights = self.body()
        publication = Publication(
            id=publication_id,
            title=title,
            date=date,
            authors=parse_authors(self.text("authors")),
            venue=self.text("venue"),
            doi=self.doi(),
            url=self.url(),
            projects=self.items("project"),
            tags=self.items("tags"),
            summary=summary,
            extra=self.extra(),
            **self.where(anchor),
        )
        self.note(publication)

        node = self.container(cv_publication, publication_id, anchor)
        heading = title or _("Untitled publication")
        node += cv_heading(heading, heading)
        authors = ", ".join(publication.authors)
        node += self.joined([[nodes.inline(authors, authors)]] if authors else [], ["cv-authors"])
        node += self.joined(
            [
                [nodes.inline(publication.venue, publication.venue)] if publication.venue else [],
                [render.date_node(date)] if date else [],
            ],
            ["cv-when"],
        )
        doi_url = f"https://doi.org/{publication.doi}"
        node += self.joined(
            [
                [nodes.Text("DOI "), render.link(publication.doi, doi_url)]
                if publication.doi
                else [],
                [render.link(_("Full text"), publication.url)] if publication.url else [],
            ],
            ["cv-links"],
        )
        projects: list[nodes.Node] = []
        for index, project in enumerate(publication.projects):
            projects += [nodes.Text(", ")] if index else []
            projects.append(self.xref("project", project))
        if projects:
            label = _("Project: ")
            node += self.joined([[nodes.inline(label, label), *projects]], ["cv-presents"])
        return [self.finish(node, publication.tags, body, publication_id)]
