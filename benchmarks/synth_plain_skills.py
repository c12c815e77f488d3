"""The skills page of the plain variant: every tag ranked by evidence, as cv_ext ranks it.

Skills that time in jobs backs and more than one item carries are cards: their strongest
evidence, then "All N items" with the full list. The rest of work and projects are chips
("More skills"), and the skills of volunteering and studies alone come last, as chips too.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from synth_dates import TODAY, format_months, months
from synth_model import KINDS, Obj, newest_first

if TYPE_CHECKING:
    from collections.abc import Callable

    from synth_model import Site

BADGES = {"achievement": "Achievement", "project": "Project", "talk": "Talk"}
SEPARATOR = " · "
EVIDENCE = 2  # pieces of evidence on a card (cv_ext.core.views.strongest_evidence)


def unsearched(markdown: str) -> str:
    """*markdown* in a container of Sphinx's ``no-search`` class, as cv_ext marks the lists
    that repeat other pages' titles."""
    return f":::{{container}} no-search\n{markdown}\n:::"


def badge(obj: Obj) -> str:
    """What an item is, in a word: "Job" for work, else its kind or its type."""
    if obj.type == "entry":
        return "Job" if obj.kind == "work" else KINDS[obj.kind]
    return BADGES[obj.type]


def span(entry: Obj) -> int:
    """The months an entry lasted, both ends counted."""
    end = TODAY if entry.end == "present" else entry.end
    assert isinstance(end, tuple)
    return months(entry.start, end)


def covered(entries: list[Obj]) -> int:
    """The months the *entries* span, overlaps counted once."""
    spanned: set[int] = set()
    for entry in entries:
        first = entry.start[0] * 12 + entry.start[1]
        spanned.update(range(first, first + span(entry)))
    return len(spanned)


def one_per_object(records: list[Obj], site: Site) -> list[Obj]:
    """*records* without an achievement that is a listed project under another name."""
    listed = {record.id for record in records if record.type == "project"}

    def same(record: Obj) -> bool:
        if record.type != "achievement" or record.project not in listed:
            return False
        project = site.objects[("project", record.project)]
        single_day = project.end is None and project.start == record.start
        return project.title.casefold() == record.title.casefold() or single_day

    return [record for record in records if not same(record)]


def strongest(records: list[Obj]) -> list[Obj]:
    """A card's evidence: the longest job, then the newest project, measured result, talk
    or anything else, taken in turn."""
    jobs = sorted(
        (r for r in records if r.type == "entry" and r.kind == "work"), key=lambda r: -span(r)
    )
    queues = [
        jobs,
        [r for r in records if r.type == "project"],
        [r for r in records if r.type == "achievement" and r.metric],
        [r for r in records if r.type == "talk"],
    ]
    taken = {id(r) for queue in queues for r in queue}
    queues.append([r for r in records if id(r) not in taken])
    picked: list[Obj] = []
    while len(picked) < EVIDENCE and any(queues):
        for queue in queues:
            if queue and len(picked) < EVIDENCE:
                picked.append(queue.pop(0))
    return picked


def years(obj: Obj) -> str:
    """How long a job lasted; the year (or years) of anything else."""
    if obj.type == "entry":
        return format_months(span(obj))
    first = obj.start[0]
    last = obj.end[0] if isinstance(obj.end, tuple) else first
    return str(first) if first == last else f"{first}–{last}"


def skills_page(site: Site, line: Callable[..., str], link: Callable[[Obj, str], str]) -> str:
    """The skills index: main skills as cards, then the others of work and projects, then
    those of volunteering and studies, as chips."""
    by_tag: dict[str, list[Obj]] = defaultdict(list)
    for obj in site.objects.values():
        for tag in obj.tags:
            by_tag[tag].append(obj)
    records = {tag: one_per_object(newest_first(by_tag[tag]), site) for tag in by_tag}
    entries = {tag: [r for r in items if r.type == "entry"] for tag, items in records.items()}
    any_months = {tag: covered(items) for tag, items in entries.items()}
    job_months = {
        tag: covered([r for r in items if r.kind == "work"]) for tag, items in entries.items()
    }
    kinds = {entry.id: entry.kind for entry in site.of_type("entry")}

    def worked(tag: str) -> bool:
        return any(
            (r.kind if r.type == "entry" else kinds.get(r.entry, "work")) == "work"
            for r in records[tag]
        )

    def featured(tag: str) -> bool:
        return bool(job_months[tag]) and len(records[tag]) > 1

    def evidence(tag: str) -> str:
        """Time in jobs, else time at all, else the number of items."""
        if job_months[tag]:
            return f"{format_months(job_months[tag])} in jobs"
        if any_months[tag]:
            return format_months(any_months[tag])
        number = len(records[tag])
        return f"{number} item" if number == 1 else f"{number} items"

    def full_list(tag: str) -> str:
        return unsearched("\n".join(f"- {line(r, badge(r))}" for r in records[tag]))

    def card(tag: str) -> list[str]:
        shown = strongest(records[tag])
        parts = [
            f"(skill-{tag})=\n**{tag}**{SEPARATOR}{evidence(tag)}",
            unsearched(
                "\n".join(
                    f"- {link(r, r.org if r.type == 'entry' else r.title)} {badge(r)} {years(r)}"
                    for r in shown
                )
            ),
        ]
        if len(records[tag]) > len(shown):
            parts += [f"All {len(records[tag])} items", full_list(tag)]
        return parts

    def chip(tag: str) -> list[str]:
        return [f"(skill-{tag})=\n**{tag}** {evidence(tag)}", full_list(tag)]

    ranked = sorted(records, key=lambda tag: (-job_months[tag], -len(records[tag]), tag))
    work = [tag for tag in ranked if worked(tag)]
    other = sorted(
        (tag for tag in ranked if not worked(tag)),
        key=lambda tag: (-any_months[tag], -len(records[tag]), tag),
    )
    groups = [
        ("Main skills", [tag for tag in work if featured(tag)], card),
        ("More skills", [tag for tag in work if not featured(tag)], chip),
        ("Volunteering and education", other, chip),
    ]
    groups = [group for group in groups if group[1]]
    parts = []
    for label, tags, make in groups:
        if len(groups) > 1:
            parts.append(f"```{{rubric}} {label}\n```")
        for tag in tags:
            parts += make(tag)
    return "\n\n".join(parts)
