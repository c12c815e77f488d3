"""Derived views of the records: orderings, backlinks by target, skills. Free of Sphinx.

Computed once per build (the domain caches them by its fingerprint), so that
pages showing aggregates never walk every record again: the write phase stays
linear in the number of objects.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cv_ext.core import mentions
from cv_ext.core.dates import Date, months_covered
from cv_ext.core.records import (
    OBJECT_TYPES,
    Achievement,
    Backlink,
    Entry,
    Item,
    Project,
    Publication,
    Records,
    Talk,
)
from cv_ext.core.tags import tag_key, tag_label, tag_labels

if TYPE_CHECKING:
    from collections.abc import Iterable

Record = Entry | Achievement | Project | Talk | Publication


def record_date(record: Record, today: Date) -> tuple[tuple[int, int, int], ...]:
    """Newest-first sort key of any record: latest end, then latest start.

    A dated record (a talk, an achievement) known only to its year or month counts as
    the first day of it, and after the more precise dates of that day: "22 Oct 2017"
    comes before "2017", and "Oct 2017" before "2017" too. A date is never read as
    later than it may be.
    """
    if isinstance(record, Entry | Project):
        return record.period.sort_key(today) if record.period else ((0, 0, 0),)
    if record.date is None:
        return ((0, 0, 0),)
    return (record.date.sort_tuple(), (int(record.date.precision), 0, 0))


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
    publications: list[Publication] = field(default_factory=list)
    #: entry id -> its achievements that have metrics (its measured results), newest first
    results: dict[str, list[Achievement]] = field(default_factory=dict)
    #: (object type, id) -> the places referencing it, deduplicated, in document order
    backlinks: dict[tuple[str, str], list[Backlink]] = field(default_factory=dict)
    #: (object type, id) -> the objects its own body references (the other direction)
    references: dict[tuple[str, str], set[tuple[str, str]]] = field(default_factory=dict)
    #: lowercased tag -> every record carrying it, newest first
    skills: dict[str, list[Record]] = field(default_factory=dict)
    #: lowercased tag -> its label, as readers see it: declared with ``cv-tag-labels``, or
    #: the words of the spelling first seen ("HTTP3" as well as "http3" is one skill)
    skill_names: dict[str, str] = field(default_factory=dict)
    #: lowercased tag -> months across timeline entries carrying it, overlaps counted once
    skill_months: dict[str, int] = field(default_factory=dict)
    #: lowercased tag -> months across *jobs* carrying it: the evidence it ranks by first
    skill_job_months: dict[str, int] = field(default_factory=dict)
    #: lowercased tag -> months across contributions (work with ``:employer: no``)
    #: carrying it, counted apart from jobs: it ranks by them second
    skill_contribution_months: dict[str, int] = field(default_factory=dict)
    #: the tags of work and projects (anything not tied to volunteering or studies), by
    #: evidence: months in jobs, then months of contributions, then items carrying it
    work_skills: list[str] = field(default_factory=list)
    #: the tags of volunteering and studies alone, by their months, then items
    other_skills: list[str] = field(default_factory=list)


def build_views(declared: Records, backlinks: dict[str, list[Backlink]], today: Date) -> Views:
    """Derive every view in one pass over the records."""
    # references inside bodies are named by their titles, now that every title is known
    declared = mentions.resolved(declared)
    entries, achievements = declared.entries, declared.achievements
    views = Views(
        declared=declared,
        entries=[e for e in newest_first(entries, today) if isinstance(e, Entry) and e.period],
        achievements=[a for a in newest_first(achievements, today) if isinstance(a, Achievement)],
        projects=[p for p in newest_first(declared.projects, today) if isinstance(p, Project)],
        talks=[t for t in newest_first(declared.talks, today) if isinstance(t, Talk)],
        publications=[
            p for p in newest_first(declared.publications, today) if isinstance(p, Publication)
        ],
    )
    for achievement in views.achievements:
        if achievement.entry and achievement.metrics:
            views.results.setdefault(achievement.entry, []).append(achievement)
    every: list[Record | Item] = [
        *declared.entries,
        *achievements,
        *declared.projects,
        *declared.talks,
        *declared.publications,
        *declared.items,
    ]
    for record in every:
        views.by_page.setdefault(record.docname, []).append(record)
    ids = {(type(record), record.id) for record in every_record(views)}
    views.backlinks = _backlinks_by_target(backlinks, ids)
    for places in views.backlinks.values():
        for link in places:
            if link.source_type:
                views.references.setdefault((link.source_type, link.source), set()).add(
                    (link.target_type, link.target)
                )
    _skills(views, today)
    return views


def _skills(views: Views, today: Date) -> None:
    """Fill the skills of *views*: who carries each tag, its label, time and rank."""
    labels = tag_labels(views.declared)
    every = every_record(views)
    for record in every:
        for tag in record.tags:
            views.skill_names.setdefault(tag_key(tag), tag_label(tag, labels))
    # sorted once: each tag's carriers, taken in that order, are newest first too
    skills: dict[str, list[Record]] = defaultdict(list)
    for record in newest_first(every, today):
        for tag in record.tags:
            skills[tag_key(tag)].append(record)
    views.skills = {tag: one_per_object(skills[tag]) for tag in sorted(skills)}
    kinds = {entry.id: entry.kind for entry in views.entries}
    for tag, records in views.skills.items():
        entries = [r for r in records if isinstance(r, Entry) and r.period]
        views.skill_months[tag] = months_covered(
            [span for r in entries if r.period for span in r.period.spans], today
        )
        views.skill_job_months[tag] = months_covered(
            [span for r in entries if is_job(r) and r.period for span in r.period.spans], today
        )
        views.skill_contribution_months[tag] = months_covered(
            [span for r in entries if r.contribution and r.period for span in r.period.spans],
            today,
        )
    ranked = sorted(views.skills, key=lambda tag: skill_rank(views, tag))
    for tag in ranked:
        # apart only what comes from volunteering or studies alone (skiing, tutoring);
        # a project tied to no job is engineering all the same
        worked = any(
            (r.kind if isinstance(r, Entry) else kinds.get(getattr(r, "entry", ""), "work"))
            == "work"
            for r in views.skills[tag]
        )
        (views.work_skills if worked else views.other_skills).append(tag)
    # the rest by their own time (volunteering, studies), then by count
    views.other_skills.sort(
        key=lambda tag: (-views.skill_months[tag], -len(views.skills[tag]), tag)
    )


def is_job(record: Record) -> bool:
    """Whether *record* is a job: work for an employer (not a contribution)."""
    return isinstance(record, Entry) and record.kind == "work" and not record.contribution


def skill_rank(views: Views, tag: str) -> tuple[int, int, int, str]:
    """How a skill of work ranks: months in jobs, then months of contributions, then the
    number of items carrying it, then its label."""
    return (
        -views.skill_job_months[tag],
        -views.skill_contribution_months[tag],
        -len(views.skills[tag]),
        views.skill_names[tag].casefold(),
    )


def is_featured(views: Views, tag: str) -> bool:
    """Whether a skill is shown with its evidence rather than as a chip: time in jobs or
    contributions backs it, and more than one item carries it (a job's tag list alone is
    one claim)."""
    backed = views.skill_job_months.get(tag, 0) or views.skill_contribution_months.get(tag, 0)
    return bool(backed) and len(views.skills.get(tag, ())) > 1


def strongest_evidence(views: Views, tag: str, today: Date, count: int = 2) -> list[Record]:
    """Up to *count* items carrying *tag*, the strongest of each kind in turn: the longest
    job, the longest contribution, the newest project, the newest measured result, the
    newest talk, then anything else (newest first)."""
    records = views.skills.get(tag, [])
    by_length = sorted(
        (r for r in records if isinstance(r, Entry) and r.period and r.kind == "work"),
        key=lambda r: -(r.period.months(today) if r.period else 0),
    )
    queues: list[list[Record]] = [
        [r for r in by_length if is_job(r)],
        [r for r in by_length if isinstance(r, Entry) and r.contribution],
        [r for r in records if isinstance(r, Project)],
        [r for r in records if isinstance(r, Achievement) and r.metrics],
        [r for r in records if isinstance(r, Talk)],
    ]
    taken = {id(r) for queue in queues for r in queue}
    queues.append([r for r in records if id(r) not in taken])
    picked: list[Record] = []
    while len(picked) < count and any(queues):
        for queue in queues:
            if queue and len(picked) < count:
                picked.append(queue.pop(0))
    return picked


def one_per_object(records: list[Record]) -> list[Record]:
    """*records* without an achievement that is its listed project under another name.

    A project and the achievement recording it (same project, same title or same day)
    are one thing to a reader, listed once: as the project.
    """
    projects = {r.id: r for r in records if isinstance(r, Project)}
    result = []
    for record in records:
        project = projects.get(record.project) if isinstance(record, Achievement) else None
        if (
            project is not None
            and isinstance(record, Achievement)
            and (
                project.title.casefold() == record.title.casefold()
                or (
                    project.period is not None
                    and project.period.start == record.date
                    and len(project.period.spans) == 1
                    and project.period.spans[0].end in {None, "unknown"}
                )
            )
        ):
            continue
        result.append(record)
    return result


def every_record(views: Views) -> list[Record]:
    """All records of *views*, entries first."""
    return [*views.entries, *views.projects, *views.achievements, *views.talks, *views.publications]


def _backlinks_by_target(
    backlinks: dict[str, list[Backlink]], ids: set[tuple[type, str]]
) -> dict[tuple[str, str], list[Backlink]]:
    grouped: dict[tuple[str, str], dict[tuple[str, str, str], Backlink]] = defaultdict(dict)
    for docname in sorted(backlinks):
        for link in sorted(backlinks[docname], key=lambda b: b.order):
            # an {any} reference counts for every type that has the id
            types = (
                [link.target_type]
                if link.target_type != "any"
                else [name for cls, name in OBJECT_TYPES.items() if (cls, link.target) in ids]
            )
            for target_type in types:
                # one entry per referencing place (an object, or else a section), however
                # often it names the target
                place = (
                    ("object", link.source_type, link.source)
                    if link.source_type
                    else ("section", link.docname, link.anchor)
                )
                grouped[(target_type, link.target)].setdefault(place, link)
    return {target: list(places.values()) for target, places in grouped.items()}
