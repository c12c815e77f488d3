"""The post-transforms that fill each paper CV from the domain and keep its links on paper."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from cv_ext.common.i18n import _
from cv_ext.core.audiences import select
from cv_ext.core.audiences import skills as audience_skills
from cv_ext.core.records import display_title
from cv_ext.nodes.elements import cv_letter, cv_paper
from cv_ext.outputs.paper import sections
from cv_ext.outputs.paper.context import PaperContext
from cv_ext.outputs.paper.fit import fit
from cv_ext.reading.config import audiences, today
from cv_ext.reading.directives.document import ENTRY_SECTIONS
from cv_ext.reading.domain import ALIASES, get_domain


class FillPaper(SphinxPostTransform):
    """Fill every paper CV before references are resolved, so the copied text links too."""

    default_priority = 5  # ReferencesResolver runs at 10

    def run(self, **kwargs: Any) -> None:
        """Replace each empty ``cv_paper`` with its content."""
        for node in list(self.document.findall(cv_paper)):
            if not node.children:
                paper = PaperContext(
                    self.env, self.document, get_domain(self.env).views(), today(self.env.config)
                )
                fit(paper, node, self.config.cv_paper_pages, fill)


def fill(paper: PaperContext, node: cv_paper) -> None:
    """Give *node* the person's header and every requested section."""
    views = paper.views
    audience = audiences(paper.env.config).get(node.get("audience", ""))
    if audience is not None:
        paper.selection = select(views.declared, audience, paper.today)
    person = next(iter(views.declared.of_kind("person")), None)
    if person is not None:
        node += sections.header(person, paper.photo(person))
        node["pdftitle"] = (
            _("%(person)s: Curriculum vitae") % {"person": person.title}
            if audience is None
            else _("%(person)s: Curriculum vitae for %(audience)s")
            % {"person": person.title, "audience": audience.title}
        )
        node["pdfauthor"] = person.title
        node["pdfsubject"] = person.get("label")
    # ranked once per build, as on the skills page; tailored, by the selection's own evidence
    skills = (
        views.work_skills
        if paper.selection is None
        else audience_skills(paper.selection, paper.today)
    )
    node["pdfkeywords"] = ", ".join(views.skill_names[tag] for tag in skills[:12])
    build = {
        "achievements": sections.achievements,
        "projects": sections.projects,
        "talks": sections.talks,
        "publications": sections.publications,
        "languages": sections.languages,
    }
    for name in node["sections"]:
        if name in ENTRY_SECTIONS:
            content = sections.entries(paper, ENTRY_SECTIONS[name])
        elif name == "skills":
            content = sections.skills(paper, skills[: node["skills"]])
        else:
            content = build[name](paper)
        if content:
            node += paper.section(name, content)


class PaperForPrint(SphinxPostTransform):
    """On paper, links stay inside the CV or leave the site altogether.

    References to objects the paper shows point at them; other references to the site
    become their text, since the site's pages are not part of the PDF. (The page's own
    heading is not printed: Sphinx's LaTeX writer takes a document's first title as
    the document title, which ``latex_elements["maketitle"]`` then leaves out.)
    """

    default_priority = 6  # after FillPaper, before ReferencesResolver
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        """Point each reference of a paper at the paper itself, or make it text."""
        domain = get_domain(self.env)
        # a letter is a document of its own on paper too: its references become text
        papers: list[nodes.Element] = [*self.document.findall(cv_paper)]
        for paper in [*papers, *self.document.findall(cv_letter)]:
            shown = {
                (node["cv_type"], node["cv_id"]): node["cv_anchor"]
                for node in paper.findall(nodes.Element)
                if node.get("cv_anchor")
            }
            for xref in list(paper.findall(addnodes.pending_xref)):
                target_type = ALIASES.get(xref.get("reftype", ""), xref.get("reftype", ""))
                record = domain.lookup(target_type, xref.get("reftarget", ""))
                text = xref.astext()
                if xref.get("refdomain") == "cv" and record and not xref.get("refexplicit"):
                    text = display_title(record)
                anchor = shown.get((target_type, xref.get("reftarget", "")))
                if xref.get("refdomain") == "cv" and anchor:
                    link = nodes.reference("", "", internal=True, refid=anchor)
                    link += nodes.inline(text, text)
                    xref.replace_self(link)
                else:
                    xref.replace_self(nodes.inline(text, text))
