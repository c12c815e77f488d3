"""The plain MyST variant of a synthetic CV: what cv_ext computes, written out by hand.

Each page carries the text cv_ext's page shows, in the same order: headings, date lines,
durations, tags, bodies, an entry's measured results, "Referenced from" with its counts,
the overview, the indices and the skills ranked by evidence (the lists that repeat other
pages' titles, in a ``no-search`` container as cv_ext marks them). Links are ``{doc}`` and
``{ref}`` roles to labels written beside each object. ``tests/test_benchmark.py`` checks
that both variants' text builds hold the same words on every page.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from synth_dates import TODAY, display, format_months, months
from synth_model import KINDS, Obj, newest_first
from synth_plain_skills import skills_page, unsearched
from synth_writer import Writer

if TYPE_CHECKING:
    from synth_model import Site

SEPARATOR = " · "
# the groups of "Referenced from", in cv_ext's order, with their headings and count nouns
GROUPS = (
    ("project", "Projects", "project"),
    ("achievement", "Achievements", "achievement"),
    ("talk", "Talks", "talk"),
    ("entry", "Roles", "role"),
)


def when(obj: Obj) -> str:
    """The date line of *obj*, as cv_ext renders it: dates, then the duration."""
    if obj.end is None:
        return display(obj.start)
    end = TODAY if obj.end == "present" else obj.end
    assert isinstance(end, tuple)
    shown = "Present" if obj.end == "present" else display(end)
    return f"{display(obj.start)} – {shown}{SEPARATOR}{format_months(months(obj.start, end))}"


def count(noun: str, number: int) -> str:
    """``1 project``, ``3 projects``."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def metric_text(metric: tuple[str, float, float]) -> str:
    """``latency: 120 ms → 30 ms (÷4)``, as cv_ext writes a metric."""
    label, before, after = metric
    return f"{label}: {before:g} ms → {after:g} ms (÷{before / after:g})"


def url_label(url: str) -> str:
    """A URL without its scheme, as cv_ext labels a source link (they are all short here)."""
    return url.split("://", 1)[1]


