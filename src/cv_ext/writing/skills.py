"""The skills index: every tag, ranked by evidence, with the objects carrying it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.nodes import make_refnode

from cv_ext.common.i18n import N_, _, items_text, months_text
from cv_ext.core.ids import skill_anchor
from cv_ext.core.records import Entry
from cv_ext.nodes import render

if TYPE_CHECKING:
    from cv_ext.core.views import Record
    from cv_ext.writing.context import PageContext


#: what a record that is not a timeline entry is, in a word (skill index badges)
RECORD_LABELS = {
    "Achievement": N_("Achievement"),
    "Project": N_("Project"),
    "Talk": N_("Talk"),
    "Publication": N_("Publication"),
}


def skill_index(page: PageContext) -> list[nodes.Node]:
    """Skills ranked by evidence: work and projects first, volunteering and studies apart."""
    result: list[nodes.Node] = []
    groups = [
        (_("Work and projects"), page.views.work_skills),
        (_("Volunteering and education"), page.views.other_skills),
    ]
    for label, tags in groups:
        if not tags:
            continue
        if all(other for _, other in groups):  # headings only where there are two kinds
            result.append(nodes.rubric(label, label, classes=["cv-skill-group"]))
        result += [skill_block(page, tag) for tag in tags]
    return result


def skill_evidence(page: PageContext, tag: str) -> str:
    """``5 yrs of work · 17 items``: what a skill's rank rests on."""
    records = page.views.skills[tag]
    months = page.views.skill_work_months.get(tag, 0)
    years = _("%(duration)s of work") % {"duration": months_text(months)} if months else ""
    if not years and (other := months_text(page.views.skill_months.get(tag, 0))):
        years = other
    count = items_text(len(records))
    return render.SEPARATOR.join(part for part in (years, count) if part)


def skill_block(page: PageContext, tag: str) -> nodes.Element:
    block = nodes.container(ids=[skill_anchor(tag)], classes=["cv-skill"])
    head = nodes.paragraph(classes=["cv-skill-name"])
    name = page.views.skill_names[tag]
    head += nodes.strong(name, name)
    evidence = skill_evidence(page, tag)
    head += [
        nodes.Text(render.SEPARATOR),
        nodes.inline(evidence, evidence, classes=["cv-duration"]),
    ]
    block += head
    items = nodes.bullet_list(classes=["cv-skill-list"])
    for record in page.views.skills[tag]:
        kind = _kind_label(record)
        badge = [nodes.inline(kind, kind, classes=["cv-badge"])]
        items += nodes.list_item("", page.line(record, badge))
    block += items
    return block


def top_skills(page: PageContext, count: int) -> list[nodes.Node]:
    """The first *count* skills by evidence, each linking to its entry on the index."""
    skills_page = page.domain.skill_page
    tags = [*page.views.work_skills, *page.views.other_skills][:count]
    if skills_page is None or not tags:
        return []
    items = nodes.bullet_list(classes=["cv-top-skills"])
    for tag in tags:
        name = page.views.skill_names[tag]
        line = nodes.paragraph()
        line += make_refnode(
            page.builder,
            page.docname,
            skills_page,
            skill_anchor(tag),
            nodes.strong(name, name),
            name,
        )
        items += nodes.list_item("", line)
    return [items]


def _kind_label(record: Record) -> str:
    """What a record is, in a word: "Work", "Project", "Talk", ..."""
    if isinstance(record, Entry):
        return render.kind_label(record.kind)
    return _(RECORD_LABELS[type(record).__name__])
