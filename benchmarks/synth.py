"""Synthetic career sites for the build-speed benchmark: one CV, written twice.

:func:`generate` makes a CV of *n* objects (timeline entries, achievements,
projects with a page each, talks) with tags and cross-references, and writes it
as a cv_ext site (directives and roles) or as a plain MyST site (the same pages
and text, with headings, paragraphs and links written out by hand, as the
author would have to without cv_ext). :meth:`Site.expected_rewrites` says which
pages show a project, and so must be rewritten when it changes.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

TODAY = (2024, 9)  # matches cv_today below
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
KINDS = {"work": "Work", "education": "Education", "volunteering": "Volunteering"}
WORDS = [
    "adaptive",
    "async",
    "batched",
    "binary",
    "cache",
    "cluster",
    "compact",
    "concurrent",
    "consensus",
    "crawler",
    "datapath",
    "decoder",
    "distributed",
    "dynamic",
    "edge",
    "encoder",
    "engine",
    "event",
    "fast",
    "fleet",
    "flow",
    "gossip",
    "graph",
    "hybrid",
    "incremental",
    "index",
    "kernel",
    "latency",
    "ledger",
    "lightweight",
    "mesh",
    "metrics",
    "network",
    "observability",
    "overlay",
    "packet",
    "parallel",
    "parser",
    "pipeline",
    "protocol",
    "proxy",
    "query",
    "queue",
    "relay",
    "replica",
    "resilient",
    "router",
    "runtime",
    "scalable",
    "scheduler",
    "secure",
    "service",
    "sharded",
    "storage",
    "stream",
    "sync",
    "telemetry",
    "throughput",
    "transport",
    "tuning",
    "vector",
    "verified",
    "wire",
    "zero-copy",
]
TAGS = [
    "rust",
    "go",
    "python",
    "c",
    "cpp",
    "java",
    "kotlin",
    "typescript",
    "haskell",
    "ocaml",
    "quic",
    "http3",
    "tcp",
    "udp",
    "tls",
    "libp2p",
    "ipfs",
    "kubernetes",
    "prometheus",
    "grafana",
    "linux",
    "ebpf",
    "wasm",
    "sql",
    "postgres",
    "kafka",
    "redis",
    "grpc",
    "protobuf",
    "nix",
    "bazel",
    "docker",
    "terraform",
    "aws",
    "gcp",
    "ml",
    "cryptography",
    "p2p",
    "dht",
    "nat",
    "observability",
    "performance",
    "fuzzing",
    "testing",
    "ci",
    "compilers",
    "databases",
    "networking",
    "security",
]
CITIES = ["Berlin", "Munich", "Paris", "London", "Remote", "Toronto", "Zurich", "Lisbon"]

CONF = """\
project = "Synthetic CV ({variant}, N={n})"
author = copyright = "benchmark"
extensions = {extensions!r}
myst_enable_extensions = ["colon_fence"]
cv_today = "2024-09-23"
exclude_patterns = ["_build"]
html_theme = {theme!r}
"""


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
    text: str = ""  # the body, without its references
    body_refs: list[tuple[str, str]] = field(default_factory=list)  # (type, id) roles

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.id)

    def sort_key(self) -> tuple[tuple[int, ...], tuple[int, ...], str, str]:
        """Newest first: latest end, then latest start (as cv_ext orders)."""
        end = self.start if self.end is None else (TODAY if self.end == "present" else self.end)
        assert isinstance(end, tuple)
        return (_full(end, last=True), _full(self.start), self.title, self.id)


def _full(date: tuple[int, ...], *, last: bool = False) -> tuple[int, ...]:
    return (*date, *((31 if last else 1,) * (3 - len(date))))


def iso(date: tuple[int, ...]) -> str:
    return "-".join([f"{date[0]:04d}", *(f"{part:02d}" for part in date[1:])])


def display(date: tuple[int, ...]) -> str:
    if len(date) == 3:
        return f"{date[2]} {MONTHS[date[1] - 1]} {date[0]}"
    return f"{MONTHS[date[1] - 1]} {date[0]}"


def months(start: tuple[int, ...], end: tuple[int, ...]) -> int:
    return (end[0] - start[0]) * 12 + end[1] - start[1] + 1


def format_months(count: int) -> str:
    years, rest = divmod(count, 12)
    parts = [f"{years} yr" if years == 1 else f"{years} yrs"] if years else []
    parts += [f"{rest} mo" if rest == 1 else f"{rest} mos"] if rest else []
    return " ".join(parts)


def when(obj: Obj) -> str:
    """The date line of *obj*, as cv_ext renders it."""
    if obj.end is None:
        return display(obj.start)
    end = TODAY if obj.end == "present" else obj.end
    assert isinstance(end, tuple)
    shown = "Present" if obj.end == "present" else display(end)
    return f"{display(obj.start)} – {shown} · {format_months(months(obj.start, end))}"


@dataclass
class Site:
    """A synthetic CV: its objects, its pages and its cross-references."""

    n: int
    objects: dict[tuple[str, str], Obj]
    pages: dict[str, list[Obj]]  # docname -> objects declared there, in order
    titles: dict[str, str]  # docname -> page title

    def of_type(self, typ: str) -> list[Obj]:
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
        # toctree order: the project pages by name, after "projects" and before "talks")
        order = ["projects", *sorted(p.docname for p in self.of_type("project")), "talks"]
        at = order.index(project.docname)
        pages |= {order[at - 1], order[at + 1]}
        return pages | {parent for page in pages if (parent := toctree_parent(page))}


def toctree_parent(docname: str) -> str | None:
    """The page whose toctree includes *docname* (see TOCTREE_HOME and TOCTREE_GLOB)."""
    if docname == "index":
        return None
    folder = docname.partition("/")[0] if "/" in docname else ""
    return folder if folder in ("projects", "talks") else "index"


def generate(n: int, seed: int = 1) -> Site:
    """A CV of *n* objects: 10% entries, 45% achievements, 25% projects, 20% talks."""
    rng = random.Random(f"{seed}-{n}")

    def words(count: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(count))

    def tags(count: int) -> list[str]:
        return sorted(rng.sample(TAGS, count))

    n_entries = max(2, n // 10)
    n_projects = max(2, n // 4)
    n_talks = max(2, n // 5)
    n_achievements = max(2, n - n_entries - n_projects - n_talks)
    objects: dict[tuple[str, str], Obj] = {}

    def add(obj: Obj) -> Obj:
        objects[obj.key] = obj
        return obj

    entries = []
    for i in range(n_entries):
        year, month = rng.randint(1990, 2023), rng.randint(1, 12)
        length = rng.randint(3, 48)
        end_index = year * 12 + month - 1 + length - 1
        last = (end_index // 12, end_index % 12 + 1)
        end: tuple[int, ...] | str = "present" if i == 0 or last > TODAY else last
        kind = rng.choices(list(KINDS), weights=(7, 2, 1))[0]
        entries.append(
            add(
                Obj(
                    "entry",
                    f"entry-{i:04d}",
                    f"{words(2).title()} Engineer {i}",
                    start=(year, month),
                    end=end,
                    tags=tags(2),
                    org=f"{words(1).title()} Corp {i}",
                    kind=kind,
                    location=rng.choice(CITIES),
                )
            )
        )
    projects = []
    for i in range(n_projects):
        year, month, day = rng.randint(1995, 2024), rng.randint(1, 8), rng.randint(1, 28)
        long = rng.random() < 0.3
        projects.append(
            add(
                Obj(
                    "project",
                    f"proj-{i:04d}",
                    f"Project {i}: {words(3)}",
                    docname=f"projects/proj-{i:04d}",
                    start=(year, month) if long else (year, month, day),
                    end=(year, month + rng.randint(1, 4)) if long else None,
                    tags=tags(2),
                    summary=f"A {words(6)} project.",
                )
            )
        )
    achievements = []
    for i in range(n_achievements):
        before = rng.choice((10, 30, 120, 500, 2000))
        achievements.append(
            add(
                Obj(
                    "achievement",
                    f"ach-{i:04d}",
                    f"Achievement {i}: {words(4)}",
                    start=(rng.randint(1995, 2024), rng.randint(1, 8), rng.randint(1, 28)),
                    tags=tags(2),
                    metric=("latency", before, before / rng.choice((2, 4, 10)))
                    if rng.random() < 0.5
                    else None,
                )
            )
        )
    talks = [
        add(
            Obj(
                "talk",
                f"talk-{i:04d}",
                f"Talk {i}: {words(4)}",
                start=(rng.randint(2005, 2024), rng.randint(1, 8), rng.randint(1, 28)),
                tags=tags(1),
                event=f"{words(1).title()}Conf {rng.randint(2005, 2024)}",
            )
        )
        for i in range(n_talks)
    ]

    # cross-references: options and body roles
    for entry in entries:
        entry.text = f"Worked on {words(25)}."
        if rng.random() < 0.5:
            entry.body_refs.append(("project", rng.choice(projects).id))
    for project in projects:
        project.text = f"This project explores {words(40)}."
        if rng.random() < 0.9:
            project.entry = rng.choice(entries).id
        if rng.random() < 0.3:
            project.body_refs.append(("project", rng.choice(projects).id))
        if rng.random() < 0.2:
            project.body_refs.append(("talk", rng.choice(talks).id))
    for achievement in achievements:
        achievement.text = f"Improved {words(20)}."
        if rng.random() < 0.9:
            achievement.entry = rng.choice(entries).id
        if rng.random() < 0.5:
            achievement.project = rng.choice(projects).id
        if rng.random() < 0.3:
            achievement.body_refs.append(("project", rng.choice(projects).id))
        if rng.random() < 0.1:
            achievement.body_refs.append(("achievement", rng.choice(achievements).id))
    for talk in talks:
        if rng.random() < 0.8:
            talk.projects = sorted({rng.choice(projects).id for _ in range(rng.randint(1, 2))})
        if rng.random() < 0.6:
            talk.entry = rng.choice(entries).id
        talk.body_refs = []

    pages: dict[str, list[Obj]] = {"index": [], "projects": [], "talks": [], "skills": []}
    titles = {"index": "Career", "projects": "Projects", "talks": "Talks", "skills": "Skills"}
    for folder, label, items, per_page in (
        ("experience", "Experience", entries, 25),
        ("achievements", "Achievements", achievements, 25),
        ("talks", "Talks", talks, 20),
    ):
        for page in range(0, len(items), per_page):
            docname = f"{folder}/page-{page // per_page + 1:03d}"
            pages[docname] = items[page : page + per_page]
            titles[docname] = f"{label}, part {page // per_page + 1}"
            for obj in pages[docname]:
                obj.docname = docname
    for project in projects:
        pages[project.docname] = [project]
        titles[project.docname] = project.title
    return Site(n, objects, pages, titles)


# --- writers -------------------------------------------------------------------------------------


class Writer:
    """Writes a :class:`Site` as MyST source files."""

    variant = ""

    def __init__(self, site: Site) -> None:
        self.site = site

    def write(self, srcdir: Path, theme: str) -> None:
        extensions = ["myst_parser", "cv_ext"] if self.variant == "cv_ext" else ["myst_parser"]
        srcdir.mkdir(parents=True, exist_ok=True)
        (srcdir / "conf.py").write_text(
            CONF.format(variant=self.variant, n=self.site.n, extensions=extensions, theme=theme),
            encoding="utf8",
        )
        for docname in self.site.pages:
            path = srcdir / f"{docname}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.page(docname), encoding="utf8")

    def page(self, docname: str) -> str:
        title = self.site.titles[docname]
        if docname == "index":
            parts = [self.overview(), TOCTREE_HOME]
        elif docname in ("projects", "talks"):
            parts = [self.index(docname), TOCTREE_GLOB.format(folder=docname)]
        elif docname == "skills":
            parts = [self.index("skills")]
        elif docname.startswith("projects/"):
            parts = [self.project(self.site.pages[docname][0])]
        else:
            parts = [self.obj(obj) for obj in self.site.pages[docname]]
        return "\n\n".join([f"# {title}", *parts]).rstrip() + "\n"

    def body(self, obj: Obj) -> str:
        roles = " ".join(f"See {self.role(typ, target)}." for typ, target in obj.body_refs)
        return f"{obj.text} {roles}".strip()

    def overview(self) -> str:
        raise NotImplementedError

    def index(self, kind: str) -> str:
        raise NotImplementedError

    def project(self, obj: Obj) -> str:
        raise NotImplementedError

    def obj(self, obj: Obj) -> str:
        raise NotImplementedError

    def role(self, typ: str, target: str) -> str:
        raise NotImplementedError


TOCTREE_HOME = """\
```{toctree}
:hidden:
:glob:

experience/*
achievements/*
projects
talks
skills
```"""
TOCTREE_GLOB = """\
```{{toctree}}
:hidden:
:glob:

{folder}/*
```"""


class CVWriter(Writer):
    """The site as a cv_ext author writes it: directives, options and roles."""

    variant = "cv_ext"

    def role(self, typ: str, target: str) -> str:
        return f"{{cv:{typ}}}`{target}`"

    def overview(self) -> str:
        return ":::{career-overview}\n:::"

    def index(self, kind: str) -> str:
        return f":::{{cv-index}} {kind}\n:::"

    @staticmethod
    def directive(name: str, argument: str, options: list[tuple[str, str]], body: str) -> str:
        lines = [f":::{{{name}}} {argument}".rstrip()]
        lines += [f":{key}: {value}" for key, value in options if value]
        return "\n".join(lines) + ("\n\n" + body if body else "") + "\n:::"

    def project(self, obj: Obj) -> str:
        dates = (
            [("start", iso(obj.start)), ("end", iso(obj.end))]
            if isinstance(obj.end, tuple)
            else [("date", iso(obj.start))]
        )
        options = [
            *dates,
            ("url", f"https://example.org/src/{obj.id}"),
            ("entry", obj.entry),
            ("tags", ", ".join(obj.tags)),
            ("summary", obj.summary),
        ]
        return self.directive("project", "", options, "") + "\n\n" + self.body(obj)

    def obj(self, obj: Obj) -> str:
        if obj.type == "entry":
            end = obj.end if obj.end == "present" else iso(obj.end)  # type: ignore[arg-type]
            options = [
                ("org", obj.org),
                ("start", iso(obj.start)),
                ("end", str(end)),
                ("kind", obj.kind),
                ("location", obj.location),
                ("url", f"https://example.org/org/{obj.id}"),
                ("tags", ", ".join(obj.tags)),
                ("name", obj.id),
            ]
            return self.directive("timeline", obj.title, options, self.body(obj))
        if obj.type == "achievement":
            metric = ""
            if obj.metric:
                label, before, after = obj.metric
                metric = f"{label}: {before:g} ms -> {after:g} ms"
            options = [
                ("date", iso(obj.start)),
                ("metric", metric),
                ("entry", obj.entry),
                ("project", obj.project),
                ("url", f"https://example.org/result/{obj.id}"),
                ("tags", ", ".join(obj.tags)),
                ("name", obj.id),
            ]
            return self.directive("achievement", obj.title, options, self.body(obj))
        options = [
            ("date", iso(obj.start)),
            ("event", obj.event),
            ("event-url", f"https://example.org/event/{obj.id}"),
            ("video", f"https://video.example.org/{obj.id}"),
            ("projects", ", ".join(obj.projects)),
            ("entry", obj.entry),
            ("tags", ", ".join(obj.tags)),
            ("name", obj.id),
        ]
        return self.directive("talk", obj.title, options, self.body(obj))


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


WRITERS: dict[str, type[Writer]] = {"plain": PlainWriter, "cv_ext": CVWriter}


def edit_project(srcdir: Path, project: Obj) -> str:
    """Change the title and the body text of *project*'s page; return the old text."""
    path = srcdir / f"{project.docname}.md"
    old = path.read_text(encoding="utf8")
    first, rest = old.split("\n", 1)
    assert first == f"# {project.title}", first
    assert rest.count("This project explores") == 1
    new = f"# {project.title} (revised)\n" + rest.replace(
        "This project explores", "This revised project explores"
    )
    path.write_text(new, encoding="utf8")
    return old