class PlainWriter(Writer):
    """The same site without cv_ext: everything cv_ext would compute, written out by hand."""

    variant = "plain"

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        # target -> the objects referencing it; source -> what it references
        self.backrefs: dict[tuple[str, str], list[Obj]] = defaultdict(list)
        self.references: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        for source, target in site.refs():
            if source not in self.backrefs[target]:
                self.backrefs[target].append(source)
            self.references[source.key].add(target)

    def title(self, obj: Obj) -> str:
        """How a link to *obj* reads: "Position, Org" for an entry, else its title."""
        return f"{obj.title}, {obj.org}" if obj.type == "entry" else obj.title

    def link(self, obj: Obj, text: str = "") -> str:
        """A link to *obj*: its page for a project, else the label beside it."""
        if obj.type == "project":
            return f"{{doc}}`{text or self.title(obj)} </{obj.docname}>`"
        return f"{{ref}}`{text or self.title(obj)} <{obj.id}>`"

    def role(self, typ: str, target: str) -> str:
        return self.link(self.site.objects[(typ, target)])

    def line(self, obj: Obj, *extra: str) -> str:
        """``when · linked title · extra``."""
        return SEPARATOR.join([when(obj), self.link(obj), *extra])

    def tag_line(self, obj: Obj) -> str:
        return "Tags: " + ", ".join(f"{{ref}}`{tag} <skill-{tag}>`" for tag in obj.tags)

    def results(self, entry: Obj) -> list[Obj]:
        """The measured achievements naming *entry*, newest first: shown under it."""
        return newest_first(
            [a for a in self.site.of_type("achievement") if a.entry == entry.id and a.metric]
        )

    def backlinks(self, obj: Obj) -> list[str]:
        """An entry's results, then "Referenced from", its counts and its groups."""
        parts = []
        results = self.results(obj) if obj.type == "entry" else []
        for result in results:
            assert result.metric is not None
            parts += [self.line(result), metric_text(result.metric)]
        # what the reader sees already: what its own body links, the results above
        seen = self.references[obj.key] | {result.key for result in results}
        sources = [source for source in self.backrefs.get(obj.key, []) if source.key not in seen]
        groups = [
            (label, noun, newest_first([s for s in sources if s.type == typ]))
            for typ, label, noun in GROUPS
        ]
        groups = [group for group in groups if group[2]]
        if not groups:
            return parts
        counts = SEPARATOR.join(count(noun, len(group)) for _, noun, group in groups)
        listed = [f"**Referenced from** {counts}"]
        for label, _, group in groups:
            listed.append(label)
            listed.append("\n".join(f"- {self.line(source)}" for source in group))
        return [*parts, unsearched("\n\n".join(listed))]

    def overview(self) -> str:
        entries = newest_first(self.site.of_type("entry"))
        parts = []
        for kind, label in KINDS.items():
            shown = [entry for entry in entries if entry.kind == kind]
            if shown:
                parts.append(f"```{{rubric}} {label}\n```")
                # each item as cv_ext's: the dates, then "Position · Organisation"
                parts.append(
                    "\n".join(
                        f"- {when(entry)}\n\n"
                        f"  {self.link(entry, entry.title)}{SEPARATOR}{entry.org}\n"
                        for entry in shown
                    )
                )
        return "\n\n".join(parts)

    def index(self, kind: str) -> str:
        if kind == "projects":
            projects = newest_first(self.site.of_type("project"))
            return "\n".join(
                f"- {self.line(project)}\n\n  {project.summary}\n" for project in projects
            )
        if kind == "talks":
            talks = newest_first(self.site.of_type("talk"))
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
        return skills_page(self.site, self.line, self.link)

    def project(self, obj: Obj) -> str:
        facts = [f":When: {when(obj)}"]
        if obj.entry:
            facts.append(f":Role: {self.role('entry', obj.entry)}")
        source = f"https://example.org/src/{obj.id}"
        facts.append(f":Source: [{url_label(source)}]({source})")
        # cv_ext's project directive ends with its backlinks; the page's text follows it
        parts = [obj.summary, "\n".join(facts), self.tag_line(obj), *self.backlinks(obj)]
        return "\n\n".join([*parts, self.body(obj)])

    def obj(self, obj: Obj) -> str:
        if obj.type == "entry":
            url = f"https://example.org/org/{obj.id}"
            parts = [f"({obj.id})=\n## {obj.title}{SEPARATOR}[{obj.org}]({url})"]
            current = " Current" if obj.end == "present" else ""
            parts.append(f"{when(obj)}{current}{SEPARATOR}{obj.location}")
        elif obj.type == "achievement":
            url = f"https://example.org/result/{obj.id}"
            parts = [f"({obj.id})=\n## {obj.title}"]
            line = [display(obj.start)]
            line += [self.role("entry", obj.entry)] if obj.entry else []
            line += [self.role("project", obj.project)] if obj.project else []
            line += [f"[{url_label(url)}]({url})"]
            parts.append(SEPARATOR.join(line))
            if obj.metric:
                parts.append(metric_text(obj.metric))
        else:
            parts = [f"({obj.id})=\n## {obj.title}"]
            parts.append(
                f"{display(obj.start)}{SEPARATOR}[{obj.event}](https://example.org/event/{obj.id})"
            )
            parts.append(f"[Video](https://video.example.org/{obj.id})")
            if obj.projects:
                presents = ", ".join(self.role("project", p) for p in obj.projects)
                parts.append(f"Presents: {presents}")
            # the role only where it changes from the talk before, as cv_ext says it
            before = self.site.pages[obj.docname][obj.line - 1] if obj.line else None
            if obj.entry and (before is None or before.entry != obj.entry):
                parts.append(f"Given as {self.role('entry', obj.entry)}")
        parts.append(self.tag_line(obj))
        if body := self.body(obj):
            parts.append(body)
        return "\n\n".join(parts + self.backlinks(obj))
