"""The paper CV: the whole career as one document for print, built from the domain.

A page holding ``cv-document`` is the CV a person sends. On the web it is a one-page
CV; named in ``latex_documents`` it is the PDF (the one Read the Docs builds), with
none of a manual's furniture. Every line comes from the domain's records, and each
entry's text is copied from the object's own page, so no fact is written twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cv_ext import render
from cv_ext._logging import log_warning
from cv_ext.audiences import Selection, select
from cv_ext.bodies import own_bodies, rehome
from cv_ext.config import audiences, today
from cv_ext.domain import ALIASES, display_title, get_domain
from cv_ext.i18n import N_, _, date_text
from cv_ext.items import parse_profiles
from cv_ext.model import ParseError, parse_tags
from cv_ext.nodes import (
    cv_paper,
    cv_paper_entry,
    cv_paper_head,
    cv_paper_name,
    cv_paper_when,
)
from cv_ext.records import Entry

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from cv_ext.model import Date, Period
    from cv_ext.records import Achievement, Item, Project, Talk
    from cv_ext.views import Record, Views

logger = logging.getLogger(__name__)
ElementT = TypeVar("ElementT", bound=nodes.Element)
RecordT = TypeVar("RecordT", "Achievement", "Project", "Talk")

#: the paper's sections, in their default order, with their headings
SECTIONS: dict[str, str] = {
    "experience": N_("Experience"),
    "achievements": N_("Selected achievements"),
    "projects": N_("Projects"),
    "talks": N_("Talks"),
    "volunteering": N_("Volunteering"),
    "education": N_("Education"),
    "languages": N_("Languages"),
    "skills": N_("Skills"),
}
#: which timeline kind each entry section shows
ENTRY_SECTIONS = {"experience": "work", "volunteering": "volunteering", "education": "education"}


def setup_paper(app: Sphinx) -> None:
    """Register the ``cv-document`` directive and the transforms that fill it."""
    app.add_directive("cv-document", PaperDirective)
    app.add_post_transform(FillPaper)
    app.add_post_transform(PaperForPrint)


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
        return [node]


class FillPaper(SphinxPostTransform):
    """Fill every paper CV before references are resolved, so the copied text links too."""

    default_priority = 5  # ReferencesResolver runs at 10

    def run(self, **kwargs: Any) -> None:
        """Replace each empty ``cv_paper`` with its content."""
        for node in list(self.document.findall(cv_paper)):
            if not node.children:
                Paper(self.env, self.document).fill(node)


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
        for paper in list(self.document.findall(cv_paper)):
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


class Paper:
    """Builds the content of one paper CV from the domain's views."""

    def __init__(self, env: BuildEnvironment, document: nodes.document) -> None:
        self.env = env
        self.document = document
        self.views: Views = get_domain(env).views()
        self.today: Date = today(env.config)
        self.doctrees: dict[str, nodes.document] = {}
        #: an audience's selection, when the paper is tailored (see :mod:`cv_ext.audiences`)
        self.selection: Selection | None = None

    def fill(self, paper: cv_paper) -> None:
        """Give *paper* the person's header and every requested section."""
        audience = audiences(self.env.config).get(paper.get("audience", ""))
        if audience is not None:
            self.selection = select(self.views.declared, audience, self.today)
        person = next(iter(self.views.declared.of_kind("person")), None)
        if person is not None:
            paper += self.header(person)
            paper["pdftitle"] = (
                _("%(person)s: Curriculum vitae") % {"person": person.title}
                if audience is None
                else _("%(person)s: Curriculum vitae for %(audience)s")
                % {"person": person.title, "audience": audience.title}
            )
            paper["pdfauthor"] = person.title
            paper["pdfsubject"] = person.get("label")
        skills = self.views.work_skills  # ranked once per build, as on the skills page
        paper["pdfkeywords"] = ", ".join(self.views.skill_names[tag] for tag in skills[:12])
        build = {
            "achievements": self.achievements,
            "projects": self.projects,
            "talks": self.talks,
            "languages": self.languages,
        }
        for name in paper["sections"]:
            if name in ENTRY_SECTIONS:
                content = self.entries(ENTRY_SECTIONS[name])
            elif name == "skills":
                content = self.skills(skills[: paper["skills"]])
            else:
                content = build[name]()
            if content:
                paper += self.section(name, content)

    # --- the parts ---------------------------------------------------------------------------

    def header(self, person: Item) -> list[nodes.Node]:
        """Name, label and one line of contact links."""
        result: list[nodes.Node] = [
            cv_paper_name(person.title, person.title, classes=["cv-paper-name"])
        ]
        if label := person.get("label"):
            result.append(nodes.paragraph(label, label, classes=["cv-paper-label"]))
        contacts: list[nodes.Node] = []
        if url := person.get("url"):
            contacts.append(render.link(render.url_label(url), url))
        if email := person.get("email"):
            contacts.append(render.link(email, f"mailto:{email}"))
        if phone := person.get("phone"):
            contacts.append(nodes.inline(phone, phone))
        try:
            profiles = parse_profiles(person.get("profiles"))
        except ParseError:  # reported where the person is declared
            profiles = []
        for network, username, url in profiles:
            text = render.url_label(url) if url else f"{network}: {username}"
            contacts.append(render.link(text, url))
        if place := ", ".join(p for p in (person.get("city"), person.get("country-code")) if p):
            contacts.append(nodes.inline(place, place))
        if contacts:
            line = nodes.paragraph(classes=["cv-paper-contact"])
            for index, contact in enumerate(contacts):
                if index:
                    line += nodes.Text(render.SEPARATOR)
                line += contact
            result.append(line)
        return result

    def section(self, name: str, content: list[nodes.Node]) -> nodes.section:
        """A section of the paper, headed as in :data:`SECTIONS`."""
        section_id = f"cv-paper-{name}"
        while section_id in self.document.ids:
            section_id += "-"
        section = nodes.section(ids=[section_id], classes=["cv-paper-section"])
        self.document.ids[section_id] = section
        heading = _(SECTIONS[name])
        section += nodes.title(heading, heading)
        section += content
        return section

    def entries(self, kind: str) -> list[nodes.Node]:
        """Every dated timeline entry of *kind*, newest first: header line, then its text.

        Tailored, the audience's entries come first and every other job follows as its
        header line alone: no job leaves the history.
        """
        if self.selection is None:
            return [self.entry(entry) for entry in self.views.entries if entry.kind == kind]
        section = self.selection.section(kind)
        if section is None:
            return []
        full: list[nodes.Node] = [self.entry(e) for e in section.full if isinstance(e, Entry)]
        return full + [self.entry(entry, condensed=True) for entry in section.condensed]

    def shown(self, kind: str, every: list[RecordT]) -> list[RecordT]:
        """*every* record of *kind*, or only those the audience selects."""
        if self.selection is None:
            return every
        section = self.selection.section(kind)
        chosen = {record.id for record in section.full} if section else set()
        # the selection orders as the views do (newest first), so filtering keeps its order
        return [record for record in every if record.id in chosen]

    def entry(self, entry: Entry, *, condensed: bool = False) -> cv_paper_entry:
        """One entry: role, organisation and place in bold, dates at the right, its text."""
        node = self.target(cv_paper_entry(classes=["cv-paper-entry"]), "entry", entry.id)
        head = cv_paper_head(classes=["cv-paper-head"])
        what = nodes.strong()
        # "role, organisation" reads as employment: a contribution names only its role
        if entry.title and entry.org and not entry.contribution:
            what += nodes.Text(f"{entry.title}, ")
            what += render.link(entry.org, entry.url)
        else:
            what += render.link(entry.title or entry.org, entry.url)
        head += what
        if entry.location:
            head += nodes.Text(f", {entry.location}")
        if entry.period is not None:
            head += self.when(entry.period)
        node += head
        if not condensed:
            node += self.body("entry", entry)
        return node

    def achievements(self) -> list[nodes.Node]:
        """Measured results, and results no listed project stands for: one item each."""
        projects = {project.id for project in self.shown("project", self.views.projects)}
        items = []
        for achievement in self.shown("achievement", self.views.achievements):
            if not achievement.metrics and achievement.project in projects:
                continue  # its project is listed, with the same story
            para = nodes.paragraph()
            para += nodes.strong(achievement.title, achievement.title)
            if achievement.date is not None:
                para += nodes.Text(f" ({date_text(achievement.date)})")
            metrics = "; ".join(metric.summary() for metric in achievement.metrics)
            if metrics:
                para += nodes.Text(f": {metrics}")
            items.append(self.item(para, "achievement", achievement))
        return [nodes.bullet_list("", *items, classes=["cv-paper-list"])] if items else []

    def projects(self) -> list[nodes.Node]:
        """Every project on one line: title (linked to its source), dates, summary."""
        items = []
        for project in self.shown("project", self.views.projects):
            title = display_title(project)
            para = nodes.paragraph()
            para += nodes.strong("", "", render.link(title, project.url))
            if project.period is not None:
                para += nodes.Text(f" ({self.spans_text(project.period)})")
            if project.summary:
                para += nodes.Text(f": {project.summary}")
            items.append(self.item(para, "project", project))
        return [nodes.bullet_list("", *items, classes=["cv-paper-list"])] if items else []

    def talks(self) -> list[nodes.Node]:
        """Every talk on one line: date, title (linked to its recording or page), event."""
        items = []
        for talk in self.shown("talk", self.views.talks):
            para = nodes.paragraph()
            if talk.date is not None:
                para += nodes.Text(f"{date_text(talk.date)}: ")
            para += render.link(talk.title, talk.video or talk.event_url or talk.slides)
            if talk.event:
                para += nodes.Text(f", {talk.event}")
            items.append(self.item(para, "talk", talk))
        return [nodes.bullet_list("", *items, classes=["cv-paper-list"])] if items else []

    def languages(self) -> list[nodes.Node]:
        """Every language with its fluency, on one line."""
        parts = [
            f"{item.title} ({item.get('fluency')})" if item.get("fluency") else item.title
            for item in self.views.declared.of_kind("language")
        ]
        text = render.SEPARATOR.join(parts)
        return [nodes.paragraph(text, text)] if parts else []

    def skills(self, tags: Iterable[str]) -> list[nodes.Node]:
        """The strongest skills, on one line."""
        text = render.SEPARATOR.join(self.views.skill_names[tag] for tag in tags)
        return [nodes.paragraph(text, text)] if text else []

    # --- helpers -----------------------------------------------------------------------------

    def when(self, period: Period) -> cv_paper_when:
        """The spans of *period* (no duration: the dates say it on paper)."""
        when = cv_paper_when(classes=["cv-paper-when"])
        for index, span in enumerate(period.spans):
            if index:
                when += nodes.Text(", ")
            when += render.span_nodes(span)
        return when

    @staticmethod
    def spans_text(period: Period) -> str:
        """The spans of *period* as plain text."""
        return ", ".join(
            nodes.inline("", "", *render.span_nodes(span)).astext() for span in period.spans
        )

    def item(self, para: nodes.paragraph, objtype: str, record: Record) -> nodes.list_item:
        """A list item that the paper's own references can point at."""
        target = self.target(nodes.target("", ""), objtype, record.id)
        para.insert(0, target)
        return nodes.list_item("", para)

    def target(self, node: ElementT, objtype: str, object_id: str) -> ElementT:
        """Give *node* a unique id naming the object it shows."""
        node_id = nodes.make_id(f"cv-paper-{objtype}-{object_id}")
        while node_id in self.document.ids:
            node_id += "-"
        node["ids"].append(node_id)
        node["cv_type"], node["cv_id"], node["cv_anchor"] = objtype, object_id, node_id
        self.document.ids[node_id] = node
        return node

    def body(self, objtype: str, record: Entry | Achievement | Project | Talk) -> list[nodes.Node]:
        """A copy of the object's own text from its page, its references made from here."""
        if record.docname not in self.doctrees:
            self.doctrees[record.docname] = self.env.get_doctree(record.docname)
        for key, body in own_bodies(self.doctrees[record.docname]):
            if key == (objtype, record.id):
                return rehome(body, record.docname, self.env.docname)
        return []
