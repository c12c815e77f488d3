"""``cover-letter``: a letter on a page of its own, under the CV's letterhead.

The page is the letter's: it is left out of the search index, the sitemap and the
navigation, and asks search engines not to index it. The person, the addressee and
the date are filled in at write time (:mod:`cv_ext.outputs.paper.letter`), so a
changed person rewrites the letter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils.parsers.rst import directives

from cv_ext.nodes.elements import cv_body, cv_letter
from cv_ext.reading.config import audiences
from cv_ext.reading.directives.options import TEXT, OptionsDirective
from cv_ext.reading.domain import get_domain
from cv_ext.reading.store import PRIVATE_PAGE

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.util.typing import OptionSpec

#: the page metadata that marks a letter's page (read by the HTML head and the sitemap)
LETTER_KEY = PRIVATE_PAGE


class CoverLetterDirective(OptionsDirective):
    """A cover letter: its subject, addressee, date, an optional audience, and its text.

    .. code-block:: md

       :::{cover-letter} Application: Senior Network Engineer
       :to: Example GmbH, Hiring team
       :date: 2024-09-23
       :audience: networking

       Dear hiring team, ...
       :::
    """

    objtype = "letter"
    translatable = frozenset({"to"})
    option_spec: ClassVar[OptionSpec] = dict.fromkeys(("to", "date", "audience"), TEXT) | {
        "class": directives.class_option
    }

    def run(self) -> list[nodes.Node]:
        """A placeholder holding the letter's text; the page becomes the letter's."""
        subject = self.title()
        date = self.date()
        audience = self.text("audience")
        if audience and audience not in audiences(self.config):
            self.warn(f"unknown audience {audience!r} in :audience:; linking none", "ref")
            audience = ""
        node = cv_letter(
            subject=subject,
            to=[line for line in self.text("to").split(", ") if line],
            date=date.iso() if date else "",
            audience=audience,
            classes=["cv-letter", *self.options.get("class", [])],
        )
        self.set_source_info(node)
        if self.content:
            node += cv_body("", *self.parse_content_to_nodes())
        metadata = self.env.metadata[self.env.docname]
        # a letter is sent, not published: out of search, navigation and search engines
        metadata.update({LETTER_KEY: True, "nosearch": True, "orphan": True})
        # it shows the person: a changed person rewrites it
        get_domain(self.env).note_aggregate(self.env.docname, "person")
        return [node]
