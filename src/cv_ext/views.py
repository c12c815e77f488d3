"""Derived views of the records: orderings, backlinks by target, skills. Free of Sphinx.

Computed once per build (the domain caches them by its fingerprint), so that
pages showing aggregates never walk every record again: the write phase stays
linear in the number of objects.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cv_ext.model import Date, months_covered
from cv_ext.records import OBJECT_TYPES, Achievement, Backlink, Entry, Item, Project, Records, Talk

if TYPE_CHECKING:
    from collections.abc import Iterable

Record = Entry | Achievement | Project | Talk


def record_date(record: Record, today: Date) -> tuple[tuple[int, int, int], ...]:
    """Newest-first sort key of any record: latest end, then latest start."""
    if isinstance(record, Entry | Project):
        return record.period.sort_key(today) if record.period else ((0, 0, 0),)
    if record.date is None:
        return ((0, 0, 0),)
    return (record.date.sort_tuple(last=True), record.date.sort_tuple())


def newest_first(records: Iterable[Record], today: Date) -> list[Record]:
    """Records newest first; ties in the author's order (page, then line), as declared."""
    ordered = sorted(records, key=lambda r: (r.docname, r.lineno, r.id))
    ordered.sort(key=lambda r: record_date(r, today), reverse=True)
    return ordered


@dataclass
class Views:
    """Everything the write phase shows, derived once from the domain's records."""

    #: every record in declaration order (page, then line)
    declared: Records = field(default_factory=Records)
    #: docname -> the records declared on it, in order
    by_page: dict[str, list[Record | Item]] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    achievements: list[Achievement] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    talks: list[Talk] = field(default_factory=list)
    #: (object type, id) -> the places referencing it, deduplicated, in document order
    backlinks: dict[tuple[str, str], list[Backlink]] = field(default_factory=dict)
    #: lowercased tag -> every record carrying it, newest first
    skills: dict[str, list[Record]] = field(default_factory=dict)
    #: lowercased tag -> the spelling first seen ("HTTP3" as well as "http3" is one skill)
    skill_names: dict[str, str] = field(default_factory=dict)
    #: lowercased tag -> months across timeline entries carrying it, overlaps counted once
    skill_months: dict[str, int] = field(default_factory=dict)


def build_views(declared: Records, backlinks: dict[str, list[Backlink]], today: Date) -> Views:
    """Derive every view in one pass over the records."""
    entries, achievements = declared.entries, declared.achievements
    views = Views(
        declared=declared,
        entries=[e for e in newest_first(entries, today) if isinstance(e, Entry) and e.period],
        achievements=[a for a in newest_first(achievements, today) if isinstance(a, Achievement)],
        projects=[p for p in newest_first(declared.projects, today) if isinstance(p, Project)],
        talks=[t for t in newest_first(declared.talks, today) if isinstance(t, Talk)],
    )
    every: list[Record | Item] = [
        *declared.entries,
        *achievements,
        *declared.projects,
        *declared.talks,
        *declared.items,
    ]
    for record in every:
        views.by_page.setdefault(record.docname, []).append(record)
    ids = {(type(record), record.id) for record in every_record(views)}
    views.backlinks = _backlinks_by_target(backlinks, ids)
    skills: dict[str, list[Record]] = defaultdict(list)
    for record in every_record(views):
        for tag in record.tags:
            skills[tag.lower()].append(record)
            views.skill_names.setdefault(tag.lower(), tag)
    views.skills = {tag: newest_first(skills[tag], today) for tag in sorted(skills)}
    for tag, records in views.skills.items():
        spans = [
            span for r in records if isinstance(r, Entry) and r.period for span in r.period.spans
        ]
        views.skill_months[tag] = months_covered(spans, today)
    return views


def every_record(views: Views) -> list[Record]:
    """All records of *views*, entries first."""
    return [*views.entries, *views.projects, *views.achievements, *views.talks]


def _backlinks_by_target(
    backlinks: dict[str, list[Backlink]], ids: set[tuple[type, str]]
) -> dict[tuple[str, str], list[Backlink]]:
    grouped: dict[tuple[str, str], dict[tuple[str, str], Backlink]] = defaultdict(dict)
    for docname in sorted(backlinks):
        for link in sorted(backlinks[docname], key=lambda b: b.order):
            # an {any} reference counts for every type that has the id
            types = (
                [link.target_type]
                if link.target_type != "any"
                else [name for cls, name in OBJECT_TYPES.items() if (cls, link.target) in ids]
            )
            for target_type in types:
                # one entry per referencing place, however often it names the target
                grouped[(target_type, link.target)].setdefault((link.docname, link.anchor), link)
    return {target: list(places.values()) for target, places in grouped.items()}


def skills_by_evidence(views: Views, today: Date) -> list[str]:
    """Lowercased tags, strongest first: months of work carrying them, then how many records.

    Volunteering and education do not count as months of work, so a hobby of many
    years never outranks a profession.
    """

    def evidence(tag: str) -> tuple[int, int]:
        records = views.skills[tag]
        spans = [
            span
            for r in records
            if isinstance(r, Entry) and r.kind == "work" and r.period
            for span in r.period.spans
        ]
        return months_covered(spans, today), len(records)

    professional = [
        tag
        for tag in views.skills
        if any(not isinstance(r, Entry) or r.kind == "work" for r in views.skills[tag])
    ]
    return sorted(professional, key=lambda tag: tuple(-n for n in evidence(tag)))
