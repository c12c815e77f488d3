"""The plain MyST variant of a synthetic CV: what cv_ext computes, written out by hand."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from synth_dates import TODAY, display, format_months, months
from synth_model import KINDS, Obj
from synth_writer import Writer

if TYPE_CHECKING:
    from synth_model import Site


def when(obj: Obj) -> str:
    """The date line of *obj*, as cv_ext renders it."""
    if obj.end is None:
        return display(obj.start)
    end = TODAY if obj.end == "present" else obj.end
    assert isinstance(end, tuple)
    shown = "Present" if obj.end == "present" else display(end)
    return f"{display(obj.start)} – {shown} · {format_months(months(obj.start, end))}"


class PlainWriter(Writer):
    """The same site without cv_ext: everything cv_ext would compute, written out by hand."""

    variant = "plain"

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.backrefs: dict[tuple[str, str], list[Obj]] = defaultdict(list)
        for source, target in site.refs():
            if source not in self.backrefs[target]:
                self.backrefs[target].append(source)

    def title(self, obj: Obj) -> str:
        return f"{obj.title}, {obj.org}" if obj.type == "entry" else obj.title

    def link(self, obj: Obj) -> str:
        if obj.type == "project":
            return f"{{doc}}`{self.title(obj)} </{obj.docname}>`"
        return f"{{ref}}`{self.title(obj)} <{obj.id}>`"

    def role(self, typ: str, target: str) -> str:
        return self.link(self.site.objects[(typ, target)])

    def line(self, obj: Obj, *extra: str) -> str:
        return " · ".join([when(obj), self.link(obj), *extra])

    def tag_line(self, obj: Obj) -> str:
        return "Tags: " + ", ".join(f"{{ref}}`{tag} <skill-{tag}>`" for tag in obj.tags)

    def backlinks(self, obj: Obj) -> list[str]:
        sources = self.backrefs.get(obj.key, [])
        if not sources:
            return []
        parts = ["**Referenced from**"]
        for typ, label in (
            ("entry", "Timeline"),
            ("project", "Projects"),
            ("achievement", "Achievements"),
            ("talk", "Talks"),
        ):
            group = [source for source in sources if source.type == typ]
            if group:
                parts.append(label)
                parts.append("\n".join(f"- {self.line(source)}" for source in group))
        return parts

    def overview(self) -> str:
        entries = sorted(self.site.of_type("entry"), key=Obj.sort_key, reverse=True)
        parts = []
        for kind, label in KINDS.items():
            shown = [entry for entry in entries if entry.kind == kind]
            if shown:
                parts.append(f"```{{rubric}} {label}\n```")
                parts.append(
                    "\n".join(
                        f"- {when(entry)} · {{ref}}`{entry.title} <{entry.id}>` · {entry.org}"
                        for entry in shown
                    )
                )
        return "\n\n".join(parts)

    def index(self, kind: str) -> str:
        if kind == "projects":
            projects = sorted(self.site.of_type("project"), key=Obj.sort_key, reverse=True)
            return "\n".join(
                f"- {self.line(project)}\n\n  {project.summary}\n" for project in projects
            )
        if kind == "talks":
            talks = sorted(self.site.of_type("talk"), key=Obj.sort_key, reverse=True)
            parts = []
            for year in sorted({talk.start[0] for talk in talks}, reverse=True):
                parts.append(f"```{{rubric}} {year}\n```")
                parts.append(
                    "\n".join(
                        f"- {self.line(talk, talk.event)}"
                        for talk in talks
                        if talk.start[0] == year
                    )
                )
            return "\n\n".join(parts)
        by_tag: dict[str, list[Obj]] = defaultdict(list)
        for obj in self.site.objects.values():
            for tag in obj.tags:
                by_tag[tag].append(obj)
        parts = []
        for tag in sorted(by_tag):
            covered: set[int] = set()
            for obj in by_tag[tag]:
                if obj.type == "entry":
                    end = TODAY if obj.end == "present" else obj.end
                    assert isinstance(end, tuple)
                    first = obj.start[0] * 12 + obj.start[1]
                    covered.update(range(first, first + months(obj.start, end)))
            total = f" · {format_months(len(covered))}" if covered else ""
            records = sorted(by_tag[tag], key=Obj.sort_key, reverse=True)
            parts.append(f"(skill-{tag})=\n**{tag}**{total}")
            parts.append("\n".join(f"- {self.line(record)}" for record in records))
        return "\n\n".join(parts)

    def project(self, obj: Obj) -> str:
        facts = [f"- When: {when(obj)}"]
        if obj.entry:
            facts.append(f"- Role: {self.role('entry', obj.entry)}")
        source = f"https://example.org/src/{obj.id}"
        facts.append(f"- Source: [{source.split('://')[1]}]({source})")
        parts = [obj.summary, "\n".join(facts), self.tag_line(obj), self.body(obj)]
        return "\n\n".join(parts + self.backlinks(obj))

    def obj(self, obj: Obj) -> str:
        parts = [f"({obj.id})=\n## {obj.title}"]
        if obj.type == "entry":
            url = f"https://example.org/org/{obj.id}"
            parts += [f"[{obj.org}]({url}) · {obj.location}", when(obj)]
        elif obj.type == "achievement":
            url = f"https://example.org/result/{obj.id}"
            line = [when(obj)]
            line += [self.role("entry", obj.entry)] if obj.entry else []
            line += [self.role("project", obj.project)] if obj.project else []
            line += [f"[{url.split('://')[1]}]({url})"]
            parts.append(" · ".join(line))
            if obj.metric:
                label, before, after = obj.metric
                parts.append(f"{label}: {before:g} ms → {after:g} ms (×{before / after:g})")
        else:
            url = f"https://example.org/event/{obj.id}"
            parts += [f"{when(obj)} · [{obj.event}]({url})"]
            parts += [f"[Video](https://video.example.org/{obj.id})"]
            if obj.projects:
                presents = ", ".join(self.role("project", p) for p in obj.projects)
                parts.append(f"Presents: {presents}")
            if obj.entry:
                parts.append(f"Given as {self.role('entry', obj.entry)}")
        parts.append(self.tag_line(obj))
        if body := self.body(obj):
            parts.append(body)
        return "\n\n".join(parts + self.backlinks(obj))
