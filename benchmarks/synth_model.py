"""The object model of a synthetic CV: its objects, its pages and their cross-references."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from synth_dates import TODAY_DATE, full_date

# the kinds of timeline entry, with the heading cv_ext's career overview gives each
KINDS = {"work": "Work", "education": "Education", "volunteering": "Volunteering"}


@dataclass
class Obj:
    """One CV object, with everything either writer needs."""

    type: str  # entry, achievement, project, talk
    id: str
    title: str
    docname: str = ""
    start: tuple[int, ...] = ()  # (y, m) or (y, m, d)
    end: tuple[int, ...] | str | None = None  # (y, m), "present" or None
    tags: list[str] = field(default_factory=list)
    org: str = ""
    kind: str = "work"
    location: str = ""
    entry: str = ""
    project: str = ""
    projects: list[str] = field(default_factory=list)
    event: str = ""
    summary: str = ""
    metric: tuple[str, float, float] | None = None
    body: str = ""  # MyST; each reference a marker ⟨i⟩ (see synth_bodies)
    body_refs: list[tuple[str, str]] = field(default_factory=list)  # (type, id) of each marker
    line: int = 0  # its place on its page: orders objects of the same date, as cv_ext does

    @property
    def key(self) -> tuple[str, str]:
        """(type, id): what a role or an option names this object by."""
        return (self.type, self.id)

    def date_key(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Latest end, then latest start: what cv_ext orders newest first by. A talk or an
        achievement known only to its year or month counts as its first day, after the
        more precise dates of that day."""
        if self.type in ("talk", "achievement") and self.end is None:
            return (full_date(self.start), (len(self.start), 0, 0))
        if self.end == "present":
            return (TODAY_DATE, full_date(self.start))
        end = self.start if self.end is None else self.end
        assert isinstance(end, tuple)
        return (full_date(end, last=True), full_date(self.start))


def newest_first(objects: list[Obj]) -> list[Obj]:
    """*objects* newest first; ties in the order of their pages and lines, as cv_ext does."""
    ordered = sorted(objects, key=lambda obj: (obj.docname, obj.line, obj.id))
    return sorted(ordered, key=Obj.date_key, reverse=True)


@dataclass
class Site:
    """A synthetic CV: its objects, its pages and its cross-references."""

    n: int
    objects: dict[tuple[str, str], Obj]
    pages: dict[str, list[Obj]]  # docname -> objects declared there, in order
    titles: dict[str, str]  # docname -> page title

    def of_type(self, typ: str) -> list[Obj]:
        """The objects of type *typ*, in the order they were made."""
        return [obj for obj in self.objects.values() if obj.type == typ]

    def refs(self) -> list[tuple[Obj, tuple[str, str]]]:
        """Every (source object, target key): options first, then body roles."""
        result = []
        for obj in self.objects.values():
            targets = []
            if obj.entry:
                targets.append(("entry", obj.entry))
            if obj.project:
                targets.append(("project", obj.project))
            targets += [("project", project) for project in obj.projects]
            targets += obj.body_refs
            result += [(obj, target) for target in targets if target != obj.key]
        return result

    def edit_target(self) -> Obj:
        """The project the incremental build edits: one referenced from several pages."""
        incoming: dict[str, set[str]] = defaultdict(set)
        for source, (typ, target) in self.refs():
            if typ == "project":
                incoming[target].add(source.docname)
        projects = self.of_type("project")
        middle = projects[len(projects) // 2 :] + projects[: len(projects) // 2]
        return max(middle, key=lambda p: min(len(incoming[p.id]), 3))

    def expected_prose_rewrites(self, project: Obj) -> set[str]:
        """The pages a change to *project*'s body text alone rewrites: its own, and the
        toctree parent Sphinx writes with every page it writes."""
        parent = toctree_parent(project.docname)
        return {project.docname, *([parent] if parent else [])}

    def expected_rewrites(self, project: Obj) -> set[str]:
        """The pages showing *project*'s title: itself, the indices, references, backlinks.

        Sphinx itself adds the toctree parent of every page it writes (its toctree shows
        the page's title), so those are expected too: the plain build rewrites the edited
        page and ``projects``.
        """
        pages = {project.docname, "projects"}
        if project.tags:
            pages.add("skills")
        for source, target in self.refs():
            if target == project.key:
                pages.add(source.docname)  # its link text is the project's title
            if source is project:
                pages.add(self.objects[target].docname)  # "Referenced from" lists the project
        # a renamed page's title also shows in its neighbours' previous/next links (in
        # toctree order: the project pages newest first, as cv_ext orders a globbed
        # toctree of project pages, after "projects" and before "talks")
        projects = sorted(self.of_type("project"), key=lambda p: p.docname)
        projects.sort(key=Obj.date_key, reverse=True)
        order = ["projects", *(p.docname for p in projects), "talks"]
        at = order.index(project.docname)
        pages |= {order[at - 1], order[at + 1]}
        return pages | {parent for page in pages if (parent := toctree_parent(page))}


def toctree_parent(docname: str) -> str | None:
    """The page whose toctree lists *docname* (see synth_writer.TOCTREE_HOME, TOCTREE_GLOB)."""
    if docname == "index":
        return None
    folder = docname.partition("/")[0] if "/" in docname else ""
    return folder if folder in ("projects", "talks") else "index"
