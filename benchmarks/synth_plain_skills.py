"""The skills page of the plain variant: every tag ranked by evidence, as cv_ext ranks it."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from synth_dates import TODAY, format_months, months
from synth_model import KINDS, Obj, newest_first

if TYPE_CHECKING:
    from collections.abc import Callable

    from synth_model import Site

BADGES = {"achievement": "Achievement", "project": "Project", "talk": "Talk"}


def covered(entries: list[Obj]) -> int:
    """The months the *entries* span, overlaps counted once."""
    spanned: set[int] = set()
    for entry in entries:
        end = TODAY if entry.end == "present" else entry.end
        assert isinstance(end, tuple)
        first = entry.start[0] * 12 + entry.start[1]
        spanned.update(range(first, first + months(entry.start, end)))
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


def skills_page(site: Site, line: Callable[..., str]) -> str:
    """The skills index: work and projects first, volunteering and studies apart."""
    by_tag: dict[str, list[Obj]] = defaultdict(list)
    for obj in site.objects.values():
        for tag in obj.tags:
            by_tag[tag].append(obj)
    records = {tag: one_per_object(newest_first(by_tag[tag]), site) for tag in by_tag}
    entries = {tag: [r for r in items if r.type == "entry"] for tag, items in records.items()}
    any_months = {tag: covered(items) for tag, items in entries.items()}
    work_months = {
        tag: covered([r for r in items if r.kind == "work"]) for tag, items in entries.items()
    }
    kinds = {entry.id: entry.kind for entry in site.of_type("entry")}

    def worked(tag: str) -> bool:
        return any(
            (r.kind if r.type == "entry" else kinds.get(r.entry, "work")) == "work"
            for r in records[tag]
        )

    ranked = sorted(records, key=lambda tag: (-work_months[tag], -len(records[tag]), tag))
    work = [tag for tag in ranked if worked(tag)]
    other = sorted(
        (tag for tag in ranked if not worked(tag)),
        key=lambda tag: (-any_months[tag], -len(records[tag]), tag),
    )
    parts = []
    for label, tags in (("Work and projects", work), ("Volunteering and education", other)):
        if tags and work and other:
            parts.append(f"```{{rubric}} {label}\n```")
        for tag in tags:
            years = (
                f"{format_months(work_months[tag])} of work"
                if work_months[tag]
                else format_months(any_months[tag])
            )
            number = len(records[tag])
            items = f"{number} item" if number == 1 else f"{number} items"
            evidence = " · ".join(part for part in (years, items) if part)
            parts.append(f"(skill-{tag})=\n**{tag}** · {evidence}")
            parts.append(
                "\n".join(
                    f"- {line(r, KINDS[r.kind] if r.type == 'entry' else BADGES[r.type])}"
                    for r in records[tag]
                )
            )
    return "\n\n".join(parts)
