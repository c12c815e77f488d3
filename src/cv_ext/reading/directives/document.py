"""``cv-document``: the page that holds the paper CV, filled from the domain for print."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cv_ext.common.i18n import N_
from cv_ext.common.warn import log_warning
from cv_ext.core.values import parse_tags
from cv_ext.nodes.elements import cv_paper
from cv_ext.reading.config import audiences
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.util.typing import OptionSpec

logger = logging.getLogger(__name__)

#: the paper's sections, in their default order, with their headings
SECTIONS: dict[str, str] = {
    "experience": N_("Experience"),
    "achievements": N_("Selected achievements"),
    "projects": N_("Projects"),
    "talks": N_("Talks"),
    "publications": N_("Publications"),
    "volunteering": N_("Volunteering"),
    "education": N_("Education"),
    "languages": N_("Languages"),
    "skills": N_("Skills"),
}
#: which timeline kind each entry section shows
ENTRY_SECTIONS = {"experience": "work", "volunteering": "volunteering", "education": "education"}


class PaperDirective(SphinxDirective):
    """The whole CV as one document for paper, filled from the domain.

    .. code-block:: md

       :::{cv-document}
       :sections: experience, achievements, projects, talks, education, languages, skills
       :skills: 8
       :audience: networking
       :::

    With ``:audience:`` (a name of ``cv_audiences``) the paper shows that audience's
    selection: its jobs in full and every other job as its header line alone.
    """

    has_content = False
    option_spec: ClassVar[OptionSpec] = {
        "sections": directives.unchanged,
        "skills": directives.nonnegative_int,
        "audience": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        """A placeholder; the page now shows every record, so it is noted as an aggregate."""
        sections = []
        for name in parse_tags(self.options.get("sections") or "") or tuple(SECTIONS):
            if name.lower() in SECTIONS:
                sections.append(name.lower())
            else:
                log_warning(
                    logger,
                    f"cv-document: unknown section {name!r} in :sections:, "
                    f"expected {', '.join(SECTIONS)}",
                    "option",
                    location=self.get_location(),
                )
        audience = (self.options.get("audience") or "").strip()
        if audience and audience not in audiences(self.config):
            log_warning(
                logger,
                f"cv-document: unknown audience {audience!r}; showing the whole CV",
                "ref",
                location=self.get_location(),
            )
            audience = ""
        node = cv_paper(
            sections=sections,
            skills=self.options.get("skills", 8),
            audience=audience,
            classes=["cv-paper", *self.options.get("class", [])],
        )
        self.set_source_info(node)
        get_domain(self.env).note_aggregate(self.env.docname, "paper")
        get_domain(self.env).note_paper(self.env.docname, audience)
        return [node]
