"""The skills index: skills backed by work with their strongest evidence, the rest as chips.

A skill that time in jobs or contributions backs, and that more than one item carries,
is shown with what it rests on (:func:`~cv_ext.core.views.strongest_evidence`) and its
full list behind a closed "All N items"; every other skill is a compact chip that opens
to its list. Each has the anchor that tags on other pages link to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.nodes import make_refnode

from cv_ext.common.i18n import _, duration_text, items_text, months_text, ngettext
from cv_ext.core.ids import skill_anchor
from cv_ext.core.records import Entry, Project
from cv_ext.core.views import is_featured, strongest_evidence
from cv_ext.nodes import render
from cv_ext.nodes.elements import cv_details, cv_summary

if TYPE_CHECKING:
    from cv_ext.core.views import Record
    from cv_ext.writing.context import PageContext


def skill_index(page: PageContext) -> list[nodes.Node]:
    """Skills backed by work with their evidence; the long tail and volunteering as chips."""
    views = page.views
    featured = [tag for tag in views.work_skills if is_featured(views, tag)]
    more = [tag for tag in views.work_skills if not is_featured(views, tag)]
    groups = [
        (_("Main skills"), featured, _cards),
        (_("More skills"), more, _chips),
        (_("Volunteering and education"), views.other_skills, _chips),
    ]
    shown = [(label, tags, make) for label, tags, make in groups if tags]
    result: list[nodes.Node] = []
    for label, tags, make in shown:
        if len(shown) > 1:  # headings only where there are several kinds
            result.append(nodes.rubric(label, label, classes=["cv-skill-group"]))
        result.append(make(page, tags))
    return result


def skill_evidence(page: PageContext, tag: str, *, count: bool = True) -> str:
    """``5 yrs in jobs · 6 mos contributing · 17 items``: what a skill's rank rests on.

    Time in jobs and time contributing are said apart; a skill of volunteering or
    studies says its own time. Without *count*, the number of items only where no
    time is known.
    """
    views = page.views
    jobs = months_text(views.skill_job_months.get(tag, 0))
    contributions = months_text(views.skill_contribution_months.get(tag, 0))
    parts = [
        _("%(duration)s in jobs") % {"duration": jobs} if jobs else "",
        _("%(duration)s contributing") % {"duration": contributions} if contributions else "",
    ]
    if not any(parts):
        parts.append(months_text(views.skill_months.get(tag, 0)))
    if count or not any(parts):
        parts.append(items_text(len(views.skills[tag])))
    return render.SEPARATOR.join(part for part in parts if part)


def _head(page: PageContext, tag: str, node_class: type[nodes.paragraph]) -> nodes.paragraph:
    head = node_class(classes=["cv-skill-name"])
    name = page.views.skill_names[tag]
    head += nodes.strong(name, name)
    featured = is_featured(page.views, tag)
    # a card counts its items in its "All N items"; a chip says its time, or else its count
    evidence = skill_evidence(page, tag, count=False)
    head += [
        nodes.Text(render.SEPARATOR if featured else " "),
        nodes.inline(evidence, evidence, classes=["cv-duration"]),
    ]
    return head


def _cards(page: PageContext, tags: list[str]) -> nodes.Element:
    """Each skill with its strongest evidence, and its full list behind a click."""
    cards = nodes.container(classes=["cv-skill-cards"])
    for tag in tags:
        card = nodes.container(ids=[skill_anchor(tag)], classes=["cv-skill"])
        card += _head(page, tag, nodes.paragraph)
        evidence = strongest_evidence(page.views, tag, page.today)
        card += nodes.bullet_list(
            "",
            *(nodes.list_item("", _evidence_line(page, record)) for record in evidence),
            classes=["cv-skill-evidence", render.NOT_SEARCHED],
        )
        records = page.views.skills[tag]
        if len(records) > len(evidence):
            details = cv_details(classes=["cv-skill-all"])
            label = ngettext("All %(n)d item", "All %(n)d items", len(records)) % {
                "n": len(records)
            }
            details += cv_summary(label, label)
            details += _full_list(page, records)
            card += details
        cards += card
    return cards


def _chips(page: PageContext, tags: list[str]) -> nodes.Element:
    """Each skill as a chip that opens to the items carrying it."""
    chips = nodes.container(classes=["cv-skill-chips"])
    for tag in tags:
        chip = cv_details(ids=[skill_anchor(tag)], classes=["cv-skill", "cv-skill-chip"])
        chip += _head(page, tag, cv_summary)
        chip += _full_list(page, page.views.skills[tag])
        chips += chip
    return chips


def _evidence_line(page: PageContext, record: Record) -> nodes.paragraph:
    """``Protocol Labs · Job · 2 yrs 10 mos``: one piece of evidence, in a few words."""
    para = nodes.paragraph()
    short = record.org if isinstance(record, Entry) and record.org else None
    para += page.record_ref(record, short)
    kind = render.record_label(record)
    para += [nodes.Text(" "), nodes.inline(kind, kind, classes=["cv-badge"])]
    if when := _when(page, record):
        para += [nodes.Text(" "), nodes.inline(when, when, classes=["cv-duration"])]
    return para


def _when(page: PageContext, record: Record) -> str:
    """How long a job lasted; the year (or years) of anything else."""
    if isinstance(record, Entry):
        return duration_text(record.period, page.today) if record.period else ""
    if isinstance(record, Project):
        if record.period is None:
            return ""
        first, span = record.period.start.year, record.period.spans[-1]
        if span.ongoing:
            return f"{first} – {_('Present')}"
        if span.open_ended:
            return _("from %(date)s") % {"date": first}
        last = span.end_date(page.today).year
        return str(first) if first == last else f"{first}–{last}"
    return str(record.date.year) if record.date else ""


def _full_list(page: PageContext, records: list[Record]) -> nodes.bullet_list:
    items = nodes.bullet_list(classes=["cv-skill-list", render.NOT_SEARCHED])
    for record in records:
        kind = render.record_label(record)
        badge = [nodes.inline(kind, kind, classes=["cv-badge"])]
        items += nodes.list_item("", page.line(record, badge))
    return items


def top_skills(page: PageContext, count: int) -> list[nodes.Node]:
    """The first *count* skills by evidence, main skills first, each linking to its entry
    on the index."""
    skills_page = page.domain.skill_page
    views = page.views
    main = [tag for tag in views.work_skills if is_featured(views, tag)]
    rest = [tag for tag in views.work_skills if not is_featured(views, tag)]
    tags = [*main, *rest, *views.other_skills][:count]
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
